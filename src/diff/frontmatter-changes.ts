// Which frontmatter fields of a page changed, and how each is shown. A page's frontmatter can hold a
// whole API reference block (the real docs carry kilobytes per page), and most of it is only ever
// shown summarized. So the store keeps, beside each page's frontmatter, a brief of it: small values
// as they are, and for each large one the hashes that decide equality and the summary the diff
// shows. A cold diff reads the briefs instead of the values; the changes it finds are the same,
// byte for byte, as those found by comparing the values.
import { createHash } from 'node:crypto';
import type { FrontmatterChange } from '../types.ts';
import { isPlainJson, plainJsonEqual } from './json-compare.ts';
import { asJsonb } from './jsonb-key-order.ts';
import { squeezedJson, valuesDifferOnlyInWhitespace } from './whitespace.ts';

/**
 * Nested frontmatter would dominate every diff response: a value whose JSON passes this length is
 * summarized, and the file's patch still shows it in full.
 */
const MAX_FIELD_CHARS = 300;
/** How much of a summarized value's JSON its summary shows. */
const SUMMARY_HEAD_CHARS = 120;

/**
 * A large value as its brief keeps it: [hash of its JSON, hash of its JSON with every string's
 * whitespace removed, the start of its JSON, its shape, the length of its JSON]. The JSON is the
 * value's with its keys in the store's (jsonb's) order, so equal content gives equal hashes.
 */
export type LargeValue = [hash: string, squeezedHash: string, head: string, shape: string, chars: number];

/** A page's frontmatter as a cold diff reads it (see the file's header). */
export interface FrontmatterBrief {
  small: Record<string, unknown>;
  large: Record<string, LargeValue>;
}

/** JSON with sorted object keys, so field values compare by content rather than key order. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) => {
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
        const record = inner as Record<string, unknown>;
        return Object.fromEntries(
          Object.keys(record)
            .sort()
            .map((key) => [key, record[key]]),
        );
      }
      return inner;
    }) ?? 'undefined'
  );
}

/** Equal content, whatever the key order: a walk for plain JSON (json-compare.ts), else canonical texts. */
function sameValue(before: unknown, after: unknown): boolean {
  if (isPlainJson(before) && isPlainJson(after)) return plainJsonEqual(before, after, { anyKeyOrder: true });
  return canonical(before) === canonical(after);
}

