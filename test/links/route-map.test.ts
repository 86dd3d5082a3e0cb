import { describe, expect, it } from 'vitest';
import { buildLinkReport } from '../../src/links/link-report.ts';
import type { RouteMapEntry } from '../../src/links/route-map.ts';
import { page, pairOf, prose } from './support/docs.ts';

// A real-shaped upgrade: user-management/ moved to authkit/ (most pages renamed by git, one rewritten so
// git cannot pair it, one moved elsewhere), a reference page nested deeper, a page turned into a folder
// index, a page rewritten under a new name, and a page deleted outright.
const mfaWords = 'Multi-factor authentication adds a TOTP authenticator factor and an SMS factor to every sign-in challenge.';
const BEFORE = {
  'docs/index.mdx': page('Home', '[Users](/user-management/users) · [refresh](/user-management/sessions#refresh) · [deleting](/user-management/users/delete-a-user) · [SSO](/sso)'),
  'docs/sso.mdx': page('Single Sign-On', prose('SSO', 6)),
  'docs/user-management/index.mdx': page('User Management', prose('Overview', 6)),
  'docs/user-management/users.mdx': page('Users', `## Create a user\n\n${prose('Users', 5)}\n\n## Delete a user\n\n${prose('Deletion', 3)}`),
  'docs/user-management/sessions.mdx': page('Sessions', `## Refresh\n\n${prose('Refresh', 5)}`),
  'docs/user-management/organizations.mdx': page('Organizations', prose('Organizations', 6)),
  'docs/user-management/special.mdx': page('Special', prose('Special', 6)),
  'docs/user-management/mfa.mdx': page('Multi-Factor Auth', Array.from({ length: 6 }, () => mfaWords).join('\n\n')),
  'docs/legacy/old-api.mdx': page('Zebra quokka', 'Zebra quokka narwhal axolotl.'),
  'docs/reference/mfa/get-factor.mdx': page('Get factor', prose('Factor', 6)),
};
const AFTER = {
  'docs/index.mdx': page('Home', '[Users](/authkit/users) · [SSO](/sso)'),
  'docs/sso/index.mdx': page('Single Sign-On', prose('SSO', 6)),
  'docs/authkit/index.mdx': page('AuthKit', prose('Overview', 6)),
  'docs/authkit/users.mdx': page('Users', `## Create a user\n\n${prose('Users', 5)}\n\n## Remove a user\n\n${prose('Deletion', 3)}`),
  'docs/authkit/sessions.mdx': page('Sessions', `## Refresh\n\n${prose('Refresh', 5)}`),
  'docs/authkit/organizations.mdx': page('Organizations', 'Entirely rewritten: teams, tenants and their members.'),
  'docs/guides/special.mdx': page('Special', prose('Special', 6)),
  'docs/authkit/factors.mdx': page('Factors', 'Every sign-in challenge can ask for an SMS factor, a TOTP authenticator factor, or both: multi-factor authentication.'),
  'docs/reference/mfa/factor/get.mdx': page('Get factor', prose('Factor', 6)),
};

const byRoute = (entries: RouteMapEntry[]) => new Map(entries.map((entry) => [entry.route, entry]));

describe('the route map', () => {
  const { analysis } = pairOf(BEFORE, AFTER);
  const map = byRoute(analysis.routeMap);

  it('has an entry for every page of from', () => {
    expect([...map.keys()].sort()).toEqual([
      '/',
      '/legacy/old-api',
      '/reference/mfa/get-factor',
      '/sso',
      '/user-management',
      '/user-management/mfa',
      '/user-management/organizations',
      '/user-management/sessions',
      '/user-management/special',
      '/user-management/users',
    ]);
  });

  it('marks git renames as moved, and a rename that keeps the route as same', () => {
    expect(map.get('/user-management/users')).toMatchObject({ status: 'moved', to: '/authkit/users', via: 'rename', inferred: false });
    expect(map.get('/user-management/special')).toMatchObject({ status: 'moved', to: '/guides/special', via: 'rename' });
    expect(map.get('/reference/mfa/get-factor')).toMatchObject({ status: 'moved', to: '/reference/mfa/factor/get', via: 'rename' });
    expect(map.get('/sso')).toMatchObject({ status: 'same', to: '/sso', via: 'rename', path: 'docs/sso.mdx', toPath: 'docs/sso/index.mdx' });
  });

  it('infers a move from the folder move plus the same name when git did not pair the files', () => {
    expect(map.get('/user-management/organizations')).toMatchObject({ status: 'moved', to: '/authkit/organizations', via: 'folder-move', inferred: true, similarity: null });
  });

  it('gives a removed page a reason and the most similar page as candidate, or none', () => {
    const mfa = map.get('/user-management/mfa')!;
    expect(mfa.status).toBe('removed');
    expect(mfa.reason).toContain('/authkit/mfa does not exist although /user-management moved to /authkit');
    expect(mfa.candidate?.route).toBe('/authkit/factors');
    expect(mfa.candidate!.confidence).toBeGreaterThan(0.3);
    expect(map.get('/legacy/old-api')).toMatchObject({ status: 'removed', candidate: null });
  });

  it('reports the anchors a moved page lost', () => {
    expect(map.get('/user-management/users')!.removedAnchors).toEqual(['delete-a-user']);
    expect(map.get('/user-management/sessions')!.removedAnchors).toEqual([]);
  });
});

describe('the cross-version check', () => {
  const { from, to, analysis, conventions } = pairOf(BEFORE, AFTER);
  const report = buildLinkReport({ package: '@test/docs', conventions, analysis, docs: { from, to } });

  it('lists every target that worked in from and fails in to, with the fix carrying sections and anchors', () => {
    const fixes = Object.fromEntries(report.upgrade.map((broken) => [broken.target, broken.fix && { target: broken.fix.target, kind: broken.fix.kind, note: broken.fix.note }]));
    expect(fixes).toEqual({
      '/user-management/users': { target: '/authkit/users', kind: 'moved', note: null },
      '/user-management/sessions#refresh': { target: '/authkit/sessions#refresh', kind: 'moved', note: null },
      '/user-management/users/delete-a-user': { target: '/authkit/users', kind: 'moved', note: 'section delete-a-user no longer exists; linking to the page' },
    });
    expect(report.internal).toEqual([]);
    expect(report.broken.map((broken) => broken.scope)).toEqual(['upgrade', 'upgrade', 'upgrade']);
  });
});
