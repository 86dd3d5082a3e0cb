// Chooses the source a registered package syncs from.
import { invalidInput } from '../errors.ts';
import { DEFAULT_LIMITS } from '../source/limits.ts';
import { NpmSource } from '../source/npm/npm-source.ts';
import type { PackageSource } from '../source/package-source.ts';
import type { PackageRow } from '../store/packages.ts';
import type { ServiceContext } from './context.ts';

export interface SourceOptions {
  offline?: boolean;
}

export type SourceFactory = (ctx: ServiceContext, pkg: PackageRow, options: SourceOptions) => Promise<PackageSource>;

const factories = new Map<string, SourceFactory>([
  [
    'npm',
    async (ctx, pkg, options) =>
      new NpmSource(pkg.name, {
        registry: ctx.config.npmRegistry,
        snapshots: ctx.snapshots,
        offline: options.offline ?? false,
        limits: { ...DEFAULT_LIMITS, requestTimeoutMs: ctx.config.downloadTimeoutMs },
      }),
  ],
]);

/** Other source kinds (git) register themselves here, so this module never depends on them. */
export function registerSourceFactory(kind: string, factory: SourceFactory): void {
  factories.set(kind, factory);
}

export async function sourceFor(ctx: ServiceContext, pkg: PackageRow, options: SourceOptions = {}): Promise<PackageSource> {
  const factory = factories.get(pkg.source);
  if (!factory) throw invalidInput(`${pkg.name} comes from a ${pkg.source} source, which cannot be synced; import its versions instead`);
  return factory(ctx, pkg, options);
}
