// Both trees of a pair as a cold diff reads them. A file at the same path with the same content is
// never compared by the engine, so its bytes are not read: on a typical release that is most of
// the package. The rest is read in two groups at once: the files on one side only (the rename
// candidates) and the files changed in place. Renames need only the first group, so when the diff
// is computed in place they are searched as soon as it arrives, while a PostgreSQL server (its own
// process, on another core) is still reading, decompressing and sending the second.
import { type DiffInputFile, pairRenames, type TreeRenames } from '../diff/index.ts';
import type { normalizeFile as NormalizeFile } from '../normalize/normalize-file.ts';
import { isMarkdownPath, isPartialPath } from '../normalize/routes.ts';
import { type DiffContent, diffDocAsStored, listPairFiles, loadDiffContents, type PairFile, storedWithoutBrief } from '../store/pair-contents.ts';
import type { Database } from '../store/database.ts';
import { storeFrontmatterBriefs, storePageFields } from '../store/version-rows.ts';
import type { NormalizedFile } from '../types.ts';
import type { ResolvedPair } from './catalog.ts';
import type { ServiceContext } from './context.ts';

export interface PairTrees {
  oldTree: DiffInputFile[];
  newTree: DiffInputFile[];
  /** Present when the renames were searched while the changed files were read. */
  renames?: TreeRenames;
}

export interface LoadedPair extends PairTrees {
  /**
   * The page fields read from the bytes, being stored for the next cold diff while this one is
   * computed (a PostgreSQL server inserts them on its own core; PGlite, in turn with the engine).
   * Never rejects: a failure only costs that reuse, and is logged.
   */
  pageFieldsStored: Promise<void>;
}

/** Reads blobs' bytes and page fields (store/pair-contents.ts; tests pass one that fails). */
export type ContentReader = (database: Database, wanted: ReadonlyMap<string, number>) => Promise<Map<string, DiffContent>>;

export interface PairTreeOptions {
  renameThreshold: number;
  /**
   * Whether a diff of this cost runs here, on the event loop (services/diff-pool.ts): only then are
   * renames searched early; a big pair's search belongs in a worker thread.
   */
  computedInPlace(cost: { pairs: number; bytes: number }): boolean;
  readContents?: ContentReader;
}

/**
 * How a content is read depends on its path: only a page has fields, a partial's frontmatter is
 * navigation, `.md` keeps indented code. A content held under paths read differently keeps its fields
 * for the full read to decide (which takes the first holder in path order).
 */
const readingKind = (path: string) => `${isMarkdownPath(path)}:${isPartialPath(path)}:${/\.md$/i.test(path)}`;

/**
 * A page whose version has not been read (services/page-reading.ts) has no stored fields: they are
 * read here from the bytes just loaded, for the files that changed only, in the form the store gives
 * back, so the diff is the same whether the pages were read or not. The fields are then stored, so
 * the next cold diff of these contents finds them — when every path holding the content in the pair
 * reads it alike (a content shared by a page and a partial is left to the version's full read).
 */
class UnreadPages {
  readonly #done = new Set<string>();
  /** How each content is read across the pair's paths: built on the first page read, as most cold diffs read none. */
  #kinds: Map<string, Set<string>> | undefined;
  readonly toStore: NormalizedFile[] = [];

  constructor(
    private readonly pairFiles: readonly (readonly PairFile[])[],
    private readonly normalizeFile: typeof NormalizeFile,
  ) {}

