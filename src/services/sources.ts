// The source kinds a stored package can sync from, built for the composition root: npm (the
// registry), git (a repository's tags) and local (a folder or a .tgz on this machine). Each kind's
// code (simple-git, tar, the registry client) is imported when a sync first needs it, so commands
// that only read the database never load it.
import { invalidInput } from '../errors.ts';
import type { Config } from '../config.ts';
import { DEFAULT_LIMITS, type SourceLimits } from '../source/limits.ts';
import type { PackageSource } from '../source/package-source.ts';
import type { SnapshotStore } from '../source/snapshots.ts';
import type { NpmSource } from '../source/npm/npm-source.ts';
import type { PackageRow } from '../store/packages.ts';
import type { ServiceContext, SourceFactories, SourceFactory, SourceOptions } from './context.ts';

/** The bounds of every registry read, with the configured deadline. */
export function npmLimits(config: Pick<Config, 'downloadTimeoutMs'>): SourceLimits {
  return { ...DEFAULT_LIMITS, requestTimeoutMs: config.downloadTimeoutMs };
}

/** The npm source of one package, for a context's sync or for work started before the context exists (listings-ahead.ts). */
export async function createNpmSource(config: Config, snapshots: SnapshotStore, name: string, options: SourceOptions & { signal?: AbortSignal }): Promise<NpmSource> {
  const npm = await import('../source/npm/npm-source.ts');
  return new npm.NpmSource(name, {
    registry: config.npmRegistry,
    snapshots,
    offline: options.offline ?? false,
    limits: npmLimits(config),
    packument: options.packument,
    signal: options.signal,
  });
}

export const npmSourceFactory: SourceFactory = (ctx, pkg, options) => createNpmSource(ctx.config, ctx.snapshots, pkg.name, options);

export const gitSourceFactory: SourceFactory = async (ctx, pkg, options) => {
  const [{ gitCacheRoot, gitPackageSettings }, { GitSource }] = await Promise.all([
    import('../source/git/git-package-settings.ts'),
    import('../source/git/git-source.ts'),
  ]);
  const settings = gitPackageSettings(pkg);
  return new GitSource({
    packageName: pkg.name,
    location: settings.location,
    docsFolder: settings.docsFolder,
    tags: settings.tags,
    cacheRoot: gitCacheRoot(ctx.config.snapshotsDir),
    offline: options.offline ?? false,
  });
};

export const localSourceFactory: SourceFactory = async (_ctx, pkg) => {
  const { LocalSource, localPackageSettings } = await import('../source/local-source.ts');
  return new LocalSource(localPackageSettings(pkg));
};

/** Every kind docdelta knows; the composition root passes these unless told otherwise. */
export function defaultSources(): SourceFactories {
  return { npm: npmSourceFactory, git: gitSourceFactory, local: localSourceFactory };
}

/**
 * Whether a plain `sync` polls this package: its kind has a source in the context, and a local
 * package says where it lives (a local row without a location holds imported versions: nothing to read).
 */
export function isPollable(ctx: ServiceContext, pkg: Pick<PackageRow, 'source' | 'location'>): boolean {
  if (!Object.hasOwn(ctx.sources, pkg.source)) return false;
  return pkg.source !== 'local' || pkg.location !== null;
}

export async function sourceFor(ctx: ServiceContext, pkg: PackageRow, options: SourceOptions = {}): Promise<PackageSource> {
  const factory = Object.hasOwn(ctx.sources, pkg.source) ? ctx.sources[pkg.source] : undefined;
  if (!factory) throw invalidInput(`${pkg.name} comes from a ${pkg.source} source, which cannot be synced; import its versions instead`);
  return factory(ctx, pkg, options);
}
