// Git calls a blob binary when a NUL byte occurs in its first 8000 bytes (without attributes).
// Both the rename estimate (CR handling) and the line counts depend on this one test.
import { Buffer } from 'node:buffer';

const SNIFF_LENGTH = 8000;

export function isBinaryContent(bytes: Uint8Array): boolean {
  // Buffer's search is native (memchr); a Uint8Array's indexOf walks byte by byte, several times
  // slower, and every blob of a diff is sniffed more than once.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_LENGTH)).indexOf(0) !== -1;
}
