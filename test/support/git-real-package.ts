// Downloads a published npm package version and unpacks it into a folder, for tests that compare
// docdelta with the machine's git on real data. Tarballs are cached under the OS temp folder so
// repeated runs do not hit the registry again.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { x as extract } from 'tar';

const REGISTRY = 'https://registry.npmjs.org';
const CACHE_DIR = path.join(os.tmpdir(), 'docdelta-test-tarballs');

interface PackumentVersion {
  dist: { tarball: string; integrity?: string };
}

function cacheFileFor(name: string, version: string): string {
  return path.join(CACHE_DIR, `${name.replace(/[@/]/g, '_')}-${version}.tgz`);
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { headers: { accept: 'application/json, application/octet-stream' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response;
}

function checkIntegrity(bytes: Uint8Array, integrity: string | undefined, label: string): void {
  if (!integrity?.startsWith('sha512-')) return;
  const actual = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  if (actual !== integrity) throw new Error(`${label}: tarball integrity mismatch`);
}

/** The version's tarball bytes, from the local cache when present, else from the registry. */
export async function downloadTarball(name: string, version: string): Promise<Uint8Array> {
  const cached = cacheFileFor(name, version);
  if (existsSync(cached)) return new Uint8Array(await readFile(cached));
  const packument = (await (await fetchOk(`${REGISTRY}/${name.replace('/', '%2f')}`)).json()) as {
    versions: Record<string, PackumentVersion>;
  };
  const meta = packument.versions[version];
  if (!meta) throw new Error(`${name}@${version} is not in the registry`);
  const bytes = new Uint8Array(await (await fetchOk(meta.dist.tarball)).arrayBuffer());
  checkIntegrity(bytes, meta.dist.integrity, `${name}@${version}`);
  await mkdir(CACHE_DIR, { recursive: true });
  // Write then rename, so a parallel test never reads a half-written cache file.
  const partial = `${cached}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, cached);
  return bytes;
}

/** Unpacks `name@version` into a fresh temp folder (the tarball's top folder stripped) and returns it. */
export async function unpackPackageVersion(name: string, version: string, parent?: string): Promise<string> {
  const tgz = await downloadTarball(name, version);
  const base = parent ?? (await mkdtemp(path.join(os.tmpdir(), 'docdelta-pkg-')));
  const dir = path.join(base, version);
  await mkdir(dir, { recursive: true });
  const tgzPath = path.join(base, `${version}.tgz`);
  await writeFile(tgzPath, tgz);
  await extract({ file: tgzPath, cwd: dir, strip: 1 });
  return dir;
}

/** Every regular file under `dir`, as paths relative to it (with `/`) and their bytes. */
export async function readTree(dir: string): Promise<{ path: string; bytes: Uint8Array }[]> {
  const out: { path: string; bytes: Uint8Array }[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(childRel);
      else if (entry.isFile()) out.push({ path: childRel, bytes: new Uint8Array(await readFile(path.join(dir, childRel))) });
    }
  }
  await walk('');
  return out;
}
