// How a docs site turns files into pages and links into routes. Sites differ (where the pages live, the
// URL prefix, route groups, section routes, generated folder pages, routes served by something other than
// the package), so the rules are per package: detection, a preset for the packages we know, and the
// package's settings over both — `packages.options.docs` (layout) and `packages.options.links` (checks).
import { z } from 'zod';
import { invalidInput } from '../errors.ts';
import type { LayoutSettings } from '../normalize/index.ts';

const routePattern = z
  .string()
  .max(300)
  .regex(/^\/[^\s#?]*$/, 'must be a root-relative route such as /integrations (a trailing /* covers everything under it)');

export const linkConventionsSchema = z
  .object({
    /** `/glossary/acs-url` is the `ACS URL` heading of `/glossary`; nested headings nest (`/page/h2/h3`). */
    sectionRoutes: z.boolean(),
    /** A folder holding pages is a route even without an index page: the site generates a listing. */
    folderRoutes: z.boolean(),
    /** Routes the site serves from outside the package (`/integrations`, `/api/*`); never reported broken. */
    externalRoutes: z.array(routePattern).max(500),
    /** `#anchor` and section routes are checked against the page's headings. */
    checkAnchors: z.boolean(),
    /** Paths are compared as written; false compares them case-insensitively. */
    caseSensitive: z.boolean(),
    /**
     * Frontmatter subtrees whose `url:` values describe the page to the site (API reference metadata)
     * rather than link to other pages; stale values there are reported as notes, not broken links.
     */
    frontmatterMetadataKeys: z.array(z.string().max(100)).max(50),
    /** Where the docs are published (`https://workos.com/docs`): absolute links to it are internal. */
    baseUrl: z
      .string()
      .max(500)
      .url()
      .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL')
      .nullable(),
  })
  .strict();

export type LinkConventions = z.infer<typeof linkConventionsSchema>;

export const DEFAULT_CONVENTIONS: LinkConventions = {
  sectionRoutes: true,
  folderRoutes: true,
  externalRoutes: [],
  checkAnchors: true,
  caseSensitive: true,
  frontmatterMetadataKeys: [],
  baseUrl: null,
};

/**
 * Learned from the published pages: the site lives under workos.com/docs; API reference pages declare
 * their own URLs under `reference:` (several still name routes from before a restructuring, in 0.1.0 as
 * in 0.2.0, so the site cannot be routing by them).
 */
const PRESETS: Record<string, Partial<LinkConventions>> = {
  '@workos/mcp-docs-server': {
    baseUrl: 'https://workos.com/docs',
    frontmatterMetadataKeys: ['reference'],
  },
};

const folderPattern = z
  .string()
  .max(300)
  .refine((value) => !value.replace(/\\/g, '/').split('/').includes('..'), 'must stay inside the package (no ..)')
  .refine((value) => !value.startsWith('/'), 'must be relative to the package root, such as .docs/raw/reference (use "" for the root itself)');

/** The layout part of the settings: which folders hold pages and how files become routes. */
const docsSettingsSchema = z
  .object({
    /** The folders that hold pages, each with the route it is served at (learned from links when left out, else `/`). */
    roots: z
      .array(z.strictObject({ folder: folderPattern, route: routePattern.optional() }))
      .min(1, 'must name at least one folder')
      .max(50),
    /** `(name)` folders are Next.js route groups, not URL segments (default true). */
    routeGroups: z.boolean(),
    /** Page names that are their folder's route (default `index`, `README`). */
    indexNames: z.array(z.string().regex(/^[\w.-]{1,60}$/, 'must be a file name without extension, such as index')).max(20),
    /** Learn the URL prefix of each folder from the docs' own links (default true). */
    learnRoutes: z.boolean(),
  })
  .partial()
  .strict();

export type DocsSettings = z.infer<typeof docsSettingsSchema>;

/** Everything a package can set about its docs: `{ docs: {...}, links: {...} }` (other option keys belong to sources). */
const packageSettingsSchema = z.object({ docs: docsSettingsSchema.optional(), links: linkConventionsSchema.partial().optional() });
export type PackageSettings = z.infer<typeof packageSettingsSchema>;

function describeIssue(packageName: string, issue: z.core.$ZodIssue): string {
  return `the settings of ${packageName} are invalid at ${issue.path.join('.') || '(top)'}: ${issue.message}`;
}

/** The validated `docs` and `links` settings of a package; a clear INVALID_INPUT when they are wrong. */
export function parsePackageSettings(packageName: string, options: Record<string, unknown> | null | undefined): PackageSettings {
  const parsed = packageSettingsSchema.safeParse({ docs: options?.docs ?? undefined, links: options?.links ?? undefined });
  if (!parsed.success) throw invalidInput(describeIssue(packageName, parsed.error.issues[0]!));
  return parsed.data;
}

/** Defaults, then the package's preset, then what the package's options say (validated). */
export function conventionsFor(packageName: string, options: Record<string, unknown> | null | undefined): LinkConventions {
  return mergeConventions(packageName, parsePackageSettings(packageName, options));
}

function mergeConventions(packageName: string, settings: PackageSettings): LinkConventions {
  return { ...DEFAULT_CONVENTIONS, ...(PRESETS[packageName] ?? {}), ...(settings.links ?? {}) };
}

/**
 * The layout settings detection starts from: the package's `docs` settings; the docs folder a git package
 * was tracked with, as its one root, when no roots are set; and the publication URL known to the checks.
 */
export function layoutSettingsFor(pkg: { name: string; docsRoot: string | null; options: Record<string, unknown> | null }): LayoutSettings {
  const settings = parsePackageSettings(pkg.name, pkg.options);
  const conventions = mergeConventions(pkg.name, settings);
  const roots = settings.docs?.roots ?? (pkg.docsRoot !== null ? [{ folder: pkg.docsRoot }] : null);
  return { ...settings.docs, roots, baseUrl: conventions.baseUrl };
}

/** `https://workos.com/docs/` → `/docs`; `https://docs.example.com` → ``. */
export function basePathOf(baseUrl: string | null): string {
  if (!baseUrl) return '';
  return new URL(baseUrl).pathname.replace(/\/+$/, '');
}

export function matchesExternalRoute(route: string, patterns: readonly string[]): boolean {
  for (const pattern of patterns) {
    if (pattern.endsWith('/*')) {
      const prefix = pattern.slice(0, -2);
      if (route === prefix || route.startsWith(`${prefix}/`)) return true;
    } else if (route === pattern) {
      return true;
    }
  }
  return false;
}
