// getChangelog: the entries of one package (or every tracked package), newest first, each compared
// with the version stored before it. Diffs come from diffPair, so they are computed once and cached.
// Entries are chosen before any diff is computed: a feed of 20 entries never diffs more than 20 pairs.
import { z } from 'zod';
import { diffPageUrl, packagePageUrl } from '../api/web-urls.ts';
import { ALGORITHM_VERSION } from '../diff/index.ts';
import { invalidInput, notFound } from '../errors.ts';
import { listPackageRecords, listVersionRecords, type PackageRow, resolvePackage, resolveVersion, type VersionRow } from '../services/catalog.ts';
import type { ServiceContext } from '../services/context.ts';
import { summarizePair } from '../services/doc-summary.ts';
import { type Changelog, changelogChanges, type ChangelogEntry } from './changelog-changes.ts';

export const DEFAULT_CHANGELOG_LIMIT = 20;
export const MAX_CHANGELOG_LIMIT = 200;

 
const plainText = (max: number) => z.string().min(1).max(max).refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain control characters');

export const changelogRequestSchema = z
  .object({
    package: plainText(214).nullish(),
    /** Only versions after this one (a stored version name, or `latest` / `previous`). */
    since: plainText(200).nullish(),
    limit: z.number().int().min(1).max(MAX_CHANGELOG_LIMIT).optional(),
  })
  .strict();

export type ChangelogRequest = z.input<typeof changelogRequestSchema>;

interface Candidate {
  pkg: PackageRow;
  rows: VersionRow[];
  index: number;
  date: Date;
}

const dateOf = (row: VersionRow) => row.publishedAt ?? row.ingestedAt;

async function candidatesOf(ctx: ServiceContext, pkg: PackageRow, since: string | null | undefined): Promise<Candidate[]> {
  const rows = await listVersionRecords(ctx, pkg);
  let first = 0;
  if (since) {
    const anchor = await resolveVersion(ctx, pkg, since);
    first = rows.findIndex((row) => row.id === anchor.id) + 1;
  }
  const out: Candidate[] = [];
  for (let index = rows.length - 1; index >= first; index -= 1) out.push({ pkg, rows, index, date: dateOf(rows[index]!) });
  return out;
}

async function entryFor(ctx: ServiceContext, candidate: Candidate): Promise<ChangelogEntry> {
  const { pkg, rows, index } = candidate;
  const row = rows[index]!;
  const base = ctx.config.publicBaseUrl;
  const date = candidate.date.toISOString();
  if (index === 0) {
    return { package: pkg.name, version: row.version, previous: null, date, url: packagePageUrl(base, pkg.name), changes: null, files: row.fileCount };
  }
  const previous = rows[index - 1]!;
  const changes = changelogChanges(await summarizePair(ctx, { pkg, from: previous, to: row }));
  const target = { package: pkg.name, from: previous.version, to: row.version };
  changes.mostChanged = changes.mostChanged.map((page) => ({ ...page, url: diffPageUrl(base, { ...target, path: page.path }) }));
  return { package: pkg.name, version: row.version, previous: previous.version, date, url: diffPageUrl(base, target), changes, files: row.fileCount };
}

/** What a changelog request resolves to before any diff is computed. */
export interface ChangelogPlan {
  package: string | null;
  candidates: Candidate[];
  /**
   * Everything the rendered changelog depends on: the chosen versions and their predecessors (by
   * id), the base URL and the diff algorithm. Equal keys give equal changelogs, so HTTP can cache
   * and revalidate on it; a sync that stores a version changes it.
   */
  key: string;
}

/** Validates the request and chooses the entries: cheap (a few small queries), no diffs. */
export async function planChangelog(ctx: ServiceContext, request: ChangelogRequest = {}): Promise<ChangelogPlan> {
  const parsed = changelogRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`invalid changelog request: ${issue?.path.join('.') || 'input'} ${issue?.message ?? 'is invalid'}`);
  }
  const { since } = parsed.data;
  const limit = parsed.data.limit ?? DEFAULT_CHANGELOG_LIMIT;
  let packages: PackageRow[];
  if (parsed.data.package) {
    packages = [await resolvePackage(ctx, parsed.data.package)];
  } else {
    packages = await listPackageRecords(ctx);
    if (packages.length === 0) throw notFound('no package is tracked yet; run `docdelta sync` first');
    if (since && packages.length > 1) throw invalidInput(`since needs a package when several are tracked: ${packages.map((pkg) => pkg.name).join(', ')}`);
  }
  const perPackage = await Promise.all(packages.map((pkg) => candidatesOf(ctx, pkg, since)));
  // One package's entries keep release order even where dates disagree (a backport tagged later);
  // several packages are merged by date.
  const candidates = (
    perPackage.length === 1
      ? perPackage[0]!
      : perPackage.flat().sort((a, b) => b.date.getTime() - a.date.getTime() || (a.pkg.name < b.pkg.name ? -1 : a.pkg.name > b.pkg.name ? 1 : 0))
  ).slice(0, limit);
  const chosen = candidates.map(({ pkg, rows, index }) => [pkg.id, rows[index]!.id, index > 0 ? rows[index - 1]!.id : null]);
  const key = JSON.stringify([ALGORITHM_VERSION, ctx.config.publicBaseUrl, packages.map((pkg) => [pkg.id, pkg.name]), chosen]);
  return { package: packages.length === 1 ? packages[0]!.name : null, candidates, key };
}

/** Computes (or reads from the diff cache) each chosen entry's diff and summarizes it. */
export async function buildChangelog(ctx: ServiceContext, plan: ChangelogPlan): Promise<Changelog> {
  const entries: ChangelogEntry[] = [];
  for (const candidate of plan.candidates) entries.push(await entryFor(ctx, candidate));
  return { package: plan.package, entries };
}

/**
 * The changelog, newest first. Without a package, every tracked package's versions are merged by
 * date (one feed for all the docs an organisation follows); `since` then needs a package.
 */
export async function getChangelog(ctx: ServiceContext, request: ChangelogRequest = {}): Promise<Changelog> {
  return buildChangelog(ctx, await planChangelog(ctx, request));
}