function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (typeof value === 'object' && value !== null) return `an object with ${Object.keys(value).length} fields`;
  return 'a long value';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The start of a value's JSON that its summary shows. Never half a surrogate pair: such text cannot be
 * stored (jsonb refuses it, in the brief and in the diff's cache row) nor encoded as UTF-8.
 */
function headOf(text: string): string {
  return text.slice(0, isHighSurrogate(text.charCodeAt(SUMMARY_HEAD_CHARS - 1)) ? SUMMARY_HEAD_CHARS - 1 : SUMMARY_HEAD_CHARS);
}

const summaryOf = (head: string, shape: string, chars: number) => `${head}… (${shape}, ${chars} characters; see the file's patch)`;

function summarizeValue(value: unknown): unknown {
  const text = JSON.stringify(value) ?? '';
  if (text.length <= MAX_FIELD_CHARS) return value;
  return summaryOf(headOf(text), shapeOf(value), text.length);
}

/** Compares the values themselves (pages read in memory, and rows stored before briefs existed). */
function valueChanges(before: Record<string, unknown>, after: Record<string, unknown>): FrontmatterChange[] {
  // The store hands both sides one object when their stored frontmatter is the same.
  if (before === after) return [];
  const changes: FrontmatterChange[] = [];
  for (const field of unionOfFields(Object.keys(before), Object.keys(after))) {
    const had = Object.hasOwn(before, field);
    const has = Object.hasOwn(after, field);
    if (had && has && sameValue(before[field], after[field])) continue;
    // An absent field is reported as null: JSON has no undefined.
    const change: FrontmatterChange = { field, before: had ? summarizeValue(before[field]) : null, after: has ? summarizeValue(after[field]) : null };
    if (had && has && valuesDifferOnlyInWhitespace(before[field], after[field])) change.whitespaceOnly = true;
    changes.push(change);
  }
  return changes;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * The brief the store keeps beside a page's frontmatter (keys in any order). Every value is taken as
 * the store gives it back, its keys in jsonb's order (asJsonb), so the brief of a page read from its
 * bytes and that of the same page read from the store are the same.
 */
export function frontmatterBrief(frontmatter: Record<string, unknown>): FrontmatterBrief {
  const small: [string, unknown][] = [];
  const large: [string, LargeValue][] = [];
  for (const [field, value] of Object.entries(frontmatter)) {
    const stored = asJsonb(value);
    const text = JSON.stringify(stored) ?? '';
    if (text.length <= MAX_FIELD_CHARS) small.push([field, stored]);
    else large.push([field, [sha256(text), sha256(squeezedJson(stored)), headOf(text), shapeOf(stored), text.length]]);
  }
  // Built from entries: a field named `__proto__` (kept as data by normalize) stays a field.
  return { small: Object.fromEntries(small), large: Object.fromEntries(large) };
}

function unionOfFields(before: readonly string[], after: readonly string[]): string[] {
  return [...new Set([...before, ...after])].sort();
}

type Kind = 'small' | 'large' | undefined;

/** Where a brief keeps a field, if it has it. */
const kindOf = (brief: FrontmatterBrief, field: string): Kind => (Object.hasOwn(brief.small, field) ? 'small' : Object.hasOwn(brief.large, field) ? 'large' : undefined);

const fieldsOf = (brief: FrontmatterBrief) => [...Object.keys(brief.small), ...Object.keys(brief.large)];

function shownValue(brief: FrontmatterBrief, field: string, kind: 'small' | 'large'): unknown {
  if (kind === 'small') return brief.small[field];
  const [, , head, shape, chars] = brief.large[field]!;
  return summaryOf(head, shape, chars);
}

/** The squeezed hash of a field; null for a value `valuesDifferOnlyInWhitespace` refuses. */
function squeezedHashOf(brief: FrontmatterBrief, field: string, kind: 'small' | 'large'): string | null {
  if (kind === 'large') return brief.large[field]![1];
  const value = brief.small[field];
  return value === null || value === undefined ? null : sha256(squeezedJson(value));
}

/** `valuesDifferOnlyInWhitespace` on a field both briefs hold: by the values when both are small, else by hashes. */
function differOnlyInWhitespace(before: FrontmatterBrief, after: FrontmatterBrief, field: string, was: 'small' | 'large', is: 'small' | 'large'): boolean {
  if (was === 'small' && is === 'small') return valuesDifferOnlyInWhitespace(before.small[field], after.small[field]);
  const squeezed = squeezedHashOf(before, field, was);
  return squeezed !== null && squeezed === squeezedHashOf(after, field, is);
}

/** `valueChanges` on briefs: the same changes, decided by hashes where a value is large. */
function briefChanges(before: FrontmatterBrief, after: FrontmatterBrief): FrontmatterChange[] {
  if (before === after) return [];
  const changes: FrontmatterChange[] = [];
  for (const field of unionOfFields(fieldsOf(before), fieldsOf(after))) {
    const was = kindOf(before, field);
    const is = kindOf(after, field);
    // Equal values have equal JSON, so one small and one large are never equal.
    if (was === 'small' && is === 'small' && sameValue(before.small[field], after.small[field])) continue;
    if (was === 'large' && is === 'large' && before.large[field]![0] === after.large[field]![0]) continue;
    const change: FrontmatterChange = { field, before: was ? shownValue(before, field, was) : null, after: is ? shownValue(after, field, is) : null };
    if (was && is && differOnlyInWhitespace(before, after, field, was, is)) change.whitespaceOnly = true;
    changes.push(change);
  }
  return changes;
}

/**
 * A page's frontmatter as the engine is handed it: the values, or (read from the store) their brief.
 * Both sides in values are compared as values; otherwise as briefs, a side in values briefed first.
 * Values must have their keys in jsonb's order (read from the store, or put in its form with
 * `asJsonb`), as the values of a brief have: a value is shown, and compared for whitespace, as it stands.
 */
export interface FrontmatterSide {
  frontmatter?: Record<string, unknown> | undefined;
  frontmatterBrief?: FrontmatterBrief | undefined;
}

function briefOfSide(side: FrontmatterSide): FrontmatterBrief {
  if (side.frontmatterBrief) return side.frontmatterBrief;
  if (side.frontmatter) return frontmatterBrief(side.frontmatter);
  throw new Error('a page handed to the diff has neither its frontmatter nor its brief');
}

export function frontmatterChanges(before: FrontmatterSide, after: FrontmatterSide): FrontmatterChange[] {
  if (!before.frontmatterBrief && !after.frontmatterBrief && before.frontmatter && after.frontmatter) return valueChanges(before.frontmatter, after.frontmatter);
  return briefChanges(briefOfSide(before), briefOfSide(after));
}
