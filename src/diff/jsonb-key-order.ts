// The order PostgreSQL's jsonb keeps an object's keys in: shorter keys first (in UTF-8 bytes), then
// by those bytes. A value read back from the store has its keys in this order whatever the page had,
// so anything computed from a page's values must see them this way to match what the store returns.
// (A JavaScript object lists integer-like keys first whatever the order they were set in; values read
// from the store are JavaScript objects too, so both sides agree.)

const ASCII = /^[\x00-\x7f]*$/;

/** Keys in jsonb's order, sorted in place; each key encoded once. */
function inJsonbKeyOrder(keys: string[]): string[] {
  // ASCII keys (nearly all) are their own UTF-8 bytes: their lengths and code units order them.
  if (keys.every((key) => ASCII.test(key))) return keys.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return keys
    .map((key) => ({ key, bytes: Buffer.from(key) }))
    .sort((a, b) => a.bytes.length - b.bytes.length || Buffer.compare(a.bytes, b.bytes))
    .map(({ key }) => key);
}

/** A copy of `value` with every object's keys in jsonb's order. */
export function asJsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonb);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of inJsonbKeyOrder(Object.keys(record))) {
    // A key named `__proto__` (kept as data by normalize) must stay a key, not set the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: asJsonb(record[key]), enumerable: true, writable: true, configurable: true });
    else out[key] = asJsonb(record[key]);
  }
  return out;
}
