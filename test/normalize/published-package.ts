// Fetches a published version once (verified against the registry's integrity) and caches it in the
// OS temp folder, so the real-docs test runs offline after its first run. A registry that cannot be
// reached is a failure, not a skip: the real registry is part of what these tests check.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { verifyIntegrity } from '../../src/source/integrity.ts';
import { extractTarball } from '../../src/source/tarball.ts';
import type { SourceFile } from '../../src/types.ts';

const REGISTRY = (process.env.NPM_REGISTRY ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/');
const CACHE = path.join(os.tmpdir(), 'docdelta-test-tarballs');

/** Throws when the registry cannot be reached and nothing is cached, or on an integrity mismatch. */
export async function publishedFiles(name: string, version: string): Promise<SourceFile[]> {
  const base = path.join(CACHE, `${name.replace('/', '__')}@${version}`);
  const cached = await readCached(base);
  if (cached) return extractTarball(cached);
  const packument = await fetchOk(`${REGISTRY}${name.replace('/', '%2f')}`, { accept: 'application/vnd.npm.install-v1+json' });
  const dist = ((await packument.json()) as { versions: Record<string, { dist: { tarball: string; integrity: string } }> }).versions[version]!.dist;
  const bytes = new Uint8Array(await (await fetchOk(dist.tarball, {})).arrayBuffer());
  verifyIntegrity(bytes, { integrity: dist.integrity });
  await fs.mkdir(CACHE, { recursive: true });
  await fs.writeFile(`${base}.tgz`, bytes);
  await fs.writeFile(`${base}.integrity`, dist.integrity);
  return extractTarball(bytes);
}

async function readCached(base: string): Promise<Uint8Array | null> {
  try {
    const [bytes, integrity] = await Promise.all([fs.readFile(`${base}.tgz`), fs.readFile(`${base}.integrity`, 'utf8')]);
    verifyIntegrity(bytes, { integrity });
    return new Uint8Array(bytes);
  } catch {
    return null;
  }
}

async function fetchOk(url: string, headers: Record<string, string>): Promise<Response> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}
