// Seeded generator of old/new tree pairs that stress rename pairing: near-duplicates, repeated
// file names, exact copies (ties), empty files, CRLF files, lines longer than git's 64-byte chunk.
// Every non-empty file ends with LF, where git 2.39.5 and the modern final-chunk rule agree.
import type { Tree } from './git-trees.ts';

export type Random = () => number;

/** mulberry32: tiny, fast and good enough to make reproducible test data from a seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const FOLDERS = ['', 'docs/', 'docs/guide/', 'docs/api/', 'lib/', 'lib/deep/x/', 'user-management/', 'authkit/'];
const NAMES = ['index.md', 'util.js', 'a.txt', 'b.txt', 'readme.md', 'setup.mdx', 'x.json', 'notes.txt', 'c.md', 'd.md'];
const WORDS = ['alpha', 'beta', 'gamma', 'delta', '}', '{', '', 'return x;', 'import y', '# Heading', '-', 'the', 'docs'];

function randomLine(random: Random): string {
  const roll = random();
  if (roll < 0.08) return '';
  if (roll < 0.14) return '}';
  if (roll < 0.2) return 'x'.repeat(between(random, 60, 140));
  const words = between(random, 1, 8);
  return Array.from({ length: words }, () => pick(random, WORDS) + (chance(random, 0.5) ? String(between(random, 0, 30)) : '')).join(' ');
}

function randomLines(random: Random): string[] {
  return Array.from({ length: between(random, 1, 40) }, () => randomLine(random));
}

function edit(random: Random, original: string[]): string[] {
  const out = [...original];
  const edits = between(random, 1, Math.max(1, Math.ceil(out.length / 4)));
  for (let i = 0; i < edits; i++) {
    const at = between(random, 0, out.length);
    const roll = random();
    if (roll < 0.35 && out.length > 0) out.splice(Math.min(at, out.length - 1), 1);
    else if (roll < 0.7) out.splice(at, 0, randomLine(random));
    else if (out.length > 0) out[Math.min(at, out.length - 1)] = randomLine(random);
  }
  return out;
}

function render(lines: string[], crlf: boolean): string {
  if (lines.length === 0) return '';
  const eol = crlf ? '\r\n' : '\n';
  return lines.map((line) => line + eol).join('');
}

interface Draft {
  lines: string[];
  crlf: boolean;
}

function freshPath(random: Random, taken: Set<string>): string {
  for (;;) {
    const path = pick(random, FOLDERS) + pick(random, NAMES);
    if (!taken.has(path)) return path;
  }
}

export function randomTreePair(random: Random): { oldTree: Tree; newTree: Tree } {
  const oldDrafts = new Map<string, Draft>();
  const fileCount = between(random, 2, 18);
  for (let i = 0; i < fileCount; i++) {
    const path = freshPath(random, new Set(oldDrafts.keys()));
    oldDrafts.set(path, { lines: chance(random, 0.07) ? [] : randomLines(random), crlf: chance(random, 0.1) });
  }

  const newDrafts = new Map<string, Draft>();
  const taken = () => new Set([...oldDrafts.keys(), ...newDrafts.keys()]);
  for (const [path, draft] of oldDrafts) {
    const roll = random();
    if (roll < 0.2) newDrafts.set(path, draft);
    else if (roll < 0.35) newDrafts.set(path, { ...draft, lines: edit(random, draft.lines) });
    else if (roll < 0.45) continue;
    else if (roll < 0.6) newDrafts.set(freshPath(random, taken()), draft);
    else if (roll < 0.85) newDrafts.set(freshPath(random, taken()), { ...draft, lines: edit(random, draft.lines) });
    else if (roll < 0.9) newDrafts.set(freshPath(random, taken()), { ...draft, crlf: !draft.crlf });
    else {
      // Two near-copies of one source: a tie for the matrix to break.
      newDrafts.set(freshPath(random, taken()), { ...draft, lines: edit(random, draft.lines) });
      newDrafts.set(freshPath(random, taken()), draft);
    }
  }
  const additions = between(random, 0, 4);
  const olds = [...oldDrafts.values()];
  for (let i = 0; i < additions; i++) {
    const base = olds.length > 0 && chance(random, 0.5) ? pick(random, olds) : null;
    const draft = base ? { ...base, lines: edit(random, base.lines) } : { lines: randomLines(random), crlf: false };
    newDrafts.set(freshPath(random, taken()), draft);
  }

  const toTree = (drafts: Map<string, Draft>): Tree =>
    Object.fromEntries([...drafts].map(([path, draft]) => [path, render(draft.lines, draft.crlf)]));
  return { oldTree: toTree(oldDrafts), newTree: toTree(newDrafts) };
}
