// A client of the data folder's embedded PostgreSQL server. Every docdelta process on the folder
// (serve, the CLI, `docdelta mcp`) is just a client of that one server, so writes from any of them
// are seen by all. The server is started on demand; each client holds a shared advisory lock for its
// whole life, and at exit a client that can take the lock exclusively knows it is the last one.
// The last one stops the server (DOCDELTA_SERVER_IDLE_SECONDS=0, docs/adr/0009) or leaves that to an
// idle stopper, so the next command within the idle period finds it running (docs/adr/0014).
import path from 'node:path';
import type { ReservedSql, Sql } from 'postgres';
import { DocdeltaError } from '../errors.ts';
import { type Database, connectPostgres, drizzlePostgres } from './database.ts';
import { reserveOpened } from './postgres-client.ts';
import { CLIENT_LEASE_KEY, type ClusterSchema, type ServerAddress, ensureServer, isServerProcess, OPEN_DEADLINE_MS, readPassword, sleep, STOPPER_KEY, stopServer } from './embedded-server.ts';

export interface EmbeddedOptions {
  /** Seconds the server stays up after the last client leaves; 0 stops it with the last client. */
  idleSeconds: number;
  statementTimeout: number;
  lockTimeout: number;
  onStatus?: ((message: string) => void) | undefined;
  /** The schema a new folder's cluster is made with (embedded-server.ts). */
  schema?: ClusterSchema;
}

/** Connection failures that mean "the server is starting, stopping or gone": find or start it again. */
export function serverGoingAway(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return (
    code === '57P01' || // terminated by administrator: a last client's fast shutdown
    code === '57P02' ||
    code === '57P03' || // cannot connect now: starting up or shutting down
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'CONNECTION_CLOSED' ||
    code === 'CONNECTION_ENDED' ||
    code === 'CONNECTION_DESTROYED'
  );
}

interface Lease {
  dataDir: string;
  idleSeconds: number;
  sql: Sql;
  reserved: ReservedSql;
  address: ServerAddress;
  url: string;
}

async function takeLease(dataDir: string, options: EmbeddedOptions): Promise<Lease> {
  const deadline = Date.now() + OPEN_DEADLINE_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const address = await ensureServer({ dataDir, deadline, onStatus: options.onStatus, schema: options.schema });
    const url = `postgres://postgres:${encodeURIComponent(readPassword(dataDir))}@127.0.0.1:${address.port}/postgres`;
    // One connection more than the pool's usual ten: the lease keeps one for itself.
    const sql = await connectPostgres(url, options.statementTimeout, options.lockTimeout, 11);
    try {
      // The pool's first connection opens while the lease's does: every command needs both.
      const reserved = await reserveOpened(sql, 2);
      await reserved`select pg_advisory_lock_shared(${CLIENT_LEASE_KEY.toString()}::bigint)`;
      return { dataDir, idleSeconds: options.idleSeconds, sql, reserved, address, url };
    } catch (error) {
      await sql.end({ timeout: 0 }).catch(() => {});
      if (!serverGoingAway(error)) throw error;
      lastError = error;
      await sleep(20);
    }
  }
  throw new DocdeltaError('INTERNAL', `could not connect to the database server of ${path.resolve(dataDir)} within ${OPEN_DEADLINE_MS / 1000} s`, { cause: lastError });
}

/**
 * Leaves the server. The last client either stops it (fast shutdown, so a client that connected a
 * moment ago and waits for its shared lock is cut off and starts the server anew) or, with an idle
 * period, makes sure a stopper will do so once the period passes with nobody connected.
 */
async function leave(lease: Lease): Promise<void> {
  let stopNow = false;
  let needsStopper = false;
  try {
    // A killed server: nothing to stop, and writing to its dead sockets trips a postgres.js bug.
    if (!isServerProcess(lease.address.pid)) throw new Error('the server is gone');
    const key = CLIENT_LEASE_KEY.toString();
    if (lease.idleSeconds === 0) {
      await lease.reserved`select pg_advisory_unlock_shared(${key}::bigint)`;
      const [row] = await lease.reserved<{ last: boolean }[]>`select pg_try_advisory_lock(${key}::bigint) as last`;
      // Signalled while the exclusive lock is held: nobody can slip in between the check and the stop.
      if (row?.last === true) {
        process.kill(lease.address.pid, 'SIGINT');
        stopNow = true;
      }
    } else {
      // One round trip (the select list is evaluated in order); closing the session below releases
      // whatever these took. Only a last client without a stopper in place starts one, and only a
      // last client touches the stopper's lock: a client that is not last holding it for a moment
      // would make the real last one, leaving at the same time, think a stopper was in place.
      const [row] = await lease.reserved<{ needs_stopper: boolean }[]>`
        select pg_advisory_unlock_shared(${key}::bigint) as released,
               case when pg_try_advisory_lock(${key}::bigint)
                    then pg_try_advisory_lock(${STOPPER_KEY.toString()}::bigint)
                    else false end as needs_stopper`;
      needsStopper = row?.needs_stopper === true;
    }
  } catch {
    // The server is already gone (killed, or stopped by another last client): nothing to stop.
  } finally {
    lease.reserved.release();
    await lease.sql.end({ timeout: 5 }).catch(() => {});
  }
  if (stopNow) await stopServer(lease.address);
  if (needsStopper) {
    const { spawnIdleStopper } = await import('./idle-stopper.ts');
    spawnIdleStopper({ dataDir: lease.dataDir, address: lease.address, idleSeconds: lease.idleSeconds });
  }
}

export async function openEmbedded(dataDir: string, options: EmbeddedOptions): Promise<Database> {
  // Loaded while the server answers the connections below, rather than after.
  const queryBuilder = import('drizzle-orm/postgres-js').catch(() => undefined);
  const lease = await takeLease(dataDir, options);
  await queryBuilder;
  let closing: Promise<void> | undefined;
  return {
    db: await drizzlePostgres(lease.sql),
    url: lease.url,
    client: { driver: 'postgres', sql: lease.sql },
    close: () => (closing ??= leave(lease)),
  };
}
