// Read verbs over what is stored: packages, versions, and resolving user-given names to rows.
import { invalidInput, notFound } from '../errors.ts';
import { findPackage, listPackageRows, type PackageRow } from '../store/packages.ts';
import { countVersionsByPackage, listVersionRows, type VersionRow } from '../store/versions.ts';
import type { DocsLayout } from '../normalize/index.ts';
import type { ServiceContext } from './context.ts';
import { closest, didYouMean, matchVersion, registrySpelling } from '../suggest.ts';

// The row shapes consumers hold; they read them here so nothing outside services/ imports store/.
export type { PackageRow } from '../store/packages.ts';
export type { VersionRow } from '../store/versions.ts';

export interface PackageSummary {
  name: string;
  source: string;
  location: string | null;
  versions: number;
  latest: string | null;
}

export interface VersionSummary {
  version: string;
  publishedAt: string | null;
  files: number;
  bytes: number;
  deprecated: string | null;
  integrity: string | null;
  /** With `docs: true`: which folders hold pages, at which routes, and why (detected under the current settings). */
  docs?: DocsLayout;
}

/** A version pair resolved to its stored rows. */
export interface ResolvedPair {
  pkg: PackageRow;
  from: VersionRow;
  to: VersionRow;
}

export async function listPackages(ctx: ServiceContext): Promise<PackageSummary[]> {
  const rows = await listPackageRows(ctx.db);
  const byPackage = await countVersionsByPackage(ctx.db);
  const out: PackageSummary[] = [];
  for (const row of rows) {
    const versions = byPackage.get(row.id) ?? 0;
    const latest = versions > 0 ? (await listVersionRows(ctx.db, row.id)).at(-1)?.version ?? null : null;
    out.push({ name: row.name, source: row.source, location: row.location, versions, latest });
  }
  return out;
}

/** Every stored package row, for consumers that walk them all (digest, changelog). */
export async function listPackageRecords(ctx: ServiceContext): Promise<PackageRow[]> {
  return listPackageRows(ctx.db);
}

/** A package's stored versions in release order. */
export async function listVersionRecords(ctx: ServiceContext, pkg: Pick<PackageRow, 'id'>): Promise<VersionRow[]> {
  return listVersionRows(ctx.db, pkg.id);
}

/** A package by name; when none is given and exactly one is tracked, that one. */
export async function resolvePackage(ctx: ServiceContext, name?: string | null): Promise<PackageRow> {
  if (name) {
    const row = await findPackage(ctx.db, name);
    if (row) return row;
    const known = (await listPackageRows(ctx.db)).map((pkg) => pkg.name);
    const near = didYouMean(closest(name, known));
    throw notFound(`unknown package ${JSON.stringify(name)}${near}; tracked: ${known.join(', ') || 'none (run `docdelta sync` first)'}`);
  }
  const rows = await listPackageRows(ctx.db);
  if (rows.length === 1) return rows[0]!;
  if (rows.length === 0) throw notFound('no package is tracked yet; run `docdelta sync` first');
  throw invalidInput(`several packages are tracked (${rows.map((row) => row.name).join(', ')}); choose one with --package, ?package= or the tool's package argument`);
}

function toSummary(row: VersionRow): VersionSummary {
  return {
    version: row.version,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    files: row.fileCount,
    bytes: row.totalBytes,
    deprecated: row.deprecated,
    integrity: row.integrity,
  };
}

export async function listVersions(ctx: ServiceContext, packageName?: string | null, options: { docs?: boolean } = {}): Promise<{ package: string; versions: VersionSummary[] }> {
  const pkg = await resolvePackage(ctx, packageName);
  const rows = await listVersionRows(ctx.db, pkg.id);
  const versions = rows.map(toSummary);
  if (options.docs) {
    // Imported here: the docs layer (frontmatter, YAML, link conventions) is not needed to resolve a pair.
    const { loadDocsLayout } = await import('./version-docs.ts');
    // One version at a time: each reads its files' links, and the database is shared with everyone else.
    for (const [index, row] of rows.entries()) versions[index]!.docs = await loadDocsLayout(ctx, pkg, row);
  }
  return { package: pkg.name, versions };
}

/**
 * A version by name, or a shortcut: `latest` (the newest stored), `previous` (the one before `latest`,
 * or before `relativeTo` when given).
 */
