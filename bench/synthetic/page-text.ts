// Text of synthetic MDX pages, kept as lines so a version's edits can touch a few lines the way a
// docs writer would: a sentence reworded, a paragraph added, a line dropped, a heading renamed.
import type { Random } from './seeded-random.ts';

const WORDS = (
  'account access admin api application audit authentication authorization bearer callback claim client ' +
  'config connection console cookie credential customer dashboard directory domain email endpoint enterprise ' +
  'environment error event factor field flow grant group header identity integration invitation issuer key ' +
  'link log login logout member metadata method migration mode organization page password permission policy ' +
  'portal profile provider redirect refresh request resource response role route scope secret session setting ' +
  'signature single sign status step string team tenant token trigger type update user value verify webhook ' +
  'widget workflow the a to of and with for your when each new this that can will must should'
).split(' ');

export const FRONTMATTER_LINES = 4;

export function sentence(random: Random, words = random.int(8, 18)): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(random.pick(WORDS));
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export function titleCase(words: string): string {
  return words
    .split(/[-\s]+/)
    .filter(Boolean)
    .map((word) => `${word[0]!.toUpperCase()}${word.slice(1)}`)
    .join(' ');
}

export interface PageSpec {
  title: string;
  /** Routes this page links to, so link checks have real targets. */
  linkTargets: readonly string[];
}

/** A page of 3–5 sections of 2–4 paragraphs; about 2–3 KB, like a real reference page. */
export function pageLines(random: Random, spec: PageSpec): string[] {
  const lines = ['---', `title: ${spec.title}`, `description: ${sentence(random, 10)}`, '---'];
  lines.push('', `# ${spec.title}`, '', sentence(random));
  const sections = random.int(3, 5);
  for (let s = 0; s < sections; s += 1) {
    lines.push('', `## ${titleCase(`${random.pick(WORDS)} ${random.pick(WORDS)}`)}`);
    const paragraphs = random.int(2, 4);
    for (let p = 0; p < paragraphs; p += 1) {
      let paragraph = `${sentence(random)} ${sentence(random)}`;
      if (spec.linkTargets.length > 0 && random.next() < 0.35) {
        paragraph += ` See [${random.pick(WORDS)}](${random.pick(spec.linkTargets)}).`;
      }
      lines.push('', paragraph);
    }
  }
  return lines;
}

/** Applies 1–3 small line edits in place, never touching the frontmatter. */
export function editPage(random: Random, lines: string[]): void {
  const edits = random.int(1, 3);
  for (let e = 0; e < edits; e += 1) {
    const at = random.int(FRONTMATTER_LINES + 1, lines.length - 1);
    const roll = random.next();
    if (roll < 0.55) {
      lines[at] = lines[at]!.startsWith('#') ? `## ${titleCase(`${random.pick(WORDS)} ${random.pick(WORDS)}`)}` : sentence(random);
    } else if (roll < 0.85) {
      lines.splice(at + 1, 0, '', sentence(random));
    } else if (lines.length > FRONTMATTER_LINES + 8 && !lines[at]!.startsWith('#')) {
      lines.splice(at, 1);
    } else {
      lines.push('', sentence(random));
    }
  }
}

export const renderPage = (lines: readonly string[]): string => `${lines.join('\n')}\n`;
