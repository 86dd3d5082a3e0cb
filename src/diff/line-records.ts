// Git compares files record by record, a record being a line including its LF. A final line without
// LF is its own record, unequal to the same text with LF. Records are latin1 strings by default, one
// character per byte, so equality is byte equality even for invalid UTF-8; valid UTF-8 may be split
// as UTF-8 text instead, whose equality is byte equality too.
import { Buffer } from 'node:buffer';

export function splitRecords(bytes: Uint8Array, encoding: 'latin1' | 'utf8' = 'latin1'): string[] {
  // UTF-8 decoding is one-to-one on valid UTF-8, so records decoded that way still compare as bytes;
  // callers pass 'utf8' only for bytes `isUtf8` accepted.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
  const records: string[] = [];
  let start = 0;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    const end = lf === -1 ? text.length : lf + 1;
    records.push(text.slice(start, end));
    start = end;
  }
  return records;
}

/** A record's bytes shown as UTF-8 text, for patches and other human-facing output. */
export function recordToUtf8(record: string): string {
  return Buffer.from(record, 'latin1').toString('utf8');
}
