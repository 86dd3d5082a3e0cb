// A reproducible app of any size for timing `--scan`: source, markup and data files of every scanned
// type, most with no docs links at all, some with several, plus node_modules that must be skipped.
import fs from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../../support/diff-random-trees.ts';

const KINDS = ['tsx', 'ts', 'js', 'jsx', 'md', 'mdx', 'html', 'json', 'yaml'] as const;


function linkLine(kind: (typeof KINDS)[number], target: string): string {
  switch (kind) {
    case 'md':
    case 'mdx':
      return `Read [the guide](${target}) first.`;
    case 'html':
    case 'tsx':
    case 'jsx':
      return `<a href="${target}">docs</a>`;
    case 'json':
      return `  "help": "${target}",`;
    case 'yaml':
      return `help: ${target}`;
    default:
      return `const help = '${target}';`;
  }
}

/** Writes `count` files under `dir`; `routes` are docs routes to link to (old and new ones). Returns the bytes written. */
export async function writeSyntheticApp(dir: string, count: number, routes: readonly string[], baseUrl: string, seed = 7): Promise<number> {
  const random = seededRandom(seed);
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const kind = KINDS[index % KINDS.length]!;
    const folder = path.join(dir, `src/feature-${index % 97}/part-${index % 13}`);
    await fs.mkdir(folder, { recursive: true });
    const lines: string[] = [];
    for (let line = 0; line < 60; line++) {
      if (random() < 0.03 && routes.length > 0) {
        const route = routes[Math.floor(random() * routes.length)]!;
        lines.push(linkLine(kind, random() < 0.5 ? `${baseUrl}${route}` : `${basePath}${route}`));
      } else {
        lines.push(`// line ${line} of file ${index}: fetch('/api/items/${line}') and other code that is not a docs link`);
      }
    }
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    await fs.writeFile(path.join(folder, `file-${index}.${kind}`), text);
  }
  await fs.mkdir(path.join(dir, 'node_modules/dep'), { recursive: true });
  await fs.writeFile(path.join(dir, 'node_modules/dep/index.js'), `'${basePath}/never-scanned'\n`);
  return bytes;
}
