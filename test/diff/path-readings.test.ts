import { describe, expect, it } from 'vitest';
import { fileCandidates, pathReadings, resolvePathFilter } from '../../src/diff/path-readings.ts';

const ROOT = '.docs/organized/docs';
const PATHS = [
  `${ROOT}/authkit/index.mdx`,
  `${ROOT}/authkit/sso.mdx`,
  `${ROOT}/authkit/sessions/cookies.mdx`,
  `${ROOT}/user-management/index.mdx`,
  'package.json',
  'README.md',
];

describe('path filters from the package root, the docs root, or as a route', () => {
  it('tries the path as given, then under the docs root, then as a route', () => {
    expect(pathReadings('authkit/', ROOT)).toEqual([['authkit/'], [`${ROOT}/authkit`]]);
    expect(pathReadings('/authkit/sso', ROOT)).toEqual([
      ['/authkit/sso'],
      [`${ROOT}/authkit/sso`],
      [`${ROOT}/authkit/sso`, `${ROOT}/authkit/sso.mdx`, `${ROOT}/authkit/sso.md`],
    ]);
    expect(pathReadings(`${ROOT}/authkit`, ROOT)).toEqual([[`${ROOT}/authkit`]]);
    expect(pathReadings('authkit', null)).toEqual([['authkit']]);
  });

  it('reads a package-root path as itself', () => {
    expect(resolvePathFilter(`${ROOT}/authkit/`, ROOT, PATHS)).toEqual({ patterns: [`${ROOT}/authkit/`], matched: true, closest: [] });
    expect(resolvePathFilter('README.md', ROOT, PATHS).patterns).toEqual(['README.md']);
  });

  it('reads a docs-root path and a route as the files they name', () => {
    expect(resolvePathFilter('authkit/', ROOT, PATHS).patterns).toEqual([`${ROOT}/authkit`]);
    const route = resolvePathFilter('/authkit/sso', ROOT, PATHS);
    expect(route.matched).toBe(true);
    expect(route.patterns).toContain(`${ROOT}/authkit/sso.mdx`);
    expect(resolvePathFilter('/authkit/sessions', ROOT, PATHS).patterns[0]).toBe(`${ROOT}/authkit/sessions`);
  });

  it('names the closest paths when no reading matches a file', () => {
    const miss = resolvePathFilter('authkt/', ROOT, PATHS);
    expect(miss.matched).toBe(false);
    expect(miss.closest[0]).toBe(`${ROOT}/authkit`);
    const far = resolvePathFilter('zzzzzzzzzzzz', ROOT, PATHS);
    expect(far).toMatchObject({ matched: false, closest: [] });
  });

  it('lists the files one page name may mean: as given, under the docs root, or served at a route', () => {
    expect(fileCandidates('authkit/sso.mdx', ROOT)).toEqual(['authkit/sso.mdx', `${ROOT}/authkit/sso.mdx`]);
    expect(fileCandidates(`${ROOT}/authkit/sso.mdx`, ROOT)).toEqual([`${ROOT}/authkit/sso.mdx`]);
    expect(fileCandidates('/authkit', ROOT)).toEqual([
      '/authkit',
      `${ROOT}/authkit`,
      `${ROOT}/authkit.mdx`,
      `${ROOT}/authkit.md`,
      `${ROOT}/authkit/index.mdx`,
      `${ROOT}/authkit/index.md`,
    ]);
  });
});
