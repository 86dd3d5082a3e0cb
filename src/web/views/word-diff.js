// Two frontmatter values compared word by word, so a long value (a JSON list, a paragraph) shows
// what changed instead of two copies cut at the same prefix. Unchanged stretches far from a change
// fold into "…"; values too long to compare fall back to their start.
import { h } from '../dom.js';

const MAX_TOKENS = 800;
const KEEP = 8; // unchanged tokens kept on each side of a change

export function valueText(value) {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Words, runs of spaces and single punctuation marks: JSON and prose both split sensibly. */
export function tokens(text) {
  return text.match(/[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu) ?? [];
}

/** [{ kind: 'same' | 'del' | 'ins', text }] — a longest-common-subsequence diff of the tokens. */
export function diffWords(before, after) {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return null;
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const parts = [];
  const push = (kind, text) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) push('del', a[i++]);
    else push('ins', b[j++]);
  }
  while (i < a.length) push('del', a[i++]);
  while (j < b.length) push('ins', b[j++]);
  return parts;
}

function folded(text, { head, tail }) {
  const words = tokens(text);
  if (words.length <= KEEP * 2 + 1) return text;
  if (head && tail) return `${words.slice(0, KEEP).join('')} … ${words.slice(-KEEP).join('')}`;
  if (head) return `${words.slice(0, KEEP).join('')} …`;
  return `… ${words.slice(-KEEP).join('')}`;
}

/** Nodes showing `before` → `after` as one line with the changes marked. */
export function wordDiffNodes(before, after) {
  const oldText = valueText(before);
  const newText = valueText(after);
  const parts = before === undefined || before === null || after === undefined || after === null ? null : diffWords(oldText, newText);
  if (!parts) {
    const short = (text) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);
    return [h('del', { text: short(oldText) }), h('span', { class: 'arrow', text: ' → ' }), h('ins', { text: short(newText) })];
  }
  return parts.map((part, index) => {
    if (part.kind === 'del') return h('del', { text: part.text });
    if (part.kind === 'ins') return h('ins', { text: part.text });
    // Keep the words next to a change; fold the long unchanged middle of a value.
    return h('span', { class: 'same', text: folded(part.text, { head: index > 0, tail: index < parts.length - 1 }) });
  });
}
