// Ctrl-C during a one-shot command: the command leaves the database as a finished one would, so its
// embedded server does not stay up for good (the idle stopper takes it over), it exits 130 without
// an error report, and the version it was storing is not half there. Real processes, the real
// embedded server, a local registry whose tarball trickles in.
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDirOf, isServerProcess, readPostmasterPid } from '../../src/store/embedded-server.ts';
import { tempDir } from '../support/context.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { packageTgz, sri } from '../support/tarballs.ts';
import { waitFor } from '../support/wait-for.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/docdelta.js');

describe('an interrupted command', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry();
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('leaves the database on Ctrl-C: exit 130, nothing half-stored, and the server stops after its idle period', async () => {
    const folder = await tempDir('docdelta-interrupt-');
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NPM_REGISTRY: registry.url,
      DOCDELTA_SERVER_IDLE_SECONDS: '1',
      DOCDELTA_DATA_DIR: path.join(folder, '.data'),
      DOCDELTA_SNAPSHOTS_DIR: path.join(folder, 'snapshots'),
    };
    const tarball = packageTgz({ 'package.json': '{"name":"slow-docs","version":"1.0.0"}', 'docs/a.md': '# A\n' });
    registry.setPackage({ name: 'slow-docs', versions: [{ version: '1.0.0', tarball, integrity: sri(tarball) }] });
    registry.setTarballBehaviour('1.0.0', { trickleEveryMs: 1_000 });

    const child = spawn(process.execPath, [BIN, 'sync', 'slow-docs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The command holds the database and waits for the download.
    expect(await waitFor(() => stderr.includes('slow-docs@1.0.0: fetch…'), 60_000)).toBe(true);
    const server = readPostmasterPid(clusterDirOf(env.DOCDELTA_DATA_DIR));
    expect(server && isServerProcess(server.pid)).toBe(true);

    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).not.toMatch(/unexpected error|docdelta sync: /);
    // Handed to the idle stopper: gone once nobody has used it for the period, not kept for good.
    expect(await waitFor(() => !isServerProcess(server!.pid), 20_000, 100)).toBe(true);

    // Nothing of the interrupted version was stored, and the next sync stores it whole.
    const docdelta = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 90_000 });
    const storedVersions = async () => {
      const listed = await docdelta('versions', '--package', 'slow-docs', '--json').catch(() => ({ stdout: '{"versions":[]}' }));
      return (JSON.parse(listed.stdout) as { versions: { version: string; files: number }[] }).versions.map(({ version, files }) => ({ version, files }));
    };
    expect(await storedVersions()).toEqual([]);
    registry.setTarballBehaviour('1.0.0', undefined);
    await docdelta('sync', 'slow-docs');
    expect(await storedVersions()).toEqual([{ version: '1.0.0', files: 2 }]);
  }, 120_000);
});
