// PostgreSQL's binary COPY format, read: how PGlite hands a large result over in one buffer. A
// query's rows reach JavaScript one field at a time through PGlite's protocol parser, and bytea comes
// as text the server encoded first; `COPY (query) TO '/dev/blob' (FORMAT binary)` skips both: every
// field is its value's own bytes (text as UTF-8, bytea as is), and the reader below only slices.

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // PGCOPY\n\377\r\n\0

/** A row's fields as views into the buffer (null for SQL NULL), in the query's column order. */
export type BinaryCopyRow = (Uint8Array | null)[];

function truncated(): Error {
  return new Error('the binary COPY data ends inside a row');
}

/** The rows of a whole binary COPY output. Fields are views: they keep the buffer alive. */
export function* binaryCopyRows(data: Uint8Array): Generator<BinaryCopyRow> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.byteLength < SIGNATURE.length + 8 || SIGNATURE.some((byte, i) => data[i] !== byte)) {
    throw new Error('not PostgreSQL binary COPY data');
  }
  // Flags (bit 16 says rows carry OIDs, which PostgreSQL 12 and later never write; a query's COPY
  // has none), then a header extension we skip by its length.
  let at = SIGNATURE.length + 4;
  at += 4 + view.getUint32(at);
  for (;;) {
    if (at + 2 > data.byteLength) throw truncated();
    const fields = view.getInt16(at);
    at += 2;
    if (fields === -1) return;
    if (fields < 0) throw truncated();
    const row: BinaryCopyRow = new Array<Uint8Array | null>(fields);
    for (let i = 0; i < fields; i++) {
      if (at + 4 > data.byteLength) throw truncated();
      const length = view.getInt32(at);
      at += 4;
      if (length === -1) {
        row[i] = null;
        continue;
      }
      if (length < 0 || at + length > data.byteLength) throw truncated();
      row[i] = data.subarray(at, at + length);
      at += length;
    }
    yield row;
  }
}

/** A text field's value (UTF-8). */
export function copyText(field: Uint8Array): string {
  return Buffer.from(field.buffer, field.byteOffset, field.byteLength).toString('utf8');
}
