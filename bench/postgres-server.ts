// The real PostgreSQL side of the bench: the server named by DATABASE_URL, or else a throwaway one
// started here the way .ci/run does (initdb into a temp folder, trust auth on 127.0.0.1, fsync off),
// and stopped when the bench ends.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  adminUrl: string;
  /** Where it came from, for the report. */
  origin: 'DATABASE_URL' | 'started by the bench';
  stop(): void;
}

function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(path.join(base, name, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(base, newest, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses to run as root). */
function runPg(bin: string, tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`${tool} failed: ${result.error?.message ?? result.stderr.trim().slice(0, 500)}`);
  }
}

/** The server to measure against, or a reason why there is none. */
export async function obtainPostgres(env: NodeJS.ProcessEnv = process.env): Promise<PostgresServer | { unavailable: string }> {
  if (env.DATABASE_URL) return { adminUrl: env.DATABASE_URL, origin: 'DATABASE_URL', stop: () => {} };
  const bin = postgresBin();
  if (!bin) return { unavailable: 'DATABASE_URL is unset and no PostgreSQL binaries were found under /usr/lib/postgresql' };
  const folder = mkdtempSync(path.join(os.tmpdir(), 'docdelta-bench-pg-'));
  try {
    if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', folder]);
    const port = await freePort();
    runPg(bin, 'initdb', ['-D', path.join(folder, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${folder} -c fsync=off`;
    runPg(bin, 'pg_ctl', ['-D', path.join(folder, 'data'), '-l', path.join(folder, 'log'), '-w', '-o', options, 'start']);
    return {
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      origin: 'started by the bench',
      stop: () => {
        try {
          runPg(bin, 'pg_ctl', ['-D', path.join(folder, 'data'), '-m', 'fast', 'stop']);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    return { unavailable: `could not start a throwaway PostgreSQL: ${(error as Error).message}` };
  }
}
