// "Did you mean …?" for package names: the tracked and configured names close to a mistyped one.
// The edit distance lives with the CLI's suggestions; services only need the phrase.
import { closest, didYouMean } from '../suggest.ts';
import { listPackageRows } from '../store/packages.ts';
import type { ServiceContext } from './context.ts';

/** `; did you mean "x"?` for names close to `name` among the stored and configured packages, or ''. */
export async function closestNames(ctx: ServiceContext, name: string): Promise<string> {
  const known = [...(await listPackageRows(ctx.db)).map((row) => row.name), ...ctx.config.packages];
  return didYouMean(closest(name, known.filter((candidate) => candidate !== name)));
}
