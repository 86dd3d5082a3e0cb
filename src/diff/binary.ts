// Git calls a blob binary when a NUL byte occurs in its first 8000 bytes (without attributes).
// Both the rename estimate (CR handling) and the line counts depend on this one test.
const SNIFF_LENGTH = 8000;

export function isBinaryContent(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_LENGTH).indexOf(0) !== -1;
}
