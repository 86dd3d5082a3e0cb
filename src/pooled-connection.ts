// Whether a DATABASE_URL puts a transaction-mode pooler between docdelta and PostgreSQL, and the
// one sentence that refuses it. Dependency-free: the configuration (zod) and the job lock both use
// it, and loading one must not load the other.

/**
 * What a DATABASE_URL says about a pooler in front of PostgreSQL: `?pgbouncer=true` (the convention
 * Prisma and others use) or `?pool_mode=transaction|statement`. Refused before any connection is
 * made — postgres.js would pass such a parameter to the server, which rejects it with a baffling
 * "unrecognized configuration parameter". The live probe is in services/jobs/pooling-check.ts.
 */
export function poolingModeFromUrl(url: string): string | null {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  if (/^(true|1|yes)$/i.test(params.get('pgbouncer') ?? '')) return 'pgbouncer=true';
  const mode = params.get('pool_mode') ?? params.get('pgbouncer_pool_mode');
  if (mode && /^(transaction|statement)$/i.test(mode)) return `pool_mode=${mode}`;
  return null;
}

/** One sentence: why a pooled connection is refused and what to do instead. */
export function poolerRefusal(detail: string): string {
  return `advisory locks do not work through this connection (${detail}); DATABASE_URL must reach PostgreSQL directly or through a session-mode pooler, not PgBouncer in transaction mode`;
}
