// Issue 16 item 3 (row 3): a registry that sends a tarball at 1 byte/s kept a sync running past 150 s.
// One deadline covers a whole download, headers and body, and it holds however slowly bytes arrive.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/source/limits.ts';
import { fetchBounded } from '../../src/source/npm/http.ts';
import { NpmSource } from '../../src/source/npm/npm-source.ts';
import { SnapshotStore } from '../../src/source/snapshots.ts';
import { tempDir } from '../support/context.ts';
import { type FakeRegistry, startFakeRegistry } from '../support/fake-registry.ts';
import { packageTgz, sri } from '../support/tarballs.ts';
import { waitFor } from '../support/wait-for.ts';

const DEADLINE_MS = 1_500;

/** A raw server that writes `text` one byte per second from the first byte of the status line on. */
async function slowLoris(text: string): Promise<{ url: string; open: () => number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let sent = 0;
    const timer = setInterval(() => sent < text.length && socket.write(text[sent++]!), 1_000);
    socket.on('close', () => {
      clearInterval(timer);
      sockets.delete(socket);
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.tgz`,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function timed<T>(work: Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await work;
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('the download deadline', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry();
  });
  afterAll(async () => {
    await registry?.close();
  });
  afterEach(() => registry.setTarballBehaviour('1.0.0', undefined));

  it('aborts a tarball whose body trickles at 1 byte/s at its deadline, with a clear UPSTREAM error, and closes the connection', async () => {
    const tarball = packageTgz({ 'docs/a.md': '# A\n'.repeat(200) });
    registry.setPackage({ name: 'slow-docs', versions: [{ version: '1.0.0', tarball, integrity: sri(tarball) }] });
    registry.setTarballBehaviour('1.0.0', { trickleEveryMs: 1_000 });
    const source = new NpmSource('slow-docs', {
      registry: registry.url,
      snapshots: new SnapshotStore(await tempDir()),
      limits: { ...DEFAULT_LIMITS, requestTimeoutMs: DEADLINE_MS },
    });
    const { versions } = await source.listVersions();
    const before = registry.tarballRequests;
    const { ms, error } = await timed(source.fetchVersion(versions[0]!));
    expect(error).toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/did not finish within 1500 ms \(headers and body\)/) });
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(ms).toBeLessThan(DEADLINE_MS + 1_000);
    // The deadline is the version's, not each attempt's: no second slow download after it.
    expect(registry.tarballRequests - before).toBe(1);
    expect(await waitFor(() => registry.openTarballResponses === 0, 2_000)).toBe(true);
  });

  it('aborts a server that trickles its status line and headers at 1 byte/s', async () => {
    const server = await slowLoris('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello');
    try {
      const { ms, error } = await timed(fetchBounded(server.url, { maxBytes: 1_000, timeoutMs: DEADLINE_MS }));
      expect(error).toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/did not finish within 1500 ms/) });
      expect(ms).toBeLessThan(DEADLINE_MS + 1_000);
      expect(await waitFor(() => server.open() === 0, 2_000)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('still downloads a registry that answers in time', async () => {
    const tarball = packageTgz({ 'docs/a.md': '# A\n' });
    registry.setPackage({ name: 'quick-docs', versions: [{ version: '1.0.0', tarball, integrity: sri(tarball) }] });
    const source = new NpmSource('quick-docs', {
      registry: registry.url,
      snapshots: new SnapshotStore(await tempDir()),
      limits: { ...DEFAULT_LIMITS, requestTimeoutMs: DEADLINE_MS },
    });
    const { versions } = await source.listVersions();
    expect((await source.fetchVersion(versions[0]!)).map((file) => file.path)).toEqual(['docs/a.md']);
  });
});
