// `[text](target)` links, found with a bracket stack in one pass over the masked page.
import type { FoundLink } from './found-link.ts';
import { inlineText } from './inline-text.ts';
import { type LinkBudget, spend } from './link-budget.ts';
import { nearer, occurrences } from './occurrences.ts';

export interface MarkdownLinkOptions {
  maxTargetChars: number;
  maxTextChars: number;
}

/** Brackets nest this deep at most; deeper openers are forgotten, which only loses absurd links. */
const MAX_OPEN_BRACKETS = 64;

/**
 * `masked` decides what is syntax (code and comments are blank there); `original` gives the text.
 * Images (`![alt](src)`) are not links and are skipped; a link around an image is kept.
 */
export function scanMarkdownLinks(masked: string, original: string, budget: LinkBudget, options: MarkdownLinkOptions): FoundLink[] {
  const links: FoundLink[] = [];
  const openers: number[] = [];
  // Jump between the only characters that matter. `]` and line breaks only matter while a `[` is open
  // (a short way, to the end of the line at most); outside brackets, where prose is, `[` and `\` are
  // found by indexOf.
  const insideBrackets = /[\\[\]\n]/g;
  const opening = occurrences(masked, '[');
  const escape = occurrences(masked, '\\');
  for (let at = 0; at < masked.length; at++) {
    let next: number;
    if (openers.length > 0) {
      insideBrackets.lastIndex = at;
      next = insideBrackets.exec(masked)?.index ?? -1;
    } else {
      next = nearer(opening.next(at), escape.next(at));
    }
    if (next === -1) break;
    at = next;
    const char = masked[at];
    if (char === '\\') {
      at++;
    } else if (char === '\n') {
      // Link text never spans a blank line.
      if (isBlankLineAfter(masked, at)) openers.length = 0;
    } else if (char === '[') {
      if (openers.length === MAX_OPEN_BRACKETS) openers.shift();
      openers.push(at);
    } else if (char === ']' && openers.length > 0) {
      const open = openers.pop()!;
      if (masked[at + 1] !== '(') continue;
      const destination = parseDestination(masked, at + 2, budget, options.maxTargetChars);
      if (budget.exhausted) break;
      if (!destination) continue;
      const image = open > 0 && masked[open - 1] === '!' && masked[open - 2] !== '\\';
      if (!image && destination.target !== '') {
        // Cut before cleaning: one huge link then costs no more than a short one.
        const text = inlineText(original.slice(open + 1, Math.min(at, open + 1 + options.maxTextChars * 8)), { keepImageAlt: true, maxChars: options.maxTextChars });
        links.push({ target: destination.target, offset: open, kind: 'markdown', text });
        // CommonMark: a link cannot contain a link, so outer openers are spent.
        openers.length = 0;
      }
      at = destination.end;
    }
  }
  return links;
}

function isBlankLineAfter(text: string, newline: number): boolean {
  let at = newline + 1;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at >= text.length || text[at] === '\n';
}

interface Destination {
  target: string;
  /** Offset of the closing `)`. */
  end: number;
}

/** `(target "title")` after `](`: CommonMark's destination and optional title, bounded by `maxChars`. */
function parseDestination(text: string, start: number, budget: LinkBudget, maxChars: number): Destination | null {
  let at = skipSpace(text, start);
  let target: string;
  if (text[at] === '<') {
    const close = scanUntil(text, at + 1, '>', maxChars, budget, true);
    if (close === -1) return null;
    target = text.slice(at + 1, close);
    at = close + 1;
  } else {
    const from = at;
    let depth = 0;
    for (; at < text.length && at - from <= maxChars; at++) {
      const char = text.charCodeAt(at);
      if (char <= 0x20) break;
      if (char === 0x5c) {
        at++;
      } else if (char === 0x28) {
        if (++depth > 32) return null;
      } else if (char === 0x29) {
        if (depth === 0) break;
        depth--;
      }
    }
    if (!spend(budget, at - from + 1) || at - from > maxChars || depth > 0) return null;
    target = text.slice(from, at);
  }
  at = skipSpace(text, at);
  if (text[at] === '"' || text[at] === "'" || text[at] === '(') {
    const close = scanUntil(text, at + 1, text[at] === '(' ? ')' : text[at]!, maxChars, budget, false);
    if (close === -1) return null;
    at = skipSpace(text, close + 1);
  }
  return text[at] === ')' ? { target: target.trim(), end: at } : null;
}

/** Spaces, tabs and at most one line break, as between a destination and its title. */
function skipSpace(text: string, start: number): number {
  let at = start;
  let breaks = 0;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || (text[at] === '\n' && ++breaks <= 1))) at++;
  return at;
}

function scanUntil(text: string, start: number, close: string, maxChars: number, budget: LinkBudget, singleLine: boolean): number {
  let at = start;
  for (; at < text.length && at - start <= maxChars; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === close) break;
    else if (char === '\n' && (singleLine || isBlankLineAfter(text, at))) return -1;
  }
  if (!spend(budget, at - start + 1)) return -1;
  return at < text.length && text[at] === close ? at : -1;
}