  read(files: readonly PairFile[], contents: Map<string, DiffContent>): void {
    for (const file of files) {
      const content = contents.get(file.sha256);
      if (!content || content.doc || this.#done.has(file.sha256) || !isMarkdownPath(file.path)) continue;
      this.#done.add(file.sha256);
      const read = this.normalizeFile({ path: file.path, bytes: content.bytes }, { docsRoot: null, sha256: file.sha256 });
      if (!read.doc) continue;
      contents.set(file.sha256, { bytes: content.bytes, doc: diffDocAsStored(read.doc) });
      if (this.#kindsOf(file.sha256).size === 1) this.toStore.push({ ...read, bytes: new Uint8Array() });
    }
  }

  #kindsOf(sha256: string): Set<string> {
    if (!this.#kinds) {
      this.#kinds = new Map();
      for (const file of this.pairFiles.flat()) {
        let kinds = this.#kinds.get(file.sha256);
        if (!kinds) this.#kinds.set(file.sha256, (kinds = new Set()));
        kinds.add(readingKind(file.path));
      }
    }
    return this.#kinds.get(sha256)!;
  }
}

function treeOf(files: PairFile[], contents: Map<string, DiffContent>, pages: UnreadPages): DiffInputFile[] {
  pages.read(files, contents);
  return files.map((file) => {
    const content = contents.get(file.sha256);
    return { path: file.path, sha256: file.sha256, bytes: content?.bytes ?? new Uint8Array(), doc: content?.doc ?? null };
  });
}

export async function loadPairTrees(ctx: ServiceContext, pair: ResolvedPair, options: PairTreeOptions): Promise<LoadedPair> {
  const read = options.readContents ?? loadDiffContents;
  const { oldFiles, newFiles } = await listPairFiles(ctx.database, pair.from.id, pair.to.id);
  // Imported here, as the engine is: the page parsers are for cold diffs only.
  const pages = new UnreadPages([oldFiles, newFiles], (await import('../normalize/normalize-file.ts')).normalizeFile);
  const oldShaByPath = new Map(oldFiles.map((file) => [file.path, file.sha256]));
  const newShaByPath = new Map(newFiles.map((file) => [file.path, file.sha256]));
  // Hash → size: the rename candidates (a path on one side only), and the files changed in place (a
  // blob wanted as both is read once, with the candidates, which are needed first). `bytes` and the
  // removed × added paths are what the pool weighs to decide where the diff is computed.
  const candidates = new Map<string, number>();
  const changedInPlace = new Map<string, number>();
  const onOneSide = { removed: 0, added: 0 };
  let bytes = 0;
  const classify = (file: PairFile, otherSha: string | undefined, side: 'removed' | 'added') => {
    if (otherSha === file.sha256) return;
    bytes += file.size;
    if (otherSha === undefined) {
      candidates.set(file.sha256, file.size);
      onOneSide[side] += 1;
    } else {
      changedInPlace.set(file.sha256, file.size);
    }
  };
  for (const file of oldFiles) classify(file, newShaByPath.get(file.path), 'removed');
  for (const file of newFiles) classify(file, oldShaByPath.get(file.path), 'added');
  for (const sha of candidates.keys()) changedInPlace.delete(sha);

  const { removed, added } = onOneSide;
  const early = changedInPlace.size > 0 && removed > 0 && added > 0 && options.computedInPlace({ pairs: removed * added, bytes });
  if (!early) {
    const contents = await read(ctx.database, new Map([...candidates, ...changedInPlace]));
    return { oldTree: treeOf(oldFiles, contents, pages), newTree: treeOf(newFiles, contents, pages), pageFieldsStored: storeRead(ctx, pages, contents) };
  }
  // Both reads start now; the second is awaited only after the search, and its failure (or the
  // first's) must reach the caller once, never as an unhandled rejection.
  const candidateRead = read(ctx.database, candidates);
  const changedRead = read(ctx.database, changedInPlace);
  changedRead.catch(() => {});
  const candidateContents = await candidateRead;
  const renames = pairRenames(treeOf(oldFiles, candidateContents, pages), treeOf(newFiles, candidateContents, pages), { renameThreshold: options.renameThreshold });
  const contents = await changedRead;
  for (const [sha, content] of candidateContents) contents.set(sha, content);
  return { oldTree: treeOf(oldFiles, contents, pages), newTree: treeOf(newFiles, contents, pages), renames, pageFieldsStored: storeRead(ctx, pages, contents) };
}

/**
 * Stores the page fields read from bytes, and the briefs of rows stored before briefs existed (their
 * frontmatter was read whole). The briefs are made a turn later, once the diff computed in place is done.
 */
function storeRead(ctx: ServiceContext, pages: UnreadPages, contents: ReadonlyMap<string, DiffContent>): Promise<void> {
  const briefs = new Promise((resolve) => setImmediate(resolve)).then(() => storeFrontmatterBriefs(ctx.db, storedWithoutBrief(contents)));
  // Both settle before this does: closing the database waits for it.
  return Promise.allSettled([storePageFields(ctx.db, pages.toStore), briefs]).then((results) => {
    for (const result of results) {
      if (result.status === 'rejected') ctx.logger.warn(`could not store the page fields a diff read: ${(result.reason as Error)?.message ?? String(result.reason)}`);
    }
  });
}
