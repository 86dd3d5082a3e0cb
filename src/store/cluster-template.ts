// A new data folder starts as a copy of a cluster made once per installation: initdb costs ~0.4 s
// of CPU (seconds on a busy machine), a copy of its 39 MB a fraction of that. The template is the
// first cluster initdb made, saved under node_modules/.cache/docdelta/ beside the binaries that made
// it (keyed by their version and the user the server runs as), with its password.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface Template {
  dir: string;
  password: string;
}

/** node_modules/.cache/docdelta/postgres-<version>-<uid>, from the binaries' own location. */
export function templateDirFor(postgresBinary: string, version: string, uid: number): string {
  const packageDir = path.dirname(path.dirname(path.dirname(postgresBinary)));
  const nodeModules = path.dirname(path.dirname(packageDir));
  return path.join(nodeModules, '.cache', 'docdelta', `postgres-${version}-${uid}`);
}

export function readTemplate(dir: string): Template | undefined {
  try {
    if (!fs.existsSync(path.join(dir, 'data', 'PG_VERSION'))) return undefined;
    return { dir: path.join(dir, 'data'), password: fs.readFileSync(path.join(dir, 'password'), 'utf8').trim() };
  } catch {
    return undefined;
  }
}

/** `cp -a`: owners and modes kept (as root the files belong to the server's user). */
export function copyTree(from: string, to: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('cp', ['-a', `${from}/.`, to], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/** Best effort: a read-only node_modules just means every new folder runs initdb. */
export async function saveTemplate(dir: string, cluster: string, password: string): Promise<void> {
  if (readTemplate(dir)) return;
  const scratch = `${dir}.tmp-${process.pid}`;
  try {
    await fsp.rm(scratch, { recursive: true, force: true });
    await fsp.mkdir(path.join(scratch, 'data'), { recursive: true, mode: 0o700 });
    await fsp.chmod(scratch, 0o700);
    const stat = await fsp.stat(cluster);
    await fsp.chown(path.join(scratch, 'data'), stat.uid, stat.gid);
    if (!(await copyTree(cluster, path.join(scratch, 'data')))) return;
    await fsp.writeFile(path.join(scratch, 'password'), `${password}\n`, { mode: 0o600 });
    await fsp.rename(scratch, dir);
  } catch {
    // Not writable, or another process saved it first.
  } finally {
    await fsp.rm(scratch, { recursive: true, force: true }).catch(() => {});
  }
}
