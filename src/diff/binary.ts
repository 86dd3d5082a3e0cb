// Git calls a blob binary when a NUL byte occurs in its first 8000 bytes (without attributes).
// Both the rename estimate (CR handling) and the line counts depend on this one test.
const SNIFF_LENGTH = 8000;

export function isBinaryContent(bytes: Uint8Array): boolean {
  // Most files are shorter than the sniff: search them whole rather than make a view per call.
  return (bytes.length <= SNIFF_LENGTH ? bytes : bytes.subarray(0, SNIFF_LENGTH)).indexOf(0) !== -1;
}
