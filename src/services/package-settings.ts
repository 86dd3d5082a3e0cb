// Reading and changing a package's docs settings (`docs.*` layout, `links.*` checks). A change is
// validated whole before it is stored, so a bad value is refused with what was expected and nothing
// half-applied; other option keys (a git package's `tags`) are kept as they are.
import { invalidInput } from '../errors.ts';
import { type PackageSettings, parsePackageSettings } from '../links/conventions.ts';
import { updatePackage } from '../store/packages.ts';
import { resolvePackage } from './catalog.ts';
import type { ServiceContext } from './context.ts';

export interface SettingsChange {
  /** `docs.roots` → a JSON value. */
  set?: Record<string, unknown>;
  /** Keys to remove (`docs.roots`, or a whole group: `links`). */
  unset?: string[];
}

const KEY = /^(docs|links)(\.[A-Za-z]+)?$/;

export async function getPackageSettings(ctx: ServiceContext, name?: string | null): Promise<{ package: string; settings: PackageSettings }> {
  const pkg = await resolvePackage(ctx, name);
  return { package: pkg.name, settings: parsePackageSettings(pkg.name, pkg.options) };
}

export async function updatePackageSettings(ctx: ServiceContext, name: string | null | undefined, change: SettingsChange): Promise<{ package: string; settings: PackageSettings }> {
  const pkg = await resolvePackage(ctx, name);
  const options: Record<string, unknown> = structuredClone(pkg.options ?? {});
  const groupOf = (group: string) => {
    const current = options[group];
    const copy = current !== null && typeof current === 'object' && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
    options[group] = copy;
    return copy;
  };
  for (const key of change.unset ?? []) {
    if (!KEY.test(key)) throw invalidInput(`unknown setting ${JSON.stringify(key.slice(0, 60))}: settings are docs.<name> or links.<name>`);
    const [group, field] = key.split('.') as [string, string | undefined];
    if (field === undefined) delete options[group];
    else delete groupOf(group)[field];
  }
  for (const [key, value] of Object.entries(change.set ?? {})) {
    if (!KEY.test(key) || !key.includes('.')) throw invalidInput(`unknown setting ${JSON.stringify(key.slice(0, 60))}: settings are docs.<name> or links.<name>`);
    const [group, field] = key.split('.') as [string, string];
    groupOf(group)[field] = value;
  }
  for (const group of ['docs', 'links']) if (options[group] && Object.keys(options[group] as object).length === 0) delete options[group];
  const settings = parsePackageSettings(pkg.name, options);
  await updatePackage(ctx.db, pkg.name, { options });
  return { package: pkg.name, settings };
}
