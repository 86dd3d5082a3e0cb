// The embedded database before a command loads. Whether this process's opening of the database
// creates it: a data folder whose embedded server has no cluster yet. Creating takes other
// processes ~0.5 s, which a first sync spends fetching and reading its first version
// (listings-ahead.ts); on any later start that work could be wasted. And the server's start (the
// cluster's creation included), begun before the command's modules load rather than after.
import type { Config } from '../config.ts';
import { clusterExists, ensureServer, OPEN_DEADLINE_MS } from '../store/embedded-server.ts';
import { embeddedSchema } from '../store/migrations.ts';

export function opensNewDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): boolean {
  return config.databaseUrl === undefined && !clusterExists(config.dataDir);
}

/**
 * Starts the data folder's embedded server now (creating its cluster in a new folder); the command's
 * open joins this start (store/embedded-server.ts). Resolves once the rest is other processes' work
 * (the cluster's copy, the server's start-up) or the server is found running: the command's modules
 * (drizzle, the drivers, the services) load after that, not in between. Loaded first, they held a
 * first sync's cluster copy back by ~0.2 s. A failure is left for that open to meet and report.
 */
export function startServerAhead(config: Pick<Config, 'databaseUrl' | 'dataDir'>, onStatus: (message: string) => void): Promise<void> {
  if (config.databaseUrl !== undefined) return Promise.resolve();
  return new Promise((resolve) => {
    ensureServer({ dataDir: config.dataDir, deadline: Date.now() + OPEN_DEADLINE_MS, onStatus, onUnderWay: resolve, schema: embeddedSchema() }).then(
      () => resolve(),
      () => resolve(),
    );
  });
}
