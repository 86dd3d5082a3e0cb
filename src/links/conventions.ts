// How a docs site turns links into pages. Sites differ (section routes, generated folder pages, routes
// served by something other than the package), so the rules are per package: defaults, a preset for the
// packages we know, and `packages.options.links` over both.
import { z } from 'zod';
import { invalidInput } from '../errors.ts';

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

/** Defaults, then the package's preset, then what the package's options say (validated). */
export function conventionsFor(packageName: string, options: Record<string, unknown> | null | undefined): LinkConventions {
  const merged = { ...DEFAULT_CONVENTIONS, ...(PRESETS[packageName] ?? {}) };
  const configured = options?.links;
  if (configured === undefined || configured === null) return merged;
  const parsed = linkConventionsSchema.partial().safeParse(configured);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidInput(`packages.options.links of ${packageName} is invalid at ${issue.path.join('.') || 'links'}: ${issue.message}`);
  }
  return { ...merged, ...parsed.data };
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
