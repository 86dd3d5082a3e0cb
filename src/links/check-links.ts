// The service verb behind `docdelta links`, GET /links, the MCP `check_links` tool and the digest's count.
import { z } from 'zod';
import { invalidInput } from '../errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { diffPair, resolvePair } from '../services/version-diff.ts';
import { analyzePair } from './analyze-pair.ts';
import { conventionsFor, type LinkConventions } from './conventions.ts';
import { buildLinkReport, type LinkReport, type ReportInput } from './link-report.ts';
import { loadVersionDocs } from './load-version-docs.ts';
import { findAppLinks, type FoundAppLink } from './scan-text.ts';
import { walkApp } from './walk-app.ts';

export interface CheckLinksRequest {
  package?: string | null;
  from: string;
  to: string;
  /** A folder of an app, help centre or site to scan for links into the docs. */
  scanDir?: string | null;
  /** Where the docs are published (`https://workos.com/docs`); defaults to the package's conventions. */
  baseUrl?: string | null;
}

const baseUrlSchema = z
  .string()
  .max(500)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

/** Links kept from a scan; past this the report would be too large to be of use anyway. */
const MAX_SCAN_LINKS = 200_000;

function effectiveBaseUrl(request: CheckLinksRequest, conventions: LinkConventions): string | null {
  if (request.baseUrl === undefined || request.baseUrl === null) return conventions.baseUrl;
  const parsed = baseUrlSchema.safeParse(request.baseUrl);
  if (!parsed.success) throw invalidInput(`base URL ${JSON.stringify(request.baseUrl.slice(0, 100))} ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** First route segments of both versions, to tell docs links from the app's own paths when the docs sit at a host's root. */
function docsSegments(routes: Iterable<string>): Set<string> {
  const segments = new Set<string>();
  for (const route of routes) {
    const first = route.split('/')[1];
    if (first) segments.add(first);
  }
  return segments;
}

export async function checkLinks(ctx: ServiceContext, request: CheckLinksRequest): Promise<LinkReport> {
  const pair = await resolvePair(ctx, request);
  const baseConventions = conventionsFor(pair.pkg.name, pair.pkg.options);
  const baseUrl = effectiveBaseUrl(request, baseConventions);
  const conventions = { ...baseConventions, baseUrl };
  const [diff, from, to] = await Promise.all([diffPair(ctx, pair), loadVersionDocs(ctx, pair.from), loadVersionDocs(ctx, pair.to)]);
  const analysis = analyzePair({ from, to, diff, conventions });

  let scan: ReportInput['scan'];
  if (request.scanDir) {
    const segments = docsSegments([...from.pages, ...to.pages].map((page) => page.route));
    const found: Array<FoundAppLink & { file: string }> = [];
    const stats = await walkApp(request.scanDir, (file) => {
      for (const link of findAppLinks(file.text, { baseUrl, docsSegments: segments })) {
        if (found.length < MAX_SCAN_LINKS) found.push({ ...link, file: file.path });
      }
    });
    scan = { dir: request.scanDir, baseUrl, stats, found };
  }
  return buildLinkReport({ package: pair.pkg.name, conventions, analysis, docs: { from, to }, scan });
}
