// Failures of what docdelta runs on rather than of docdelta: the database refusing to wait for a
// lock or to write, a full disk. They reach us as a driver error wrapped in drizzle's "Failed query:
// <the whole SQL> params: …", which is no message for a person. Each known one becomes a sentence
// naming the cause and the fix; the SQL stays in the cause, for the log.
//
// Dependency-free on purpose: errors.ts consults it, and everything imports errors.ts.

export interface EnvironmentFault {
  code: 'UNAVAILABLE';
  message: string;
  retryAfterSeconds: number;
}

interface Coded {
  code?: unknown;
  errno?: unknown;
  path?: unknown;
  cause?: unknown;
  [field: string]: unknown;
}

/** The error and its causes, outermost first (drizzle wraps the driver's error in `cause`). */
export function causeChain(error: unknown): Coded[] {
  const out: Coded[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && out.length < 8) {
    out.push(current as Coded);
    current = (current as Coded).cause;
  }
  return out;
}

const SQLSTATE: Record<string, () => EnvironmentFault> = {
  // lock_not_available: lock_timeout fired.
  '55P03': () => ({
    code: 'UNAVAILABLE',
    message:
      'the database did not grant a lock within lock_timeout: another session holds it (a migration, a manual LOCK, or another docdelta writing the same rows); try again when it has finished',
    retryAfterSeconds: 30,
  }),
  // query_canceled: statement_timeout fired (or an operator cancelled the query).
  '57014': () => ({
    code: 'UNAVAILABLE',
    message: 'a database statement ran past statement_timeout and was cancelled: the database is overloaded or a query is too big; try again later',
    retryAfterSeconds: 60,
  }),
  // disk_full, and the rest of class 53 (insufficient resources).
  '53100': () => ({
    code: 'UNAVAILABLE',
    message:
      "the database's disk is full (SQLSTATE 53100 disk_full): free space on the volume that holds the database (PostgreSQL's data directory, or DOCDELTA_DATA_DIR for the embedded one) and run again; nothing was half-stored",
    retryAfterSeconds: 300,
  }),
  '53200': () => ({
    code: 'UNAVAILABLE',
    message: 'the database ran out of memory (SQLSTATE 53200 out_of_memory): give PostgreSQL more memory or sync fewer versions at once, and run again',
    retryAfterSeconds: 300,
  }),
};

/** A clear, one-line description of an environment fault anywhere in the cause chain; null if none. */
export function describeEnvironmentFault(error: unknown): EnvironmentFault | null {
  for (const link of causeChain(error)) {
    if (typeof link.code !== 'string') continue;
    const known = SQLSTATE[link.code];
    if (known) return known();
    if (link.code === 'ENOSPC') {
      const path = typeof link.path === 'string' ? ` writing ${link.path}` : '';
      return {
        code: 'UNAVAILABLE',
        message: `no space left on the device${path} (ENOSPC): free space on that volume (DOCDELTA_DATA_DIR and DOCDELTA_SNAPSHOTS_DIR live there) and run again; nothing was half-stored`,
        retryAfterSeconds: 300,
      };
    }
    if (link.code === 'EDQUOT') {
      return {
        code: 'UNAVAILABLE',
        message: 'the disk quota is exhausted (EDQUOT): raise the quota or free space for DOCDELTA_DATA_DIR and DOCDELTA_SNAPSHOTS_DIR, and run again',
        retryAfterSeconds: 300,
      };
    }
  }
  return null;
}
