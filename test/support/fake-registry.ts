// A local npm registry for fault tests only (the real registry serves the real package).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVersion {
  version: string;
  tarball: Buffer;
  /** Override dist fields; `null` removes the field. */
  integrity?: string | null;
  shasum?: string | null;
  tarballUrl?: string;
  deprecated?: string;
  time?: string | null;
}

export interface FakePackage {
  name: string;
  versions: FakeVersion[];
  /** Raw packument override, for odd metadata. */
  document?: unknown;
}

export interface TarballBehaviour {
  /** Serve these bytes instead of the real tarball (a tampered download). */
  replaceWith?: Buffer;
  /** Destroy the socket after sending this fraction of the body. */
  resetAfterFraction?: number;
  /** Send the body one byte per this many milliseconds (a stalled registry). */
  trickleEveryMs?: number;
}

export interface FakeRegistry {
  url: string;
  tarballRequests: number;
  /** Requests for a package's document (its packument). */
  readonly packumentRequests: number;
  /** Package documents whose client went away before the answer was sent. */
  readonly abandonedPackuments: number;
  /** Holds every package document this long before answering (a slow registry); 0 answers at once. */
  setPackumentDelay(ms: number): void;
  /** Tarball responses whose connection is still open. */
  openTarballResponses: number;
  setPackage(pkg: FakePackage): void;
  setTarballBehaviour(version: string, behaviour: TarballBehaviour | undefined): void;
  close(): Promise<void>;
}

export async function startFakeRegistry(): Promise<FakeRegistry> {
  const packages = new Map<string, FakePackage>();
  const behaviours = new Map<string, TarballBehaviour>();
  let base = '';
  const state = { tarballRequests: 0, openTarballResponses: 0, packumentRequests: 0, abandonedPackuments: 0, packumentDelayMs: 0 };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    const tarballMatch = /^\/tarballs\/(.+)\/-\/(.+)\.tgz$/.exec(url.pathname);
    if (tarballMatch) {
      state.tarballRequests += 1;
      const pkg = packages.get(decodeURIComponent(tarballMatch[1]!));
      const entry = pkg?.versions.find((candidate) => candidate.version === tarballMatch[2]);
      if (!entry) {
        response.writeHead(404).end();
        return;
      }
      const behaviour = behaviours.get(entry.version) ?? {};
      const body = behaviour.replaceWith ?? entry.tarball;
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.length) });
      state.openTarballResponses += 1;
      response.on('close', () => (state.openTarballResponses -= 1));
      if (behaviour.trickleEveryMs !== undefined) {
        let sent = 0;
        const timer = setInterval(() => {
          if (sent < body.length) response.write(body.subarray(sent, ++sent));
          else response.end();
        }, behaviour.trickleEveryMs);
        response.on('close', () => clearInterval(timer));
        return;
      }
      if (behaviour.resetAfterFraction !== undefined) {
        response.write(body.subarray(0, Math.floor(body.length * behaviour.resetAfterFraction)), () => request.socket.destroy());
        return;
      }
      response.end(body);
      return;
    }
    state.packumentRequests += 1;
    const answer = () => {
      const name = decodeURIComponent(url.pathname.slice(1));
      const pkg = packages.get(name);
      if (!pkg) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(pkg.document ?? packument(pkg)));
    };
    if (state.packumentDelayMs === 0) return answer();
    const timer = setTimeout(answer, state.packumentDelayMs);
    response.on('close', () => {
      if (response.writableFinished) return;
      clearTimeout(timer);
      state.abandonedPackuments += 1;
    });
  });

  function packument(pkg: FakePackage) {
    const versions: Record<string, unknown> = {};
    const time: Record<string, string> = {};
    for (const entry of pkg.versions) {
      const dist: Record<string, unknown> = {
        tarball: entry.tarballUrl ?? `${base}/tarballs/${encodeURIComponent(pkg.name)}/-/${entry.version}.tgz`,
      };
      if (entry.integrity !== null && entry.integrity !== undefined) dist.integrity = entry.integrity;
      if (entry.shasum !== null && entry.shasum !== undefined) dist.shasum = entry.shasum;
      versions[entry.version] = { name: pkg.name, version: entry.version, dist, ...(entry.deprecated ? { deprecated: entry.deprecated } : {}) };
      if (entry.time !== null) time[entry.version] = entry.time ?? new Date(Date.UTC(2025, 0, 1 + pkg.versions.indexOf(entry))).toISOString();
    }
    const latest = pkg.versions.at(-1)?.version;
    return { name: pkg.name, versions, time, 'dist-tags': latest ? { latest } : {} };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    get tarballRequests() {
      return state.tarballRequests;
    },
    set tarballRequests(value: number) {
      state.tarballRequests = value;
    },
    get openTarballResponses() {
      return state.openTarballResponses;
    },
    get packumentRequests() {
      return state.packumentRequests;
    },
    get abandonedPackuments() {
      return state.abandonedPackuments;
    },
    setPackumentDelay: (ms) => {
      state.packumentDelayMs = ms;
    },
    setPackage: (pkg) => packages.set(pkg.name, pkg),
    setTarballBehaviour: (version, behaviour) => {
      if (behaviour) behaviours.set(version, behaviour);
      else behaviours.delete(version);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
