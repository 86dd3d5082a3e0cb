// The digest's broken-link count: links in the new version's own pages that lead nowhere. Links
// into pages that moved are the upgrade's redirects (`docdelta links`), not breakage in the docs.
// A check that could not check anything (no pages found, a route scheme matching no link) gives a
// warning instead of a count, so the digest never reads "no broken links" for it.
import { checkLinks } from '../services/links.ts';
import type { ServiceContext } from '../services/context.ts';

export interface LinkCount {
  broken: number;
  /** Why the count cannot be trusted; null when it can. */
  warning: string | null;
}

export type LinkCounter = (ctx: ServiceContext, range: { package: string; from: string; to: string }) => Promise<number | LinkCount>;

export const countBrokenLinks: LinkCounter = async (ctx, range) => {
  const report = await checkLinks(ctx, range);
  const blocking = report.warnings.find((warning) => warning.blocking);
  return { broken: report.counts.internal, warning: blocking ? blocking.message : null };
};
