// Refuses, at startup, a database connection on which session advisory locks cannot work: PgBouncer
// (or another pooler) in transaction or statement mode hands each transaction to whichever server
// session is free, so a lock could be taken on one session and "released" on another — and the
// lock then stays on a pooled server session that no client owns, blocking the job for good.
//
// What is detectable, and checked:
// - the URL saying so: `?pgbouncer=true` (the convention Prisma and others use) or
//   `?pool_mode=transaction|statement` — refused when the configuration is read (config.ts), and
//   again here for a database opened without it;
// - two client connections open at once being served by the same server process. Under session
//   pooling (or none) that cannot happen; PgBouncer in transaction mode, idle, hands the second
//   client the server connection the first one just used (verified against PgBouncer 1.18);
// - a lock taken by one statement not being held by the session of the next statement, which is
//   what a busy transaction pooler does. The same check runs on every job lock, so a pooler that
//   slipped past the startup probe is still caught when a job starts.
import crypto from 'node:crypto';
import { poolingModeFromUrl } from '../../pooled-connection.ts';
import type { Logger } from '../../logger.ts';
import type { Database } from '../../store/database.ts';
import { advisoryKey, PoolingModeError, tryAdvisoryLock } from './advisory-lock.ts';
import { CLIENT_OPTIONS } from '../../store/postgres-client.ts';

async function serverPidOfSecondClient(url: string, key: number): Promise<number> {
  const { default: postgres } = await import('postgres');
  const other = postgres(url, { ...CLIENT_OPTIONS, max: 1, connection: { application_name: 'docdelta-pooling-probe' } });
  try {
    const [row] = await other<{ pid: number }[]>`select pg_backend_pid() as pid`;
    return row!.pid;
  } finally {
    // If this client was handed the first client's session, this is the statement that can free
    // the probe lock there.
    await other`select pg_advisory_unlock(${key}::bigint)`.catch(() => {});
    await other.end({ timeout: 2 }).catch(() => {});
  }
}

const PROBE_ROUNDS = 3;

async function probeOnce(url: string): Promise<void> {
  const name = `probe:${crypto.randomUUID()}`;
  const probe = await tryAdvisoryLock(url, name);
  if (!probe) throw new PoolingModeError('a lock on a fresh random key was reported as taken');
  let otherPid: number;
  try {
    otherPid = await serverPidOfSecondClient(url, advisoryKey(name));
  } catch (error) {
    await probe.release();
    throw error;
  }
  const released = await probe.release();
  if (otherPid === probe.backendPid) throw new PoolingModeError(`two client connections were served by the same server process (${otherPid})`);
  if (!released) throw new PoolingModeError('unlocking did not reach the session that held the lock');
}

export async function assertSessionPooling(database: Database, logger?: Logger): Promise<void> {
  if (database.client.driver !== 'postgres' || !database.url) return;
  const url = database.url;
  const declared = poolingModeFromUrl(url);
  if (declared) throw new PoolingModeError(`DATABASE_URL declares ${declared}`);
  // A busy transaction pooler may pass one round by chance; three rounds rarely all pass.
  for (let round = 0; round < PROBE_ROUNDS; round += 1) await probeOnce(url);
  logger?.info('database connection checked: session advisory locks hold');
}
