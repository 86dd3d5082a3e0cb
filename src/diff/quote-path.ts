// Git's C-style path quoting (core.quotePath=true): a path with control characters, `"`, `\` or any
// byte >= 0x80 is shown in double quotes with escapes, bytes above ASCII as octal (`caf\303\251`).
// Stat lines and patch headers quote exactly where git would, so `git apply` reads our patches.
import { Buffer } from 'node:buffer';

const NAMED_ESCAPES: Record<number, string> = {
  0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\',
};

function needsEscape(byte: number): boolean {
  return byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f;
}

/**
 * The same bytes needsEscape picks, read on the string: a UTF-16 unit of 0x80 or more is always
 * encoded as bytes of 0x80 or more. Every path of every stat line passes here, so no Buffer.
 */
const ESCAPED_UNIT = /[\u0000-\u001f"\\\u007f-\uffff]/;

export function needsQuoting(path: string): boolean {
  return ESCAPED_UNIT.test(path);
}

/** The path as git prints it: unchanged when plain, else quoted and escaped. */
export function quotePath(path: string): string {
  if (!needsQuoting(path)) return path;
  let out = '"';
  for (const byte of Buffer.from(path, 'utf8')) {
    if (!needsEscape(byte)) out += String.fromCharCode(byte);
    else out += NAMED_ESCAPES[byte] ?? `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
