// Rows read from PGlite in the wire protocol's binary format: text, bytea with every byte value,
// NULLs and empty values; a bound parameter arrives as it was given, whatever it holds; a server
// error comes back as an error with its SQLSTATE and leaves the database usable; cut-short answers
// are refused.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendedQuery, readRows, wireRows } from '../../src/store/pglite-wire.ts';

const text = (field: Uint8Array | null | undefined) => (field ? Buffer.from(field).toString('utf8') : field);

describe('PGlite over the wire protocol', () => {
  let pglite: PGlite;

  beforeAll(async () => {
    pglite = new PGlite();
    await pglite.exec(`create table t (a text, b bytea, c boolean, n integer)`);
    await pglite.exec(`insert into t values ('ä b', decode('00ff0a80', 'hex'), true, 1), (null, ''::bytea, false, 2), ('', null, null, 3)`);
  }, 60_000);
  afterAll(async () => {
    await pglite?.close();
  });

  it('yields each row as its fields’ own bytes, NULL as null', async () => {
    const rows = await readRows(pglite, 'select a, b, c from t order by n', []);
    expect(rows).toHaveLength(3);
    expect(text(rows[0]![0])).toBe('ä b');
    expect([...rows[0]![1]!]).toEqual([0x00, 0xff, 0x0a, 0x80]);
    expect([...rows[0]![2]!]).toEqual([1]);
    expect(rows[1]![0]).toBeNull();
    expect(rows[1]![1]!.byteLength).toBe(0);
    expect([...rows[1]![2]!]).toEqual([0]);
    expect(text(rows[2]![0])).toBe('');
    expect(rows[2]![1]).toBeNull();
    expect(rows[2]![2]).toBeNull();
  });

  it('gives plain Uint8Array fields for an answer that arrives in many pieces', async () => {
    const query = `select decode(repeat('ab', 300000), 'hex'), 'tail'`;
    let pieces = 0;
    await pglite.execProtocolRawStream(extendedQuery(query, []), { syncToFs: false, onRawData: () => void (pieces += 1) });
    expect(pieces).toBeGreaterThan(1);
    const rows = await readRows(pglite, query, []);
    expect(rows[0]![0]!.byteLength).toBe(300_000);
    expect(rows[0]![0]!.every((byte) => byte === 0xab)).toBe(true);
    expect(Object.getPrototypeOf(rows[0]![0])).toBe(Uint8Array.prototype);
    expect(text(rows[0]![1])).toBe('tail');
  });

  it('binds parameters as values: quotes, backslashes and SQL in them are only text', async () => {
    const hostile = `x'); drop table t; --\\ "ä"`;
    const rows = await readRows(pglite, 'select $1::text, cardinality($2::text[])', [hostile, '{"a","b\\"c"}']);
    expect(text(rows[0]![0])).toBe(hostile);
    expect([...rows[0]![1]!]).toEqual([0, 0, 0, 2]);
    expect((await readRows(pglite, 'select count(*)::int from t', []))[0]![0]).toEqual(new Uint8Array([0, 0, 0, 3]));
  });

  it('throws the server’s error with its SQLSTATE, and the next query still runs', async () => {
    await expect(readRows(pglite, 'select * from no_such_table', [])).rejects.toMatchObject({ code: '42P01', message: expect.stringMatching(/no_such_table/) });
    await expect(readRows(pglite, 'select 1/0', [])).rejects.toMatchObject({ code: '22012' });
    expect((await pglite.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n).toBe(3);
    expect(await readRows(pglite, 'select 1', [])).toHaveLength(1);
  });

  it('waits for a transaction in progress rather than reading inside it', async () => {
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = pglite.transaction(async (tx) => {
      await tx.exec(`insert into t values ('uncommitted', null, null, 4)`);
      inserted();
      await held;
      await tx.rollback();
    });
    await insertDone;
    let settled = false;
    const read = readRows(pglite, 'select count(*)::int from t', []).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    release();
    await transaction;
    // Read inside the transaction, it would have counted the row the rollback took back.
    expect((await read)[0]![0]).toEqual(new Uint8Array([0, 0, 0, 3]));
  });

  it('refuses an answer cut short', async () => {
    const chunks: Uint8Array[] = [];
    await pglite.execProtocolRawStream(extendedQuery('select a from t order by n', []), { syncToFs: false, onRawData: (chunk) => void chunks.push(chunk.slice()) });
    const whole = Buffer.concat(chunks);
    expect([...wireRows(whole)]).toHaveLength(3);
    const dataRow = whole.indexOf(0x44);
    expect(() => [...wireRows(whole.subarray(0, dataRow + 9))]).toThrow('cut short');
    // A message whole by its own length whose field claims more than the message holds.
    const lying = new Uint8Array([0x44, 0, 0, 0, 12, 0, 1, 0, 0, 0, 9, 0x61, 0x62]);
    expect(() => [...wireRows(lying)]).toThrow('cut short');
    // A DataRow too short for its field count.
    expect(() => [...wireRows(new Uint8Array([0x44, 0, 0, 0, 4]))]).toThrow('cut short');
  });
});
