// The digest's broken-link count: links in the new version's own pages that lead nowhere. Links
// into pages that moved are the upgrade's redirects (`docdelta links`), not breakage in the docs.
import { checkLinks } from '../services/links.ts';
import type { ServiceContext } from '../services/context.ts';

export type LinkCounter = (ctx: ServiceContext, range: { package: string; from: string; to: string }) => Promise<number>;

export const countBrokenLinks: LinkCounter = async (ctx, range) => (await checkLinks(ctx, range)).counts.internal;
