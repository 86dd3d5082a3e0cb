// The binary COPY reader against what PGlite really writes: text, bytea with every byte value, NULLs,
// empty values, and refusals of data that is not COPY output or ends inside a row.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryCopyRows, copyText } from '../../src/store/binary-copy.ts';

describe('binary COPY rows', () => {
  let pglite: PGlite;
  let output: Uint8Array;

  beforeAll(async () => {
    pglite = new PGlite();
    const result = await pglite.query(
      `copy (select * from (values ('ä b', decode('00ff0a80', 'hex'), true), (null, ''::bytea, false), ('', null, null)) as t(a, b, c)) to '/dev/blob' with (format binary)`,
    );
    output = new Uint8Array(await result.blob!.arrayBuffer());
  }, 60_000);
  afterAll(async () => {
    await pglite?.close();
  });

  it('yields each row as its fields’ own bytes, NULL as null', () => {
    const rows = [...binaryCopyRows(output)];
    expect(rows).toHaveLength(3);
    expect(copyText(rows[0]![0]!)).toBe('ä b');
    expect([...rows[0]![1]!]).toEqual([0x00, 0xff, 0x0a, 0x80]);
    expect([...rows[0]![2]!]).toEqual([1]);
    expect(rows[1]![0]).toBeNull();
    expect(rows[1]![1]!.byteLength).toBe(0);
    expect([...rows[1]![2]!]).toEqual([0]);
    expect(copyText(rows[2]![0]!)).toBe('');
    expect(rows[2]![1]).toBeNull();
    expect(rows[2]![2]).toBeNull();
  });

  it('refuses data without the COPY signature', () => {
    expect(() => [...binaryCopyRows(new TextEncoder().encode('a,b\n1,2\n'))]).toThrow('not PostgreSQL binary COPY data');
  });

  it('refuses data that ends inside a row or before the trailer', () => {
    for (const cut of [output.byteLength - 2, output.byteLength - 5, 21, 25]) {
      expect(() => [...binaryCopyRows(output.subarray(0, cut))]).toThrow('ends inside a row');
    }
  });
});
