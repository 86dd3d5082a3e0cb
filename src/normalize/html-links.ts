// `href="…"`, `href={'…'}`, `to="…"` on HTML and JSX elements (`<a>`, `<Link>`, doc cards).
import type { FoundLink } from './found-link.ts';
import { type LinkBudget, spend } from './link-budget.ts';

const NAMES = ['href', 'to'];

/**
 * The attribute name is found in the masked page (so code is skipped); its value is read from the original,
 * because a JSX template literal (`` href={`/x`} ``) looks like inline code and is blanked in the mask.
 * Scanning from each `=` back to the name is cheaper than matching `to`, which prose is full of.
 */
export function scanHtmlLinks(masked: string, original: string, budget: LinkBudget, maxTargetChars: number): FoundLink[] {
  const links: FoundLink[] = [];
  for (let equals = masked.indexOf('='); equals !== -1; equals = masked.indexOf('=', equals + 1)) {
    let nameEnd = equals;
    while (masked[nameEnd - 1] === ' ' || masked[nameEnd - 1] === '\t') nameEnd--;
    const name = NAMES.find((candidate) => masked.startsWith(candidate, nameEnd - candidate.length));
    if (!name) continue;
    const before = masked[nameEnd - name.length - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n') continue;
    let valueStart = equals + 1;
    while (masked[valueStart] === ' ' || masked[valueStart] === '\t') valueStart++;
    const target = attributeValue(original, valueStart, budget, maxTargetChars);
    if (budget.exhausted) break;
    if (target !== null && target.trim() !== '') links.push({ target: target.trim(), offset: nameEnd - name.length, kind: 'html', text: null });
  }
  return links;
}

/** A quoted value, or a JSX expression that is only a string literal; anything computed is not a fixed link. */
function attributeValue(text: string, start: number, budget: LinkBudget, maxChars: number): string | null {
  let at = start;
  let braced = false;
  if (text[at] === '{') {
    braced = true;
    at++;
    while (text[at] === ' ' || text[at] === '\t') at++;
  }
  const quote = text[at];
  if (quote !== '"' && quote !== "'" && !(braced && quote === '`')) return null;
  let close = at + 1;
  while (close < text.length && close - at <= maxChars && text[close] !== quote && text[close] !== '\n') close++;
  if (!spend(budget, close - at) || text[close] !== quote) return null;
  const value = text.slice(at + 1, close);
  if (quote === '`' && value.includes('${')) return null;
  if (braced) {
    let end = close + 1;
    while (text[end] === ' ' || text[end] === '\t') end++;
    if (text[end] !== '}') return null;
  }
  return value;
}