export async function resolveVersion(
  ctx: ServiceContext,
  pkg: PackageRow,
  name: string,
  relativeTo?: string,
): Promise<VersionRow> {
  return pickVersion(pkg, await listVersionRows(ctx.db, pkg.id), name, relativeTo);
}

/** The stored version `name` means among `rows` (the package's, in release order). */
export function pickVersion(pkg: PackageRow, rows: readonly VersionRow[], name: string, relativeTo?: string): VersionRow {
  if (rows.length === 0) throw notFound(`${pkg.name} has no stored versions yet; run \`docdelta sync ${pkg.name}\``);
  if (name === 'latest') return rows.at(-1)!;
  if (name === 'previous') {
    const anchor = relativeTo && relativeTo !== 'latest' ? rows.findIndex((row) => row.version === relativeTo) : rows.length - 1;
    if (anchor <= 0) throw notFound(`${pkg.name} has no version before ${relativeTo ?? rows.at(-1)!.version}`);
    return rows[anchor - 1]!;
  }
  const row = rows.find((candidate) => candidate.version === name);
  if (row) return row;
  const shown = rows.map((candidate) => candidate.version);
  // npm's own spellings (`v1.2.3`, `=1.2.3`) name the stored version; a partial one (`0.2`) is a question.
  const match = matchVersion(name, shown);
  if (match.kind === 'exact') return rows.find((candidate) => candidate.version === match.version)!;
  const list = shown.length > 20 ? `${shown.slice(-20).join(', ')} (and ${shown.length - 20} older)` : shown.join(', ');
  throw notFound(`${pkg.name} has no stored version ${JSON.stringify(name)}${didYouMean(match.suggestions)}; stored: ${list}`);
}

/** `from` and `to` of one package; `from` may be `previous`, read relative to `to`. */
export async function resolvePair(ctx: ServiceContext, request: { package?: string | null; from: string; to: string }): Promise<ResolvedPair> {
  const pkg = await resolvePackage(ctx, request.package);
  const rows = await listVersionRows(ctx.db, pkg.id);
  const to = pickVersion(pkg, rows, request.to);
  const from = pickVersion(pkg, rows, request.from, to.version);
  return { pkg, from, to };
}

/** A complete npm version (`1.2.3`, `1.2.3-beta.1`): what a registry can be asked for by name. */
const FULL_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * The versions of a pair not stored yet, for a command that fetches them before it answers (as
 * `npm diff` does): the npm package the pair names (or the one configured, in an empty database) and
 * the missing versions as the registry spells them (`v1.2.3` → `1.2.3`). Null when nothing is to
 * fetch: both stored, a shortcut (`latest`, `previous`) or a partial version (which only ever name
 * stored ones), a package from git or a local folder (`docdelta sync` fetches those), or no package
 * to choose — resolving the pair then says what is wrong.
 */
export async function versionsToFetch(ctx: ServiceContext, request: { package?: string | null; from: string; to: string }): Promise<{ package: string; versions: string[] } | null> {
  let name = request.package ?? null;
  let pkg = name ? await findPackage(ctx.db, name) : undefined;
  if (!name) {
    const rows = await listPackageRows(ctx.db);
    if (rows.length === 1) pkg = rows[0];
    name = pkg?.name ?? (rows.length === 0 && ctx.config.packages.length === 1 ? ctx.config.packages[0]! : null);
  }
  if (name === null || (pkg && pkg.source !== 'npm')) return null;
  const stored = pkg ? (await listVersionRows(ctx.db, pkg.id)).map((row) => row.version) : [];
  const shortcut = (version: string) => version === 'latest' || version === 'previous';
  // With nothing stored, `latest` would come to mean the one version fetched: an empty diff that
  // looks like an answer. Resolving the pair says instead that nothing is stored yet.
  if (stored.length === 0 && (shortcut(request.from) || shortcut(request.to))) return null;
  const missing = [request.from, request.to]
    .filter((version) => !shortcut(version) && matchVersion(version, stored).kind !== 'exact')
    .map(registrySpelling)
    .filter((version) => FULL_VERSION.test(version));
  return missing.length === 0 ? null : { package: name, versions: [...new Set(missing)] };
}
