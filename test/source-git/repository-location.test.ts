import { describe, expect, it } from 'vitest';
import { DocdeltaError } from '../../src/errors.ts';
import { checkTagName, isSafeTagName, normalizeDocsFolder, tagMatcher } from '../../src/source/git/ref-names.ts';
import { parseRepositoryLocation } from '../../src/source/git/repository-location.ts';
import { defaultPackageName } from '../../src/services/track.ts';

function refusal(run: () => unknown): DocdeltaError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocdeltaError);
    expect((error as DocdeltaError).code).toBe('INVALID_INPUT');
    return error as DocdeltaError;
  }
  throw new Error('expected a refusal');
}

describe('repository locations', () => {
  it('accepts https URLs and normalizes them', () => {
    expect(parseRepositoryLocation('https://github.com/workos/docs.git')).toEqual({
      kind: 'https',
      address: 'https://github.com/workos/docs.git',
      protocol: 'https',
    });
    expect(parseRepositoryLocation('HTTPS://GitHub.com/workos/docs').address).toBe('https://github.com/workos/docs');
  });

  it('accepts ssh:// URLs and scp-style addresses, both as the ssh transport', () => {
    expect(parseRepositoryLocation('ssh://git@github.com:22/workos/docs.git')).toMatchObject({ kind: 'ssh', protocol: 'ssh' });
    expect(parseRepositoryLocation('git@github.com:workos/docs.git')).toEqual({ kind: 'scp', address: 'git@github.com:workos/docs.git', protocol: 'ssh' });
    expect(parseRepositoryLocation('gitlab.example.com:team/docs')).toMatchObject({ kind: 'scp', protocol: 'ssh' });
  });

  it('resolves local folders to absolute paths, a colon after a slash included', () => {
    expect(parseRepositoryLocation('../repos/docs', '/srv/app')).toEqual({ kind: 'local', address: '/srv/repos/docs', protocol: 'file' });
    expect(parseRepositoryLocation('/srv/repos/docs')).toMatchObject({ kind: 'local', address: '/srv/repos/docs' });
    expect(parseRepositoryLocation('./odd:name', '/srv')).toMatchObject({ kind: 'local', address: '/srv/odd:name' });
    expect(parseRepositoryLocation('docs-repo', '/srv')).toMatchObject({ kind: 'local', address: '/srv/docs-repo' });
  });

  it.each([
    ['ext::sh -c touch% /tmp/pwned', /remote helpers \(ext::\)/],
    ['fd::17', /remote helpers \(fd::\)/],
    ['testgit::/tmp/repo', /remote helpers/],
    ['file:///tmp/repo', /file:\/\/ scheme is not allowed/],
    ['http://github.com/workos/docs', /http:\/\/ scheme is not allowed/],
    ['git://github.com/workos/docs', /git:\/\/ scheme is not allowed/],
    ['ftp://example.com/repo', /ftp:\/\/ scheme is not allowed/],
    ['--upload-pack=touch /tmp/pwned', /starts with "-"/],
    ['-u touch /tmp/pwned', /starts with "-"/],
    ['-oProxyCommand=touch /tmp/pwned', /starts with "-"/],
    ['ssh://-oProxyCommand=touch%20pwned/repo', /host name/],
    ['ssh://git@-oProxyCommand=x/repo', /host name/],
    ['-oProxyCommand=x:repo', /starts with "-"/],
    ['git@-oProxyCommand=x:repo', /host name/],
    ['host:-repo', /repository path/],
    ['https://user:secret@github.com/workos/docs', /credentials/],
    ['https://token@github.com/workos/docs', /credentials/],
    ['https://github.com/', /names no repository/],
    ['https://github.com/workos/docs#main', /fragment/],
    ['https://exa mple.com/repo', /not a valid URL|host name/],
    ['', /empty/],
    [' https://github.com/workos/docs', /white space/],
    ['https://github.com/workos/docs\n--upload-pack=x', /control characters/],
    ['x'.repeat(3000), /longer than/],
  ])('refuses %j', (input, reason) => {
    expect(refusal(() => parseRepositoryLocation(input)).message).toMatch(reason);
  });

  it('derives a package name from the repository name', () => {
    expect(defaultPackageName(parseRepositoryLocation('https://github.com/workos/Docs-Site.git'))).toBe('docs-site');
    expect(defaultPackageName(parseRepositoryLocation('git@github.com:workos/docs.git'))).toBe('docs');
    expect(defaultPackageName(parseRepositoryLocation('/srv/repos/My Docs/', '/'))).toBe('my-docs');
  });
});

describe('tag names, tag patterns and docs folders', () => {
  it('keeps ordinary tag names and refuses ones git would read as options or refuses itself', () => {
    for (const name of ['v1.0.0', '1.0.0-rc.1', 'docs-preview', 'release/2025-01', 'v2.0.0+build.5']) expect(isSafeTagName(name)).toBe(true);
    for (const name of ['--orphan', '-x', '.hidden', 'a..b', 'a b', 'x~1', 'x^', 'a:b', 'x.lock', 'a//b', '', 'x'.repeat(201), 'tab\tname']) {
      expect(isSafeTagName(name)).toBe(false);
    }
    expect(refusal(() => checkTagName('--orphan')).message).toMatch(/refused tag "--orphan": it starts with "-"/);
  });

  it('matches tag patterns with * and ? only', () => {
    const v = tagMatcher('v*');
    expect(['v1.0.0', 'v2', 'vx/y'].every(v)).toBe(true);
    expect(['1.0.0', 'docs-preview', 'xv1'].some(v)).toBe(false);
    const exact = tagMatcher('docs-?.0');
    expect(exact('docs-1.0')).toBe(true);
    expect(exact('docs-10.0')).toBe(false);
    expect(exact('docs-1x0')).toBe(false);
    expect(tagMatcher(null)('anything')).toBe(true);
    for (const bad of ['-v*', '--sort=x', 'v[0-9]*', 'v*;rm', 'x'.repeat(101)]) refusal(() => tagMatcher(bad));
  });

  it('normalizes the docs folder and refuses paths that leave the repository or carry options', () => {
    expect(normalizeDocsFolder('docs')).toBe('docs');
    expect(normalizeDocsFolder('./.docs/organized/docs/')).toBe('.docs/organized/docs');
    for (const bad of ['', '.', './', '/abs', '../up', 'docs/../..', '-docs', ':(glob)docs', 'a\\b', 'a\nb']) refusal(() => normalizeDocsFolder(bad));
  });
});
