// Downloads run ahead of ingest, a bounded number at a time, and a failed download belongs to its
// own version only. At most the next version is unpacked ahead, and only after a small one.
import { describe, expect, it } from 'vitest';
import { prefetchVersions, UNPACK_AHEAD_BYTES } from '../../src/services/prefetch-versions.ts';
import type { PackageSource } from '../../src/source/package-source.ts';
import type { SourceFile, SourceVersion } from '../../src/types.ts';

const version = (name: string): SourceVersion => ({ version: name, publishedAt: null, deprecated: null, integrity: null });

function recordingSource(failing: string[] = []) {
  const started: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const source = {
    async listVersions() {
      return { versions: [], unpublished: false };
    },
    async fetchVersion(wanted: SourceVersion): Promise<SourceFile[]> {
      started.push(wanted.version);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      if (failing.includes(wanted.version)) throw new Error(`no tarball for ${wanted.version}`);
      return [{ path: `${wanted.version}.md`, bytes: new TextEncoder().encode(wanted.version) }];
    },
  } as unknown as PackageSource;
  return { source, started, mostInFlight: () => mostInFlight };
}

describe('prefetchVersions', () => {
  it('starts the next versions while the first is handed out, never more than `ahead` at once', async () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '2.1.0', '3.0.0'].map(version);
    const { source, started, mostInFlight } = recordingSource();
    const prefetch = prefetchVersions(source, versions, 3);
    const first = prefetch(versions[0]!);
    expect(started).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect((await first).map((file) => file.path)).toEqual(['1.0.0.md']);
    for (const next of versions.slice(1)) expect((await prefetch(next))[0]!.path).toBe(`${next.version}.md`);
    expect(started).toEqual(versions.map((entry) => entry.version));
    expect(mostInFlight()).toBeLessThanOrEqual(3);
  });

  it('reports a failed download only to the caller asking for that version', async () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0'].map(version);
    const { source } = recordingSource(['1.1.0']);
    const prefetch = prefetchVersions(source, versions);
    await expect(prefetch(versions[0]!)).resolves.toHaveLength(1);
    await expect(prefetch(versions[1]!)).rejects.toThrow('no tarball for 1.1.0');
    await expect(prefetch(versions[2]!)).resolves.toHaveLength(1);
  });

  /** A source that downloads without unpacking; each version unpacks to `sizes[version]` bytes. */
  function archiveSource(sizes: Record<string, number>) {
    const downloaded: string[] = [];
    const unpacked: string[] = [];
    const source = {
      async listVersions() {
        return { versions: [], unpublished: false };
      },
      async fetchVersion(): Promise<SourceFile[]> {
        throw new Error('fetchVersion is not used when the source can download');
      },
      async downloadVersion(wanted: SourceVersion) {
        downloaded.push(wanted.version);
        return async () => {
          unpacked.push(wanted.version);
          return [{ path: `${wanted.version}.md`, bytes: new Uint8Array(sizes[wanted.version] ?? 1) }];
        };
      },
    } as unknown as PackageSource;
    return { source, downloaded, unpacked };
  }

  it('downloads ahead, and unpacks only the next version while a small one is written', async () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0'].map(version);
    const { source, downloaded, unpacked } = archiveSource({});
    const prefetch = prefetchVersions(source, versions);
    expect((await prefetch(versions[0]!))[0]!.path).toBe('1.0.0.md');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(downloaded).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect(unpacked).toEqual(['1.0.0', '1.1.0']);
    expect((await prefetch(versions[1]!))[0]!.path).toBe('1.1.0.md');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(unpacked).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect((await prefetch(versions[2]!))[0]!.path).toBe('1.2.0.md');
    expect(unpacked).toEqual(['1.0.0', '1.1.0', '1.2.0']);
  });

  it('unpacks the version after a big one only when it is handed out', async () => {
    const versions = ['1.0.0', '1.1.0'].map(version);
    const { source, unpacked } = archiveSource({ '1.0.0': UNPACK_AHEAD_BYTES + 1 });
    const prefetch = prefetchVersions(source, versions);
    await prefetch(versions[0]!);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(unpacked).toEqual(['1.0.0']);
    expect((await prefetch(versions[1]!))[0]!.path).toBe('1.1.0.md');
    expect(unpacked).toEqual(['1.0.0', '1.1.0']);
  });

  it('unpacks the version after one whose files came from elsewhere, and downloads nothing for that one', async () => {
    const versions = ['1.0.0', '1.1.0'].map(version);
    const { source, downloaded, unpacked } = archiveSource({});
    const given = { version: '1.0.0', files: Promise.resolve([{ path: 'read-ahead.md', bytes: new Uint8Array(1) }]) };
    const prefetch = prefetchVersions(source, versions, 4, given);
    expect((await prefetch(versions[0]!))[0]!.path).toBe('read-ahead.md');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(downloaded).toEqual(['1.1.0']);
    expect(unpacked).toEqual(['1.1.0']);
  });
});
