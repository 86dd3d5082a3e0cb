// Frontmatter values compared as their JSON texts would compare, without building the texts.
//
// A page's frontmatter can hold a whole API reference block, and a release that touches it changes
// a hundred pages: serializing both sides with sorted keys (to ignore key order) and again with every
// string squeezed (to see whitespace-only edits) cost more than the rest of the page diff. A walk
// over both values answers the same questions and stops at the first difference. It is exact for
// plain JSON data (what the database's jsonb gives back: strings, finite numbers, booleans, null,
// arrays, plain objects); anything else (a Date from YAML, undefined, a class instance) changes how
// JSON.stringify writes it, so callers fall back to comparing the texts.

export function isPlainJson(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) {
        // A hole reads as undefined, which is not plain.
        for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) if (!isPlainJson(record[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

export interface JsonComparison {
  /** Objects are equal with their keys in any order (canonical JSON), or only in the same order. */
  anyKeyOrder: boolean;
  /** Two unequal strings that still count as equal (e.g. equal once whitespace is removed). */
  sameString?: (a: string, b: string) => boolean;
}

/** True when two plain JSON values are equal under `how`; both must satisfy `isPlainJson`. */
export function plainJsonEqual(a: unknown, b: unknown, how: JsonComparison): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') {
    return typeof a === 'string' && typeof b === 'string' && how.sameString !== undefined && how.sameString(a, b);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const list = Array.isArray(a);
  if (list !== Array.isArray(b)) return false;
  if (list) {
    const left = a as unknown[];
    const right = b as unknown[];
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) if (!plainJsonEqual(left[i], right[i], how)) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  for (let i = 0; i < leftKeys.length; i++) {
    const key = leftKeys[i]!;
    if (how.anyKeyOrder ? !Object.hasOwn(right, key) : rightKeys[i] !== key) return false;
    if (!plainJsonEqual(left[key], right[key], how)) return false;
  }
  return true;
}
