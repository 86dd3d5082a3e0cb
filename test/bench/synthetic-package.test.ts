import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCALE_PACKAGE, type SyntheticPackageOptions, syntheticVersions, versionName } from '../../bench/synthetic/package-versions.ts';
import { seededRandom } from '../../bench/synthetic/seeded-random.ts';
import { syntheticPair } from '../../bench/synthetic/version-pair.ts';

const SMALL: SyntheticPackageOptions = { ...SCALE_PACKAGE, versions: 25, files: 200, folders: 8 };

function fingerprint(options: SyntheticPackageOptions): string {
  const hash = createHash('sha256');
  for (const version of syntheticVersions(options)) {
    hash.update(version.version);
    for (const file of version.files) hash.update(file.path).update(file.bytes);
  }
  return hash.digest('hex');
}

describe('seeded random numbers', () => {
  it('repeat exactly for the same seed and differ for another', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.int(0, 1_000_000));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('sample distinct items', () => {
    const picked = seededRandom(1).sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
  });
});

describe('the synthetic package', () => {
  it('is byte-identical for the same seed, and different for another seed', () => {
    expect(fingerprint(SMALL)).toBe(fingerprint(SMALL));
    expect(fingerprint({ ...SMALL, seed: SMALL.seed + 1 })).not.toBe(fingerprint(SMALL));
  });

  it('names versions in semver order', () => {
    const names = [...syntheticVersions({ ...SMALL, versions: 12 })].map((version) => version.version);
    expect(names.slice(0, 3)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect(names.at(-1)).toBe(versionName(12));
  });

  it('edits about 2% of the pages per version and adds and removes a few', () => {
    const versions = [...syntheticVersions(SMALL)];
    expect(versions[0]!.files.filter((file) => file.path.endsWith('.mdx'))).toHaveLength(200);
    for (const version of versions.slice(1)) {
      const pages = versions[version.number - 2]!.files.length - 1;
      expect(version.changes.edited).toBe(Math.round((pages - version.changes.removed) * 0.02));
      expect(version.changes.added).toBeLessThanOrEqual(6);
      expect(version.changes.removed).toBeLessThanOrEqual(4);
    }
  });

  it('really changes only what it says it changed', () => {
    const [, previous, current] = [...syntheticVersions({ ...SMALL, versions: 3 })];
    const before = new Map(previous!.files.map((file) => [file.path, Buffer.from(file.bytes).toString('utf8')]));
    const after = new Map(current!.files.map((file) => [file.path, Buffer.from(file.bytes).toString('utf8')]));
    const edited = [...after].filter(([path, text]) => before.has(path) && before.get(path) !== text && path !== 'package.json');
    const added = [...after.keys()].filter((path) => !before.has(path));
    const removed = [...before.keys()].filter((path) => !after.has(path));
    expect(edited).toHaveLength(current!.changes.edited);
    expect(added).toHaveLength(current!.changes.added);
    expect(removed).toHaveLength(current!.changes.removed);
  });

  it('moves a whole folder every 20 versions, each time to a folder name never used before', () => {
    const versions = [...syntheticVersions({ ...SMALL, versions: 60 })];
    const moves = versions.filter((version) => version.changes.moved).map((version) => ({ number: version.number, ...version.changes.moved! }));
    expect(moves.map((move) => move.number)).toEqual([20, 40, 60]);
    const targets = moves.map((move) => move.to);
    expect(new Set(targets).size).toBe(3);
    for (const move of moves) {
      const version = versions[move.number - 1]!;
      expect(version.files.some((file) => file.path.startsWith(`${move.from}/`))).toBe(false);
      expect(version.files.filter((file) => file.path.startsWith(`${move.to}/`)).length).toBe(move.files);
    }
  });

  it('writes MDX pages with frontmatter, headings and links to other pages', () => {
    const [first] = [...syntheticVersions({ ...SMALL, versions: 1 })];
    const page = Buffer.from(first!.files.find((file) => file.path.endsWith('.mdx'))!.bytes).toString('utf8');
    expect(page).toMatch(/^---\ntitle: .+\ndescription: .+\n---\n\n# .+\n/);
    expect(page).toMatch(/\n## .+\n/);
  });

  it('builds the 5,000-page pair with exactly 1,000 pages removed and 1,000 added', () => {
    const { from, to } = syntheticPair();
    const before = new Set(from.files.map((file) => file.path));
    const after = new Set(to.files.map((file) => file.path));
    expect(before.size).toBe(5_001);
    expect([...before].filter((path) => !after.has(path))).toHaveLength(1_000);
    expect([...after].filter((path) => !before.has(path))).toHaveLength(1_000);
  });

  it('refuses nonsensical options', () => {
    expect(() => [...syntheticVersions({ ...SMALL, editRate: 2 })]).toThrow(/editRate/);
    expect(() => [...syntheticVersions({ ...SMALL, added: [5, 1] })]).toThrow(/min, max/);
  });
});
