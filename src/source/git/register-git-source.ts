// Lets `docdelta sync` sync packages tracked with `docdelta track git`: the services layer keeps a
// registry of source kinds, so it never depends on this module.
import { registerSourceFactory } from '../../services/sources.ts';
import { gitCacheRoot, gitPackageSettings } from './git-package-settings.ts';
import { GitSource } from './git-source.ts';

export function registerGitSource(): void {
  registerSourceFactory('git', async (ctx, pkg, options) => {
    const settings = gitPackageSettings(pkg);
    return new GitSource({
      packageName: pkg.name,
      location: settings.location,
      docsFolder: settings.docsFolder,
      tags: settings.tags,
      cacheRoot: gitCacheRoot(ctx.config.snapshotsDir),
      offline: options.offline ?? false,
    });
  });
}
