// Small versions for the link checker's pure tests, built through the real normalizer and diff engine.
import { diffTrees } from '../../../src/diff/index.ts';
import { assembleVersionDocs } from '../../../src/links/version-docs.ts';
import { analyzePair, type PairAnalysis } from '../../../src/links/route-map.ts';
import { DEFAULT_CONVENTIONS, type LinkConventions } from '../../../src/links/conventions.ts';
import type { VersionDocs } from '../../../src/links/version-docs.ts';
import { normalizeFile, singleRootLayout } from '../../../src/normalize/index.ts';
import type { NormalizedFile } from '../../../src/types.ts';

export const ROOT = 'docs/';

export const page = (title: string, body = '') => `---\ntitle: ${title}\n---\n\n# ${title}\n\n${body}\n`;

function normalizeAll(files: Record<string, string>): NormalizedFile[] {
  return Object.entries(files).map(([path, text]) => normalizeFile({ path, bytes: new TextEncoder().encode(text) }, { docsRoot: ROOT }));
}

export function docsOf(version: string, files: Record<string, string>): VersionDocs {
  return assembleVersionDocs(
    version,
    singleRootLayout(ROOT),
    normalizeAll(files).map((file) => ({ path: file.path, doc: file.doc, text: files[file.path]! })),
  );
}

/** Both versions, their real diff, and the analysis of the pair. */
export function pairOf(
  before: Record<string, string>,
  after: Record<string, string>,
  conventions: Partial<LinkConventions> = {},
): { from: VersionDocs; to: VersionDocs; analysis: PairAnalysis; conventions: LinkConventions } {
  const effective = { ...DEFAULT_CONVENTIONS, ...conventions };
  const from = docsOf('1.0.0', before);
  const to = docsOf('2.0.0', after);
  const tree = (files: NormalizedFile[]) => files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: file.bytes, doc: file.doc }));
  const diff = diffTrees(tree(normalizeAll(before)), tree(normalizeAll(after)));
  return { from, to, conventions: effective, analysis: analyzePair({ from, to, diff, conventions: effective }) };
}

/** Prose long enough for git's similarity to pair a lightly edited copy. */
export const prose = (topic: string, paragraphs: number) =>
  Array.from({ length: paragraphs }, (_, i) => `${topic} paragraph ${i + 1} explains one detail of ${topic.toLowerCase()} for readers of this page.`).join('\n\n');
