// A page's values read from its bytes must show as the store gives them back, so the engine's copy of
// jsonb's key order (diff/jsonb-key-order.ts) is checked against the database's own, on both drivers.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asJsonb } from '../../src/diff/jsonb-key-order.ts';
import { rowsOf } from '../../src/store/database.ts';
import { openTestDatabase, type TestDatabase, testDrivers } from '../support/databases.ts';

/**
 * Keys ASCII and not, of equal and unequal lengths in UTF-8 and in UTF-16, nested in lists, and one
 * named `__proto__` (data, as normalize keeps it).
 */
const VALUE = {
  nested: JSON.parse('{"__proto__": {"b": 1, "a": 2}, "ab": 3}') as unknown,
  zeta: 1,
  b: { é: 1, e: 2, ee: 3, 'e\u0301': 4, '😀': 5, 'Z': 6, '~': 7 },
  list: [{ yy: 1, x: 2, ä: 3, ab: 4 }, 'text'],
  ä: true,
  aa: null,
  '': 'empty',
  A: [],
};

describe.each(testDrivers())('jsonb key order (%s)', (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('orders keys as the database does, ASCII or not', async () => {
    const text = rowsOf<{ text: string }>(await database.db.execute(sql`select ${JSON.stringify(VALUE)}::jsonb::text as text`))[0]!.text;
    /** Every object's keys in their order, nested ones included. */
    const keysInOrder = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(keysInOrder).join(',')}]`;
      if (value === null || typeof value !== 'object') return '';
      return `{${Object.entries(value).map(([key, inner]) => `${key}:${keysInOrder(inner)}`).join(',')}}`;
    };
    expect(keysInOrder(asJsonb(VALUE))).toBe(keysInOrder(JSON.parse(text)));
    // The order is not the page's: the check would pass without asJsonb only by accident.
    expect(keysInOrder(VALUE)).not.toBe(keysInOrder(JSON.parse(text)));
  });
});
