// A new data folder starts as a copy of a cluster made once per installation: initdb costs ~0.4 s
// of CPU (seconds on a busy machine), and creating docdelta's tables ~0.1 s more; a copy of its
// 25 MB (only the postgres database is kept, embedded-server.ts) a fraction of that. The template
// is the first cluster initdb made, with the schema applied, saved under node_modules/.cache/docdelta/
// beside the binaries that made it (keyed by their version, the user the server runs as, the schema
// and the template's layout), with its password.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

export interface Template {
  dir: string;
  password: string;
}

/**
 * node_modules/.cache/docdelta/postgres-<version>-<uid>[-schema-<id>], from the binaries' own
 * location: a template holds the schema it was made with, so a docdelta with newer migrations makes
 * its own.
 */
export function templateDirFor(postgresBinary: string, version: string, uid: number, schemaId?: string): string {
  const packageDir = path.dirname(path.dirname(path.dirname(postgresBinary)));
  const nodeModules = path.dirname(path.dirname(packageDir));
  const schema = schemaId === undefined ? '' : `-schema-${schemaId.replace(/[^A-Za-z0-9]/g, '_')}`;
  return path.join(nodeModules, '.cache', 'docdelta', `postgres-${version}-${uid}${schema}`);
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
    await removeOtherTemplates(dir);
  } catch {
    // Not writable, or another process saved it first.
  } finally {
    await fsp.rm(scratch, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Best effort: the templates of the same binaries and user made for another schema (~25–40 MB each)
 * are never used again once this one exists. A process copying one at this moment sees its copy
 * fail, and makes its cluster by initdb instead.
 */
async function removeOtherTemplates(dir: string): Promise<void> {
  const name = path.basename(dir);
  const base = name.replace(/-schema-[A-Za-z0-9_]+$/, '');
  const siblings = await fsp.readdir(path.dirname(dir)).catch(() => [] as string[]);
  for (const sibling of siblings) {
    if (sibling === name || !(sibling === base || sibling.startsWith(`${base}-schema-`)) || sibling.includes('.tmp-')) continue;
    await fsp.rm(path.join(path.dirname(dir), sibling), { recursive: true, force: true }).catch(() => {});
  }
}
