// A seeded synthetic app (help centre, emails, source) that links into the docs, for timing
// `docdelta links --scan`: files of every scanned kind, with links written the ways people write
// them (absolute to the published docs, root-relative, with anchors), plus external links and a
// node_modules folder the scan must skip.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sentence } from './page-text.ts';
import { type Random, seededRandom } from './seeded-random.ts';

export interface AppTreeOptions {
  seed: number;
  files: number;
  /** Docs routes to link to (`/authkit/users`). */
  routes: readonly string[];
  /** Where the docs are published (`https://workos.com/docs`). */
  baseUrl: string;
}

const KINDS = ['md', 'mdx', 'html', 'ts', 'tsx', 'js', 'json', 'yaml'] as const;
type Kind = (typeof KINDS)[number];

function docsLink(random: Random, options: AppTreeOptions): string {
  const route = random.pick(options.routes);
  const anchor = random.next() < 0.2 ? `#${sentence(random, 2).toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}` : '';
  if (random.next() < 0.7) return `${options.baseUrl}${route}${anchor}`;
  return `${new URL(options.baseUrl).pathname.replace(/\/$/, '')}${route}${anchor}`;
}

function linkLine(random: Random, kind: Kind, url: string): string {
  const text = sentence(random, 3).replace(/\.$/, '');
  switch (kind) {
    case 'md':
    case 'mdx':
      return `${sentence(random)} See [${text}](${url}).`;
    case 'html':
      return `<p>${sentence(random)} <a href="${url}">${text}</a></p>`;
    case 'json':
      return `  "link${random.int(1, 1e6)}": "${url}",`;
    case 'yaml':
      return `link_${random.int(1, 1e6)}: ${url}`;
    default:
      return `const help${random.int(1, 1e6)} = '${url}'; // ${text}`;
  }
}

function fillerLine(random: Random, kind: Kind): string {
  switch (kind) {
    case 'md':
    case 'mdx':
      return sentence(random);
    case 'html':
      return `<p>${sentence(random)}</p>`;
    case 'json':
      return `  "note${random.int(1, 1e6)}": "${sentence(random, 5)}",`;
    case 'yaml':
      return `note_${random.int(1, 1e6)}: ${sentence(random, 5)}`;
    default:
      return `export const value${random.int(1, 1e6)} = ${random.int(0, 1000)}; // ${sentence(random, 4)}`;
  }
}

function fileText(random: Random, kind: Kind, options: AppTreeOptions): string {
  const lines: string[] = [];
  const count = random.int(15, 50);
  for (let i = 0; i < count; i += 1) {
    const roll = random.next();
    if (roll < 0.06) lines.push(linkLine(random, kind, docsLink(random, options)));
    else if (roll < 0.09) lines.push(linkLine(random, kind, `https://example.com/${random.int(1, 500)}`));
    else lines.push(fillerLine(random, kind));
  }
  if (kind === 'json') return `{\n${lines.join('\n')}\n  "end": true\n}\n`;
  return `${lines.join('\n')}\n`;
}

/** Writes the app under `dir`; returns how many files it holds outside node_modules. */
export async function writeAppTree(dir: string, options: AppTreeOptions): Promise<number> {
  if (options.routes.length === 0) throw new Error('the synthetic app needs docs routes to link to');
  const random = seededRandom(options.seed);
  const folders = ['src/pages', 'src/components', 'help/articles', 'emails', 'config', 'docs-site/content', 'marketing'];
  for (const folder of [...folders, 'node_modules/some-lib']) await fs.mkdir(path.join(dir, folder), { recursive: true });
  for (let i = 0; i < options.files; i += 1) {
    const kind = random.pick(KINDS);
    const file = path.join(dir, random.pick(folders), `file-${i}.${kind}`);
    await fs.writeFile(file, fileText(random, kind, options));
  }
  // Skipped by the scan: a dependency's own docs links must never count as the app's.
  for (let i = 0; i < 50; i += 1) await fs.writeFile(path.join(dir, 'node_modules/some-lib', `readme-${i}.md`), fileText(random, 'md', options));
  return options.files;
}
