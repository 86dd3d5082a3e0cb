// A sync's first wait is the registry's list of versions, and before that, opening the database
// (creating it, the first time: ~0.2 s of other processes' work). Neither needs the other, so a
// sync that knows its package names asks the registry while the database opens, and the npm source
// then uses that answer instead of asking again.
import type { Config } from '../config.ts';
import validatePackageName from '../source/package-name.ts';
import { npmLimits } from './sources.ts';

export class ListingsAhead {
  private readonly controller = new AbortController();
  private readonly fetches = new Map<string, Promise<Uint8Array>>();

  /** Starts fetching the registry document of each name that can be an npm package. */
  constructor(config: Config, names: readonly string[]) {
    const fetcher = import('../source/npm/npm-source.ts');
    for (const name of new Set(names)) {
      if (!validatePackageName(name)) continue;
      const fetching = fetcher.then(({ fetchPackument }) => fetchPackument(config.npmRegistry, name, npmLimits(config), this.controller.signal));
      // A failure belongs to the sync that takes the answer; one nobody takes is dropped.
      fetching.catch(() => {});
      this.fetches.set(name, fetching);
    }
  }

  /** This package's answer, once: a later sync of the same name asks the registry afresh. */
  take(name: string): Promise<Uint8Array> | undefined {
    const fetching = this.fetches.get(name);
    this.fetches.delete(name);
    return fetching;
  }

  /**
   * Abandons the answers nobody took (a name that turned out to be a git or local package), so the
   * process does not wait for them to arrive before it exits.
   */
  cancel(): void {
    this.controller.abort();
    this.fetches.clear();
  }
}
