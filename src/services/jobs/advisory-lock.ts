// A PostgreSQL session advisory lock, taken and released in one server session that exists only
// for it.
//
// Why one session: a session lock belongs to the session that took it. Taken from a pool, the
// unlock could run on another connection (returning false while the lock stays held until the
// first one closes). If the process dies, its connection closes and the server frees the lock by
// itself, so a crashed replica never blocks the next tick.
//
// Why a dedicated one-connection client rather than postgres.js's `sql.reserve()`: with postgres
// 3.4.x a reserved connection whose server session ends (restart, network cut, idle timeout)
// throws an uncatchable TypeError from `nextWrite` on its next query, and releasing it leaves the
// pool hanging (porsager/postgres#1208, #1199) — exactly the case a lock must survive. A client of
// its own reconnects cleanly instead, and its `onclose` tells us at once that the lock is gone.
//
// Why the checks: behind a transaction-pooling proxy (PgBouncer `pool_mode=transaction`) even one
// client connection may be served by different server sessions from one statement to the next.
// After taking the lock we ask pg_locks, in a separate statement, whether *this* session holds it;
// the unlock must return true on the same backend. Any mismatch is reported, never ignored.
import crypto from 'node:crypto';
import type { Sql } from 'postgres';
import { poolerRefusal } from '../../pooled-connection.ts';
import { DocdeltaError } from '../../errors.ts';
import { CLIENT_OPTIONS } from '../../store/postgres-client.ts';

/** A positive 48-bit key from a name: fits a bigint and a JS number, stable across processes. */
export function advisoryKey(name: string): number {
  return crypto.createHash('sha256').update(`docdelta:${name}`).digest().readUIntBE(0, 6);
}

export interface AdvisoryLock {
  key: number;
  /** The server process holding the lock, for diagnostics. */
  backendPid: number;
  /** Resolves with true when the session that took the lock released it. */
  release(): Promise<boolean>;
  /** Confirms the session still exists and still holds the lock. */
  stillHeld(): Promise<boolean>;
}

export class PoolingModeError extends DocdeltaError {
  constructor(detail: string) {
    super('INVALID_INPUT', poolerRefusal(detail));
  }
}

async function heldBySession(sql: Sql, key: number): Promise<{ held: boolean; pid: number }> {
  const [row] = await sql<{ held: boolean; pid: number }[]>`
    select pg_backend_pid() as pid, exists (
      select 1 from pg_locks
      where locktype = 'advisory' and granted and pid = pg_backend_pid()
        and classid::bigint = ${Math.floor(key / 2 ** 32)} and objid::bigint = ${key % 2 ** 32} and objsubid = 1
    ) as held`;
  return { held: row!.held, pid: row!.pid };
}

/** Takes the lock if it is free; null when another session holds it. Never waits for it. */
export async function tryAdvisoryLock(url: string, name: string): Promise<AdvisoryLock | null> {
  const key = advisoryKey(name);
  const { default: postgres } = await import('postgres');
  let closed = false;
  const sql = postgres(url, {
    ...CLIENT_OPTIONS,
    max: 1,
    onclose: () => {
      closed = true;
    },
    connection: { application_name: 'docdelta-job-lock', statement_timeout: 10_000 },
  });
  const end = () => sql.end({ timeout: 2 }).catch(() => {});
  let pid: number;
  try {
    const [row] = await sql<{ locked: boolean; pid: number }[]>`
      select pg_try_advisory_lock(${key}::bigint) as locked, pg_backend_pid() as pid`;
    if (!row!.locked) {
      await end();
      return null;
    }
    pid = row!.pid;
    const check = await heldBySession(sql, key);
    if (!check.held || check.pid !== pid) {
      throw new PoolingModeError(`the lock taken by server process ${pid} was not visible to the next statement, served by ${check.pid}`);
    }
  } catch (error) {
    // Ending a direct session frees whatever it holds; through a transaction pooler it does not,
    // so ask for the unlock first (it may or may not reach the session that holds the lock).
    await sql`select pg_advisory_unlock(${key}::bigint)`.catch(() => {});
    await end();
    throw error;
  }
  let released = false;
  return {
    key,
    backendPid: pid,
    async stillHeld() {
      if (released || closed) return false;
      try {
        const check = await heldBySession(sql, key);
        return check.held && check.pid === pid;
      } catch {
        return false;
      }
    },
    async release() {
      if (released) return false;
      released = true;
      try {
        if (closed) return false;
        const [row] = await sql<{ unlocked: boolean; pid: number }[]>`
          select pg_advisory_unlock(${key}::bigint) as unlocked, pg_backend_pid() as pid`;
        return row!.unlocked && row!.pid === pid;
      } catch {
        return false;
      } finally {
        await end();
      }
    },
  };
}
