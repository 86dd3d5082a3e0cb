// Whether this process's opening of the database creates it: a data folder whose embedded server
// has no cluster yet. Creating takes other processes ~0.5–1 s, which a first sync spends fetching
// and reading its first version (listings-ahead.ts); on any later start that work could be wasted.
import type { Config } from '../config.ts';
import { clusterExists } from '../store/embedded-server.ts';

export function opensNewDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): boolean {
  return config.databaseUrl === undefined && !clusterExists(config.dataDir);
}
