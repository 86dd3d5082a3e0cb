// The digest's broken-link count comes from the link checker (src/links), which is built
// separately. It is looked up at run time so the digest works with or without it: when the module
// is there, its `checkLinks` report is counted; when it is not, the digest leaves the line out.
import type { ServiceContext } from '../services/context.ts';

export type LinkCounter = (ctx: ServiceContext, range: { package: string; from: string; to: string }) => Promise<number>;

interface LinksModule {
  checkLinks?: (ctx: ServiceContext, request: { package?: string; from: string; to: string }) => Promise<{ broken?: unknown[] }>;
}

// A computed specifier: the link checker is optional, so it must not be a static dependency.
const LINKS_MODULE = new URL('../links/index.ts', import.meta.url).href;

let resolved: Promise<LinkCounter | null> | undefined;

export function findLinkCounter(): Promise<LinkCounter | null> {
  resolved ??= import(LINKS_MODULE).then(
    (module: LinksModule) => {
      const checkLinks = module.checkLinks;
      if (typeof checkLinks !== 'function') return null;
      return async (ctx, range) => {
        const report = await checkLinks(ctx, range);
        return Array.isArray(report?.broken) ? report.broken.length : 0;
      };
    },
    (error: { code?: string }) => {
      // Not built yet: no count. Present but broken: say so each time a count is asked for.
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('links')) return null;
      return async () => {
        throw error;
      };
    },
  );
  return resolved;
}
