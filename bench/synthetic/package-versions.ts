// A seeded synthetic docs package: N versions of F MDX pages, a few percent edited per version, some
// pages added and removed, and a whole folder moved every K versions. Versions are produced one at a
// time, so the generator holds one version in memory however many it yields.
import type { SourceFile } from '../../src/types.ts';
import { editPage, pageLines, renderPage, titleCase } from './page-text.ts';
import { type Random, seededRandom } from './seeded-random.ts';

export interface SyntheticPackageOptions {
  seed: number;
  versions: number;
  /** Pages in the first version. */
  files: number;
  /** Share of pages edited in each later version (0.02 = 2%). */
  editRate: number;
  /** Pages added per later version: a uniform draw in [min, max]. */
  added: readonly [number, number];
  removed: readonly [number, number];
  /** A folder moves in versions K, 2K, …; 0 = never. */
  moveEvery: number;
  folders: number;
  /** Folder holding the pages, inside the package. */
  root: string;
}

/** The scale study's package (issue 9): 100 versions × 2,000 pages, ~2% edited, a move every 20. */
export const SCALE_PACKAGE: SyntheticPackageOptions = {
  seed: 9_2025,
  versions: 100,
  files: 2_000,
  editRate: 0.02,
  added: [0, 6],
  removed: [0, 4],
  moveEvery: 20,
  folders: 25,
  root: 'docs',
};

export interface FolderMoveMade {
  from: string;
  to: string;
  files: number;
}

export interface VersionChanges {
  edited: number;
  added: number;
  removed: number;
  moved: FolderMoveMade | null;
}

export interface SyntheticVersion {
  /** 1-based position in the series. */
  number: number;
  version: string;
  files: SourceFile[];
  changes: VersionChanges;
}

interface Page {
  lines: string[];
  bytes: Uint8Array;
}

const encoder = new TextEncoder();
const FOLDER_WORDS = 'authkit sso directory-sync audit-logs events admin-portal roles fga vault widgets radar domain-verification mfa magic-auth sessions organizations invitations webhooks integrations reference guides migrations pricing sdks api-keys connect feature-flags email-verification passkeys billing analytics log-streams custom-domains branding security'.split(' ');

export function versionName(number: number): string {
  return `1.${number - 1}.0`;
}

function checkOptions(options: SyntheticPackageOptions): void {
  const counts = [options.versions, options.files, options.folders, ...options.added, ...options.removed, options.moveEvery];
  if (counts.some((value) => !Number.isInteger(value) || value < 0)) throw new Error('synthetic package counts must be whole numbers ≥ 0');
  if (options.versions < 1 || options.files < 1 || options.folders < 1) throw new Error('a synthetic package needs at least one version, page and folder');
  if (!(options.editRate >= 0 && options.editRate <= 1)) throw new Error('editRate must be between 0 and 1');
  if (options.added[0] > options.added[1] || options.removed[0] > options.removed[1]) throw new Error('ranges must be [min, max]');
}

class SyntheticPackage {
  private readonly random: Random;
  private readonly pages = new Map<string, Page>();
  private readonly folders: string[] = [];
  private readonly moved = new Set<string>();
  /** Folder names ever used; a move never reuses one, so every move in a long range stays distinct. */
  private readonly everUsed = new Set<string>();
  private serial = 0;

  constructor(private readonly options: SyntheticPackageOptions) {
    this.random = seededRandom(options.seed);
    for (let i = 0; i < options.folders; i += 1) {
      this.folders.push(i < FOLDER_WORDS.length ? FOLDER_WORDS[i]! : `section-${i + 1}`);
    }
    for (const folder of this.folders) this.everUsed.add(folder);
  }

  private routeOf(path: string): string {
    return `/${path.slice(this.options.root.length + 1).replace(/\.mdx$/, '')}`;
  }

  private setPage(path: string, lines: string[]): void {
    this.pages.set(path, { lines, bytes: encoder.encode(renderPage(lines)) });
  }

  private addPage(linkTargets: readonly string[]): void {
    this.serial += 1;
    const folder = this.random.pick(this.folders);
    const name = `${this.random.pick(FOLDER_WORDS)}-page-${this.serial}`;
    const path = `${this.options.root}/${folder}/${name}.mdx`;
    this.setPage(path, pageLines(this.random, { title: titleCase(name), linkTargets }));
  }

  private currentRoutes(): string[] {
    return [...this.pages.keys()].map((path) => this.routeOf(path));
  }

  first(): VersionChanges {
    // Early pages link to routes that exist by then; later ones to any page of the first version.
    const planned: string[] = [];
    for (let i = 0; i < this.options.files; i += 1) {
      this.addPage(planned.length > 0 ? planned : []);
      if (i % 50 === 49) planned.splice(0, planned.length, ...this.currentRoutes());
    }
    return { edited: 0, added: this.options.files, removed: 0, moved: null };
  }

  next(number: number): VersionChanges {
    const { options, random } = this;
    let moved: FolderMoveMade | null = null;
    if (options.moveEvery > 0 && number % options.moveEvery === 0) moved = this.moveFolder();
    const removed = random.sample([...this.pages.keys()], random.int(...options.removed));
    for (const path of removed) this.pages.delete(path);
    const edited = random.sample([...this.pages.keys()], Math.round(this.pages.size * options.editRate));
    for (const path of edited) {
      const page = this.pages.get(path)!;
      editPage(random, page.lines);
      this.setPage(path, page.lines);
    }
    const added = random.int(...options.added);
    const routes = added > 0 ? this.currentRoutes() : [];
    for (let i = 0; i < added; i += 1) this.addPage(routes);
    return { edited: edited.length, added, removed: removed.length, moved };
  }

  private moveFolder(): FolderMoveMade | null {
    const candidates = this.folders.filter((folder) => !this.moved.has(folder));
    if (candidates.length === 0) return null;
    const from = this.random.pick(candidates);
    const unused = FOLDER_WORDS.filter((word) => !this.everUsed.has(word));
    const to = unused.length > 0 ? this.random.pick(unused) : `${from}-moved-${this.moved.size + 1}`;
    this.everUsed.add(to);
    const prefix = `${this.options.root}/${from}/`;
    let files = 0;
    for (const [path, page] of [...this.pages]) {
      if (!path.startsWith(prefix)) continue;
      this.pages.delete(path);
      this.pages.set(`${this.options.root}/${to}/${path.slice(prefix.length)}`, page);
      files += 1;
    }
    this.folders[this.folders.indexOf(from)] = to;
    this.moved.add(to);
    return { from: `${this.options.root}/${from}`, to: `${this.options.root}/${to}`, files };
  }

  files(number: number): SourceFile[] {
    const manifest = encoder.encode(`${JSON.stringify({ name: '@bench/synthetic-docs', version: versionName(number) }, null, 2)}\n`);
    const out: SourceFile[] = [{ path: 'package.json', bytes: manifest }];
    for (const [path, page] of this.pages) out.push({ path, bytes: page.bytes });
    return out.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  }
}

/** Yields versions 1..N in order; the same options always give byte-identical versions. */
export function* syntheticVersions(options: SyntheticPackageOptions): Generator<SyntheticVersion> {
  checkOptions(options);
  const pkg = new SyntheticPackage(options);
  for (let number = 1; number <= options.versions; number += 1) {
    const changes = number === 1 ? pkg.first() : pkg.next(number);
    yield { number, version: versionName(number), files: pkg.files(number), changes };
  }
}
