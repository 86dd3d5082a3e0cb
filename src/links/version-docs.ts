// What the link checker knows about one version: its pages (routes, titles, headings) and every file that
// holds links. Plain data, so everything after loading is pure and testable without a database.
import type { DocLink, Heading } from '../types.ts';

export interface DocsPage {
  route: string;
  path: string;
  title: string | null;
  headings: Heading[];
  /**
   * Values of the page's variant pickers (`- $ frontend="nextjs, remix"` in WorkOS quick starts): the site
   * serves `/authkit/nextjs/nodejs/…` as the page with those picked, so section routes may start with them.
   */
  variants: string[];
  /** The page's text, for finding a replacement when it is removed; empty when not loaded. */
  text: string;
}

/** A Markdown file with links: a page, or a file the site reads but does not serve (`_navigation.mdx`). */
export interface LinkSource {
  path: string;
  /** Null for files that are not pages. */
  route: string | null;
  links: DocLink[];
  frontmatter: Record<string, unknown>;
}

export interface VersionDocs {
  version: string;
  docsRoot: string | null;
  pages: DocsPage[];
  sources: LinkSource[];
  /** Every file path of the version, for relative `.mdx` links and assets. */
  paths: string[];
}
