// Doc text (titles, headings, frontmatter values) is untrusted: it may carry newlines that would
// start a new Markdown block, control characters, markup, or simply be very long. Everything a doc
// author wrote passes through these before it lands in an answer.
import { INLINE_TEXT_MAX } from '../limits.ts';

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]+/gu;

/** One line, whitespace collapsed, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max = INLINE_TEXT_MAX): string {
  const flat = text.replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Prose: one line with Markdown's active characters escaped, so a title cannot add structure. */
export function prose(text: string, max = INLINE_TEXT_MAX): string {
  return oneLine(text, max).replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

/** A code span; a backtick inside would end it, so it becomes a quote. */
export function code(text: string, max = 300): string {
  return `\`${oneLine(text, max).replace(/`/g, "'")}\``;
}

/** A frontmatter value, shown compactly: strings as they are, anything else as JSON. */
export function value(input: unknown, max = 60): string {
  if (input === null || input === undefined) return '(none)';
  return code(typeof input === 'string' ? input : JSON.stringify(input) ?? String(input), max);
}

/** `a, b, c (+4 more)`: the first `shown` names of a list. */
export function nameList(names: readonly string[], shown: number, max = 40): string {
  const head = names.slice(0, shown).map((name) => prose(name, max));
  const rest = names.length - head.length;
  return rest > 0 ? `${head.join(', ')} (+${rest} more)` : head.join(', ');
}

/** Like nameList, for paths and other literal names: code spans, nothing escaped. */
export function codeList(names: readonly string[], shown: number, max = 80): string {
  const head = names.slice(0, shown).map((name) => code(name, max));
  const rest = names.length - head.length;
  return rest > 0 ? `${head.join(', ')} (+${rest} more)` : head.join(', ');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
