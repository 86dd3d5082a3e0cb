// One query spoken to PGlite in PostgreSQL's own wire protocol, its rows read straight from the
// answer's bytes. PGlite's `query` hands rows over field by field through a JavaScript parser in text
// format (bytea as hex); a binary COPY into `/dev/blob` avoids that but comes back as a Blob, whose
// bytes Node reads out asynchronously, chunk by chunk. Here every column comes back in binary format
// (bytea as its bytes, text as UTF-8) inside the one buffer PGlite returns, and the rows are views
// into it. Used where a read is large enough for that to matter (store/pair-contents.ts).
import type { PGlite } from '@electric-sql/pglite';

/** A row's fields as views into the answer (null for SQL NULL), in the query's column order. */
export type WireRow = (Uint8Array | null)[];

const encoder = new TextEncoder();

/** A frontend message, built from NUL-terminated strings, 16- and 32-bit integers and raw bytes. */
class Message {
  private parts: Uint8Array[] = [];

  cstring(text: string): this {
    this.parts.push(encoder.encode(text), new Uint8Array(1));
    return this;
  }

  int16(value: number): this {
    const part = new Uint8Array(2);
    new DataView(part.buffer).setInt16(0, value);
    this.parts.push(part);
    return this;
  }

  int32(value: number): this {
    const part = new Uint8Array(4);
    new DataView(part.buffer).setInt32(0, value);
    this.parts.push(part);
    return this;
  }

  bytes(value: Uint8Array): this {
    this.parts.push(value);
    return this;
  }

  /** Its type byte, then its length (which counts itself but not the type) and body. */
  encode(type: string): Uint8Array {
    const header = new Uint8Array(5);
    header[0] = type.charCodeAt(0);
    new DataView(header.buffer).setInt32(1, 4 + this.parts.reduce((sum, part) => sum + part.byteLength, 0));
    return Buffer.concat([header, ...this.parts]);
  }
}

/**
 * Parse, Bind, Execute and Sync of one statement: parameters travel as text (bound, never spliced
 * into the SQL), every result column in binary format.
 */
export function extendedQuery(sql: string, params: readonly string[]): Uint8Array {
  // The protocol counts parameters in a signed 16-bit field.
  if (params.length > 32_767) throw new Error(`a statement takes at most 32,767 parameters, not ${params.length}`);
  const bind = new Message().cstring('').cstring('').int16(0).int16(params.length);
  for (const param of params) {
    const value = encoder.encode(param);
    bind.int32(value.byteLength).bytes(value);
  }
  bind.int16(1).int16(1);
  return Buffer.concat([
    new Message().cstring('').cstring(sql).int16(0).encode('P'),
    bind.encode('B'),
    new Message().cstring('').int32(0).encode('E'),
    new Message().encode('S'),
  ]);
}

/** A text field's value (binary format for text is its UTF-8). */
export function fieldText(field: Uint8Array): string {
  return Buffer.from(field.buffer, field.byteOffset, field.byteLength).toString('utf8');
}

/** An integer field's value (binary format for integer is 4 bytes, big-endian). */
export function fieldInt32(field: Uint8Array): number {
  return new DataView(field.buffer, field.byteOffset, 4).getInt32(0);
}

function truncated(): Error {
  return new Error('PGlite answered with a message cut short');
}

/** The server's error fields (S severity, C code, M message…) as one Error carrying `code`. */
function serverError(body: Uint8Array): Error & { code?: string } {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < body.byteLength && body[at] !== 0) {
    const end = body.indexOf(0, at + 1);
    if (end < 0) break;
    fields.set(String.fromCharCode(body[at]!), Buffer.from(body.buffer, body.byteOffset + at + 1, end - at - 1).toString('utf8'));
    at = end + 1;
  }
  return Object.assign(new Error(fields.get('M') ?? 'PGlite reported an error'), { code: fields.get('C') });
}

/** The DataRows of a whole answer; an ErrorResponse in it is thrown. Fields keep the answer alive. */
export function* wireRows(answer: Uint8Array): Generator<WireRow> {
  const view = new DataView(answer.buffer, answer.byteOffset, answer.byteLength);
  let at = 0;
  while (at < answer.byteLength) {
    if (at + 5 > answer.byteLength) throw truncated();
    const type = answer[at]!;
    const end = at + 1 + view.getInt32(at + 1);
    if (end > answer.byteLength || end < at + 5) throw truncated();
    if (type === 0x45 /* E */) throw serverError(answer.subarray(at + 5, end));
    if (type === 0x44 /* D */) {
      let field = at + 5;
      if (field + 2 > end) throw truncated();
      const count = view.getInt16(field);
      if (count < 0) throw truncated();
      field += 2;
      const row: WireRow = new Array<Uint8Array | null>(count);
      for (let i = 0; i < count; i++) {
        if (field + 4 > end) throw truncated();
        const length = view.getInt32(field);
        field += 4;
        if (length === -1) {
          row[i] = null;
          continue;
        }
        if (length < 0 || field + length > end) throw truncated();
        row[i] = answer.subarray(field, field + length);
        field += length;
      }
      yield row;
    }
    at = end;
  }
}

/** One plain Uint8Array (not a Buffer), so fields are the same type however the answer arrived. */
function concatenated(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/**
 * Runs one read-only statement and returns its rows. It runs in a transaction of its own: PGlite's
 * queries wait for a transaction, while `runExclusive` would let this one run between the statements
 * of someone else's. Nothing is written, so the file system needs no sync.
 */
export async function readRows(pglite: PGlite, sql: string, params: readonly string[]): Promise<WireRow[]> {
  return pglite.transaction(async () => {
    const chunks: Uint8Array[] = [];
    // The streaming variant: `execProtocolRaw` would also parse every message into strings on the way.
    await pglite.execProtocolRawStream(extendedQuery(sql, params), {
      syncToFs: false,
      // A view into PGlite's memory, valid only during the call.
      onRawData: (chunk: Uint8Array) => void chunks.push(chunk.slice()),
    });
    // Read inside the transaction: a server error thrown here rolls it back instead of committing.
    return [...wireRows(concatenated(chunks))];
  });
}
