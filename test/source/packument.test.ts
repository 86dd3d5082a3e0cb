import { describe, expect, it } from 'vitest';
import { parsePackument } from '../../src/source/npm/packument.ts';

const dist = (n: number) => ({ tarball: `https://registry.example/x/-/x-${n}.tgz`, integrity: 'sha512-AAAA' });

describe('parsePackument', () => {
  it('orders versions by semver with prereleases before their release and build metadata kept', () => {
    const parsed = parsePackument(
      {
        name: 'x',
        versions: { '1.0.0': { dist: dist(1) }, '1.0.0-rc.1': { dist: dist(2) }, '0.9.0+build.5': { dist: dist(3) }, '1.1.0': { dist: dist(4), deprecated: 'use 2' } },
        time: { '1.0.0': '2024-02-01T00:00:00Z', '1.0.0-rc.1': '2024-01-01T00:00:00Z' },
        'dist-tags': { latest: '1.1.0', next: '9.9.9' },
      },
      'x',
    );
    expect(parsed.versions.map((v) => v.version)).toEqual(['0.9.0+build.5', '1.0.0-rc.1', '1.0.0', '1.1.0']);
    expect(parsed.versions.find((v) => v.version === '1.1.0')!.deprecated).toBe('use 2');
    expect(parsed.distTags).toEqual({ latest: '1.1.0' });
  });

  it('marks an unpublished package and never crashes on missing or odd fields', () => {
    const unpublished = parsePackument({ name: 'x', time: { unpublished: { time: '2024-01-01', versions: ['1.0.0'] } }, versions: {} }, 'x');
    expect(unpublished.unpublished).toBe(true);
    expect(unpublished.versions).toEqual([]);
    const corgi = parsePackument({ name: 'x', versions: { '1.0.0': { dist: dist(1) } } }, 'x');
    expect(corgi.versions[0]!.publishedAt).toBeNull();
    const odd = parsePackument({ versions: { 'not-semver': { dist: dist(1) }, '2.0.0': { dist: {} }, '3.0.0': null }, time: { '3.0.0': 'garbage' } }, 'x');
    expect(odd.versions).toEqual([]);
    expect(parsePackument(null, 'x').versions).toEqual([]);
  });

  it('gives no NaN dates: a version only in time is ignored and a bad date becomes null', () => {
    const parsed = parsePackument({ versions: { '1.0.0': { dist: dist(1) } }, time: { '1.0.0': 'yesterday-ish', '2.0.0': '2024-01-01T00:00:00Z' } }, 'x');
    expect(parsed.versions.map((v) => v.version)).toEqual(['1.0.0']);
    expect(parsed.versions[0]!.publishedAt).toBeNull();
  });
});
