// The process that stops a data folder's database server once nobody has used it for a while
// (DOCDELTA_SERVER_IDLE_SECONDS). A lone `docdelta diff` then finds the server it started a minute
// ago still up instead of paying a start and a stop; and nothing stays behind for good.
// Spawned detached by the last client to leave (embedded-database.ts); at most one per server, held
// by an advisory lock on its own session. It is a client without the client lease, so it never
// keeps the server up itself. See docs/adr/0014.
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { Sql } from 'postgres';
import { fromPackageRoot, RUNNING_COMPILED } from '../package-root.ts';
import { CLIENT_LEASE_KEY, clusterExists, isServerProcess, readPassword, type ServerAddress, sleep, STOPPER_KEY, stopServer } from './embedded-server.ts';
import { CLIENT_OPTIONS, reserveOpened } from './postgres-client.ts';

/** How often the stopper looks for clients; also the granularity of the idle period. */
const POLL_MS = 1000;

export interface StopperArgs {
  dataDir: string;
  address: ServerAddress;
  idleSeconds: number;
}

/** Starts a stopper for this server in the background; the caller does not wait for it. */
export function spawnIdleStopper(args: StopperArgs): void {
  const script = RUNNING_COMPILED ? [fromPackageRoot('dist', 'src', 'store', 'idle-stopper.js')] : ['--import', 'tsx', fromPackageRoot('src', 'store', 'idle-stopper.ts')];
  const child = spawn(process.execPath, [...script, JSON.stringify({ ...args, dataDir: path.resolve(args.dataDir) })], {
    detached: true,
    stdio: 'ignore',
    cwd: fromPackageRoot(),
    env: { ...process.env, DOCDELTA_IDLE_STOPPER: '1' },
  });
  child.on('error', () => {});
  child.unref();
}

/** The data folder was deleted (a temporary one, say): its server has nothing left to serve. */
function folderDeleted(dataDir: string): boolean {
  return !clusterExists(dataDir);
}

/**
 * Waits until no client has held the lease for `idleSeconds`, then stops the server while holding
 * the lease exclusively (a client arriving in that instant waits on its shared lock, is cut off by
 * the shutdown and starts a new server, as with a last client's stop in ADR 0009).
 */
async function runIdleStopper(sql: Sql, args: StopperArgs): Promise<'stopped' | 'another-stopper' | 'server-gone'> {
  const reserved = await reserveOpened(sql);
  const [mine] = await reserved<{ got: boolean }[]>`select pg_try_advisory_lock(${STOPPER_KEY.toString()}::bigint) as got`;
  if (!mine?.got) return 'another-stopper';
  let idleSince: number | undefined;
  for (;;) {
    if (!isServerProcess(args.address.pid)) return 'server-gone';
    if (folderDeleted(args.dataDir)) {
      process.kill(args.address.pid, 'SIGINT');
      return 'stopped';
    }
    const [probe] = await reserved<{ alone: boolean }[]>`select pg_try_advisory_lock(${CLIENT_LEASE_KEY.toString()}::bigint) as alone`;
    if (probe?.alone) {
      idleSince ??= Date.now();
      if (Date.now() - idleSince >= args.idleSeconds * 1000) {
        process.kill(args.address.pid, 'SIGINT');
        return 'stopped';
      }
      await reserved`select pg_advisory_unlock(${CLIENT_LEASE_KEY.toString()}::bigint)`;
    } else {
      idleSince = undefined;
    }
    await sleep(Math.min(POLL_MS, args.idleSeconds * 1000));
  }
}

async function main(raw: string): Promise<void> {
  const args = JSON.parse(raw) as StopperArgs;
  if (folderDeleted(args.dataDir)) {
    if (isServerProcess(args.address.pid)) await stopServer(args.address);
    return;
  }
  const { default: postgres } = await import('postgres');
  const url = `postgres://postgres:${encodeURIComponent(readPassword(args.dataDir))}@127.0.0.1:${args.address.port}/postgres`;
  const sql = postgres(url, { ...CLIENT_OPTIONS, max: 1, connection: { application_name: 'docdelta idle stopper' } });
  let outcome: Awaited<ReturnType<typeof runIdleStopper>> | undefined;
  try {
    outcome = await runIdleStopper(sql, args);
  } catch {
    // The server went away under us (stopped by hand, killed): nothing left to stop.
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
  if (outcome === 'stopped') await stopServer(args.address);
}

if (process.env.DOCDELTA_IDLE_STOPPER === '1' && process.argv[2]) {
  await main(process.argv[2]);
}
