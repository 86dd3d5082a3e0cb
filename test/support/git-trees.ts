// Builds two trees in a throwaway git repository and asks the machine's git about them, so tests
// can compare docdelta's diff engine with `git diff -M` on exactly the same content.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DiffInputFile } from '../../src/diff/index.ts';
import type { FileChange } from '../../src/types.ts';

/** A tree as path -> content; strings are written as UTF-8. */
export type Tree = Record<string, string | Uint8Array>;

export function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The tree as diffTrees input. */
export function inputFiles(tree: Tree): DiffInputFile[] {
  return Object.entries(tree).map(([filePath, content]) => {
    const bytes = bytesOf(content);
    return { path: filePath, sha256: sha256(bytes), bytes };
  });
}

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

export interface GitOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** `git diff --no-index` exits 1 when the trees differ; say so to accept that exit code. */
  differencesExit?: boolean;
}

export function git(args: string[], options: GitOptions = {}): Buffer {
  const result = spawnSync('git', args, { cwd: options.cwd, env: { ...GIT_ENV, ...options.env }, maxBuffer: 1 << 28 });
  const ok = result.status === 0 || (options.differencesExit === true && result.status === 1);
  if (result.error || !ok) {
    throw new Error(`git ${args.join(' ')} failed: ${result.stderr?.toString() ?? result.error}`);
  }
  return result.stdout;
}

export function writeTree(dir: string, tree: Tree): void {
  for (const [filePath, content] of Object.entries(tree)) {
    const full = path.join(dir, filePath);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, bytesOf(content));
  }
}

/** Two trees stored as commits in a git repository; `dispose` removes what it created. */
export interface GitTreePair {
  dir: string;
  oldTree: string;
  newTree: string;
  dispose(): void;
}

function fastImportCommit(ref: string, tree: Tree): Buffer[] {
  const chunks: Buffer[] = [Buffer.from(`commit ${ref}\ncommitter t <t@t> 0 +0000\ndata 0\ndeleteall\n`)];
  for (const [filePath, content] of Object.entries(tree)) {
    const bytes = bytesOf(content);
    chunks.push(Buffer.from(`M 100644 inline ${filePath}\ndata ${bytes.length}\n`), Buffer.from(bytes), Buffer.from('\n'));
  }
  return chunks;
}

/**
 * A bare scratch repository that stores tree pairs with one `git fast-import` each: no work tree,
 * no index, and one process per pair, which keeps hundreds of comparisons within seconds.
 */
export class GitScratchRepo {
  readonly dir: string;
  private pairs = 0;

  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'docdelta-git-'));
    git(['init', '-q', '--bare', '--template=', this.dir]);
  }

  pair(oldTree: Tree, newTree: Tree): GitTreePair {
    const id = ++this.pairs;
    const oldRef = `refs/heads/p${id}-old`;
    const newRef = `refs/heads/p${id}-new`;
    const stream = Buffer.concat([...fastImportCommit(oldRef, oldTree), ...fastImportCommit(newRef, newTree)]);
    const result = spawnSync('git', ['fast-import', '--quiet'], { cwd: this.dir, env: GIT_ENV, input: stream });
    if (result.status !== 0) throw new Error(`git fast-import failed: ${result.stderr.toString()}`);
    return { dir: this.dir, oldTree: oldRef, newTree: newRef, dispose: () => {} };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One tree pair in its own scratch repository. */
export function gitTreePair(oldTree: Tree, newTree: Tree): GitTreePair {
  const repo = new GitScratchRepo();
  return { ...repo.pair(oldTree, newTree), dispose: () => repo.dispose() };
}

/** Reads `--name-status -z` output as `R050\told\tnew` / `A\tpath` lines; `rename` maps each printed path. */
export function parseNameStatus(output: string, rename: (path: string) => string = (p) => p): string[] {
  const parts = output.split('\0');
  const lines: string[] = [];
  for (let i = 0; i < parts.length - 1; ) {
    const status = parts[i++]!;
    if (status.startsWith('R') || status.startsWith('C')) lines.push(`${status}\t${rename(parts[i++]!)}\t${rename(parts[i++]!)}`);
    else lines.push(`${status}\t${rename(parts[i++]!)}`);
  }
  return lines;
}

/**
 * Reads `--numstat -z` output as `added\tdeleted\tpath` lines (binary as `-\t-`), the path being the
 * new one (the old one for deletions). `--no-index` prints every entry as a pair, `/dev/null` for
 * the missing side.
 */
export function parseNumstat(output: string, rename: (path: string) => string = (p) => p): string[] {
  const parts = output.split('\0');
  const lines: string[] = [];
  for (let i = 0; i < parts.length - 1; ) {
    const [added, deleted, filePath] = parts[i++]!.split('\t');
    let shown = filePath!;
    if (filePath === '') {
      const from = parts[i++]!;
      const to = parts[i++]!;
      shown = to === '/dev/null' ? from : to;
    }
    lines.push(`${added}\t${deleted}\t${rename(shown)}`);
  }
  return lines;
}

export function gitNameStatus(pair: GitTreePair, extra: string[] = []): string[] {
  return parseNameStatus(git(['diff', '-M', '--name-status', '-z', ...extra, pair.oldTree, pair.newTree], { cwd: pair.dir }).toString());
}

export function gitNumstat(pair: GitTreePair, extra: string[] = []): string[] {
  return parseNumstat(git(['diff', '-M', '--numstat', '-z', ...extra, pair.oldTree, pair.newTree], { cwd: pair.dir }).toString());
}

/** docdelta's changes in git's `--name-status` spelling. */
export function nameStatusOf(files: readonly FileChange[]): string[] {
  return files.map((change) => {
    switch (change.status) {
      case 'added':
        return `A\t${change.path}`;
      case 'removed':
        return `D\t${change.path}`;
      case 'modified':
        return `M\t${change.path}`;
      case 'renamed':
        return `R${String(Math.round(change.similarity * 100)).padStart(3, '0')}\t${change.oldPath}\t${change.path}`;
    }
  });
}

/** docdelta's counts in git's `--numstat -z` spelling (new path for renames). */
export function numstatOf(files: readonly FileChange[]): string[] {
  return files.map((change) =>
    change.binary ? `-\t-\t${change.path}` : `${change.additions}\t${change.deletions}\t${change.path}`,
  );
}

/** The 10-byte line `L%07dx\n` of the rename spec's test plan, so 1 line = 10 bytes. */
export function L(i: number): string {
  return `L${String(i).padStart(7, '0')}x\n`;
}

/** Lines L(from) .. L(to) inclusive. */
export function lines(from: number, to: number): string {
  let out = '';
  for (let i = from; i <= to; i++) out += L(i);
  return out;
}
