// Bytes → text for parsing. The stored bytes stay untouched; only the parsers see the cleaned text.

export type DecodedText =
  | { binary: false; text: string; note: string | null }
  | { binary: true; note: string };

// fatal: a lossy decode would silently change what the page says; such files are kept as binary instead.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Git's rule (a NUL in the first 8000 bytes) decides binary, so this agrees with `git diff`.
 * Line endings become `\n` and later NULs become U+FFFD, for the parsers only.
 */
export function decodeText(bytes: Uint8Array, sniffBytes: number): DecodedText {
  const nul = bytes.subarray(0, sniffBytes).indexOf(0);
  if (nul !== -1) return { binary: true, note: `binary: NUL byte at offset ${nul}` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { binary: true, note: `binary: invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}` };
  }
  let note: string | null = null;
  if (text.includes('\0')) {
    text = text.replaceAll('\0', '\uFFFD');
    note = 'NUL bytes after the first 8000 replaced with U+FFFD for parsing';
  }
  // Most files have no `\r` at all: a plain search spares them the pattern.
  return { binary: false, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, note };
}

/** Only called once decoding failed, to tell the reader where the file goes wrong. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    const width = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (width === 0 || at + width > bytes.length) return at;
    for (let k = 1; k < width; k++) if (((bytes[at + k] ?? 0) & 0xc0) !== 0x80) return at;
    const second = bytes[at + 1] ?? 0;
    if (lead === 0xe0 && second < 0xa0) return at;
    if (lead === 0xed && second > 0x9f) return at;
    if (lead === 0xf0 && second < 0x90) return at;
    if (lead === 0xf4 && second > 0x8f) return at;
    at += width;
  }
  return at;
}
