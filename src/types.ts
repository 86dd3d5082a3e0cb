// Shared, dependency-free types. Every stage speaks these shapes; nothing here touches I/O.

/** One file of one version, as a source yields it: path relative to the package root. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

/** A version a source can offer, before it is ingested. */
export interface SourceVersion {
  version: string;
  publishedAt: Date | null;
  deprecated: string | null;
  /** npm: the tarball's integrity (sha512-… or sha1-…); git: the tag's commit id. */
  integrity: string | null;
}

export interface Heading {
  depth: number;
  text: string;
  /** GitHub-style anchor slug, unique within the page (`-1`, `-2` for repeats). */
  slug: string;
  line: number;
}

export type LinkKind = 'markdown' | 'html' | 'navigation' | 'frontmatter';

export interface DocLink {
  /** The target as written in the page (`/authkit/sso#setup`, `https://…`, `./x.mdx`). */
  target: string;
  /** 1-based line in the file (frontmatter lines included). */
  line: number;
  kind: LinkKind;
  text: string | null;
}

/** What normalize extracts from a Markdown/MDX page; content-derived, so stored per blob. */
export interface DocMeta {
  frontmatter: Record<string, unknown>;
  title: string | null;
  description: string | null;
  headings: Heading[];
  links: DocLink[];
  /** Set when the frontmatter could not be read (bad YAML, a refused engine); the body is still parsed. */
  frontmatterError: string | null;
}

export interface NormalizedFile {
  path: string;
  sha256: string;
  size: number;
  binary: boolean;
  /** Why a file was treated as binary (NUL byte, invalid UTF-8) or parsed only in part (a limit hit), for the record. */
  note: string | null;
  /** Page route under the docs root (`/authkit`), null for files that are not pages. */
  route: string | null;
  doc: DocMeta | null;
  bytes: Uint8Array;
}

export type ChangeStatus = 'added' | 'removed' | 'modified' | 'renamed';

export interface FrontmatterChange {
  field: string;
  before: unknown;
  after: unknown;
  /** Set when the values differ only in whitespace (a space that became U+00A0, say): invisible when rendered. */
  whitespaceOnly?: true;
}

export interface SectionChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface DocChanges {
  titleBefore: string | null;
  titleAfter: string | null;
  frontmatter: FrontmatterChange[];
  sections: SectionChanges;
  /** Anchor slugs of the old page that the new page no longer has. */
  removedAnchors: string[];
}

interface FileChangeBase {
  path: string;
  additions: number;
  deletions: number;
  binary?: boolean;
  /** Page titles, when the file is a doc page (new side; old side for removed files). */
  title?: string | null;
  doc?: DocChanges;
  /** Set when every changed line differs only in whitespace (NBSP included): `git diff -w` shows nothing. */
  whitespaceOnly?: true;
  /** The line counts `git diff -w` gives, when they differ from `additions`/`deletions`. */
  ignoringWhitespace?: { additions: number; deletions: number };
}

export type FileChange =
  | (FileChangeBase & { status: 'added' })
  | (FileChangeBase & { status: 'removed' })
  | (FileChangeBase & { status: 'modified' })
  | (FileChangeBase & { status: 'renamed'; oldPath: string; similarity: number });

export interface FolderMove {
  from: string;
  to: string;
  files: number;
  /** How many of the moved files were also edited. */
  edited: number;
  /** Files the old folder held (set when the old version's file list was known). */
  folderFiles?: number;
  /** How many of those files the move does not explain, and the first of them by path. */
  uncoveredCount?: number;
  uncovered?: string[];
}

export interface DiffSummary {
  added: number;
  removed: number;
  modified: number;
  renamed: number;
  additions: number;
  deletions: number;
}

export interface VersionDiff {
  package: string;
  from: string;
  to: string;
  summary: DiffSummary;
  moves: FolderMove[];
  files: FileChange[];
}
