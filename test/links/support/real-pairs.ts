// Real packages from the real registry, for the link checker's acceptance tests. Tarballs are kept in a
// snapshot folder under the OS temp dir (verified against the registry's integrity on every use), so
// only the first run downloads them; the registry's version list is asked every time.
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LinkReport } from '../../../src/links/link-report.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { checkLinks } from '../../../src/services/links.ts';
import { syncPackage } from '../../../src/services/sync.ts';
import { loadVersionDocs } from '../../../src/services/version-docs.ts';
import { findPackage } from '../../../src/store/packages.ts';
import { listVersionRows } from '../../../src/store/versions.ts';
import { testContext } from '../../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../../support/databases.ts';
import { expectRedirectsNeverLie } from './redirect-invariant.ts';

export const SNAPSHOTS = path.join(os.tmpdir(), 'docdelta-test-snapshots');

export async function realContext(database: TestDatabase): Promise<ServiceContext> {
  return testContext(database, { NPM_REGISTRY: 'https://registry.npmjs.org/', DOCDELTA_SNAPSHOTS_DIR: SNAPSHOTS });
}

export async function syncReal(ctx: ServiceContext, name: string, versions: string[]): Promise<void> {
  const synced = await syncPackage(ctx, name, { versions });
  expect(synced.failed).toEqual([]);
}

/** Page routes of a stored version, as the link checker sees them. */
export async function pageRoutes(ctx: ServiceContext, name: string, version: string): Promise<Set<string>> {
  const pkg = (await findPackage(ctx.db, name))!;
  const row = (await listVersionRows(ctx.db, pkg.id)).find((candidate) => candidate.version === version)!;
  const docs = await loadVersionDocs(ctx, pkg, row);
  return new Set(docs.pages.map((page) => page.route));
}

/**
 * The acceptance checks every real pair must pass: pages found in both versions, no warning that makes
 * the report untrustworthy, and redirect rules that never lie. Returns the report for more checks.
 */
export async function checkRealPair(ctx: ServiceContext, name: string, from: string, to: string): Promise<LinkReport> {
  const report = await checkLinks(ctx, { package: name, from, to });
  expect(report.counts.pages.from, `${name} ${from}: pages`).toBeGreaterThan(0);
  expect(report.counts.pages.to, `${name} ${to}: pages`).toBeGreaterThan(0);
  expect(report.warnings.filter((warning) => warning.blocking), `${name} ${from} → ${to}`).toEqual([]);
  expectRedirectsNeverLie(report, await pageRoutes(ctx, name, to));
  return report;
}

/**
 * The shared setup of a real-package suite: a fresh database, the versions synced from the registry,
 * and every pair checked by `checkRealPair` (reports keyed `"<from> <to>"`). Call inside `describe`.
 */
export function useRealPairs(name: string, versions: string[], pairs: Array<[string, string]>, timeout: number) {
  let database: TestDatabase | undefined;
  const suite = { ctx: undefined as unknown as ServiceContext, reports: new Map<string, LinkReport>() };
  beforeAll(async () => {
    database = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    suite.ctx = await realContext(database);
    await syncReal(suite.ctx, name, versions);
    for (const [from, to] of pairs) suite.reports.set(`${from} ${to}`, await checkRealPair(suite.ctx, name, from, to));
  }, timeout);
  afterAll(async () => {
    await database?.close();
  });
  return suite;
}
