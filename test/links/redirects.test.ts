import { describe, expect, it } from 'vitest';
import { buildLinkReport } from '../../src/links/link-report.ts';
import { applyRedirects, planRedirects, type RedirectPlan } from '../../src/links/redirects.ts';
import { renderNetlify } from '../../src/links/redirects.ts';
import { renderNextjs } from '../../src/links/redirects.ts';
import { buildRouteIndex } from '../../src/links/route-index.ts';
import type { RouteMapEntry } from '../../src/links/route-map.ts';
import { docsOf, page, pairOf, prose } from './support/docs.ts';
import { expectRedirectsNeverLie, followNetlify, followNextjs, parseNetlify, parseNextjs } from './support/redirect-invariant.ts';

const BEFORE = {
  'docs/index.mdx': page('Home', '[deleting](/user-management/users/delete-a-user)'),
  'docs/user-management/index.mdx': page('User Management', prose('Overview', 6)),
  'docs/user-management/users.mdx': page('Users', `## Create a user\n\n${prose('Users', 5)}\n\n## Delete a user\n\n${prose('Deletion', 3)}`),
  'docs/user-management/sessions.mdx': page('Sessions', prose('Sessions', 6)),
  'docs/user-management/special.mdx': page('Special', prose('Special', 6)),
  'docs/user-management/mfa.mdx': page('MFA', 'Zebra quokka narwhal axolotl.'),
  'docs/reference/mfa/get-factor.mdx': page('Get factor', prose('Factor', 6)),
};
const AFTER = {
  'docs/index.mdx': page('Home', 'Welcome.'),
  'docs/authkit/index.mdx': page('AuthKit', prose('Overview', 6)),
  'docs/authkit/users.mdx': page('Users', `## Create a user\n\n${prose('Users', 5)}\n\n## Remove a user\n\n${prose('Deletion', 3)}`),
  'docs/authkit/sessions.mdx': page('Sessions', prose('Sessions', 6)),
  'docs/guides/special.mdx': page('Special', prose('Special', 6)),
  'docs/reference/mfa/factor/get.mdx': page('Get factor', prose('Factor', 6)),
};

const HEADER = { package: '@test/docs', from: '1.0.0', to: '2.0.0', basePath: '' };

function planFor(before: Record<string, string>, after: Record<string, string>): { plan: RedirectPlan; routes: RouteMapEntry[] } {
  const { from, to, analysis, conventions } = pairOf(before, after);
  const report = buildLinkReport({ package: '@test/docs', conventions, analysis, docs: { from, to } });
  return { plan: report.redirects, routes: report.routes };
}

describe('Netlify _redirects', () => {
  const { plan, routes } = planFor(BEFORE, AFTER);
  const text = renderNetlify(plan, HEADER);
  const rules = parseNetlify(text);

  it('is one `from to status` per line, with one splat rule per folder move and the exceptions before it', () => {
    const splats = rules.filter((rule) => rule.from.endsWith('/*'));
    expect(rules.every((rule) => rule.status === 301 || (rule.status === 404 && rule.to === '/404.html'))).toBe(true);
    expect(splats).toEqual([{ from: '/user-management/*', to: '/authkit/:splat', status: 301 }]);
    const splatAt = rules.indexOf(splats[0]!);
    const exceptionAt = rules.findIndex((rule) => rule.from === '/user-management/special');
    expect(rules[exceptionAt]).toEqual({ from: '/user-management/special', to: '/guides/special', status: 301 });
    expect(exceptionAt).toBeLessThan(splatAt);
    expect(rules.find((rule) => rule.from === '/reference/mfa/get-factor')).toEqual({ from: '/reference/mfa/get-factor', to: '/reference/mfa/factor/get', status: 301 });
  });

  it('sends every moved route to its new page, and a known section route whose section is gone to the page', () => {
    for (const entry of routes.filter((candidate) => candidate.status === 'moved')) expect(followNetlify(rules, entry.route), entry.route).toBe(entry.to);
    expect(followNetlify(rules, '/user-management/users/delete-a-user')).toBe('/authkit/users');
    expect(followNetlify(rules, '/user-management/sessions/any-section')).toBe('/authkit/sessions/any-section');
  });

  it('never redirects a removed page on a guess: it answers 404 before the splat could catch it', () => {
    expect(routes.find((entry) => entry.route === '/user-management/mfa')!.status).toBe('removed');
    const gone = rules.findIndex((rule) => rule.from === '/user-management/mfa');
    expect(rules[gone]).toEqual({ from: '/user-management/mfa', to: '/404.html', status: 404 });
    expect(gone).toBeLessThan(rules.findIndex((rule) => rule.from === '/user-management/*'));
    expect(followNetlify(rules, '/user-management/mfa')).toBeNull();
    expect(text).toContain('# /user-management/mfa was removed and is not redirected. It answers 404 before the /user-management/* rule');
  });

  it('holds the invariant: every route of from lands on its route map target, or nowhere', () => {
    const { from, to, analysis, conventions } = pairOf(BEFORE, AFTER);
    const report = buildLinkReport({ package: '@test/docs', conventions, analysis, docs: { from, to } });
    expectRedirectsNeverLie(report, new Set(to.pages.map((entry) => entry.route)));
  });

  it('prefixes every route with the base path when asked', () => {
    const prefixed = parseNetlify(renderNetlify(plan, { ...HEADER, basePath: '/docs' }));
    expect(prefixed.every((rule) => rule.from.startsWith('/docs/') && (rule.status === 404 || rule.to.startsWith('/docs/')))).toBe(true);
    expect(prefixed.some((rule) => rule.from === '/docs/user-management/*' && rule.to === '/docs/authkit/:splat')).toBe(true);
  });
});

describe('Next.js redirects', () => {
  it('writes a folder as :path* when no removed page is under it', () => {
    const before = Object.fromEntries(Object.entries(BEFORE).filter(([path]) => path !== 'docs/user-management/mfa.mdx'));
    const entries = parseNextjs(renderNextjs(planFor(before, AFTER).plan, HEADER));
    expect(entries.at(-1)).toEqual({ source: '/user-management/:path*', destination: '/authkit/:path*', permanent: true });
  });

  it('writes a folder page by page when a removed page is under it (redirects() cannot answer 404), removed pages only in comments', () => {
    const { plan } = planFor(BEFORE, AFTER);
    const text = renderNextjs(plan, HEADER);
    const entries = parseNextjs(text);
    expect(entries.some((entry) => entry.source.endsWith(':path*'))).toBe(false);
    expect(entries).toContainEqual({ source: '/user-management/users', destination: '/authkit/users', permanent: true });
    expect(followNextjs(entries, '/user-management/mfa')).toBeNull();
    expect(entries).toContainEqual({ source: '/user-management/special', destination: '/guides/special', permanent: true });
    expect(entries.every((entry) => entry.permanent === true && entry.source !== '/user-management/mfa')).toBe(true);
    expect(text).toContain('// /user-management/mfa was removed and is not redirected.');
  });
});

describe('planning redirects', () => {
  const entry = (route: string, to: string | null, status: RouteMapEntry['status'] = 'moved'): RouteMapEntry => ({
    route, path: `docs${route}.mdx`, title: null, status, to, toPath: null, via: 'rename', inferred: false, similarity: 1, candidate: null, reason: null, removedAnchors: [],
  });

  it('does not collapse a folder into a splat when pages still live under it, or when it moved inside itself', () => {
    const to = buildRouteIndex(docsOf('2.0.0', { 'docs/a/kept.mdx': page('Kept'), 'docs/x/one.mdx': page('One'), 'docs/x/two.mdx': page('Two'), 'docs/b/c/one.mdx': page('One') }), { caseSensitive: true });
    const live = planRedirects({ routeMap: [entry('/a/one', '/x/one'), entry('/a/two', '/x/two')], moves: [{ from: '/a', to: '/x', files: 2 }], to });
    expect(live.rules.map((rule) => `${rule.from} ${rule.to} ${rule.splat}`)).toEqual(['/a/one /x/one false', '/a/two /x/two false']);
    const inside = planRedirects({ routeMap: [entry('/b/one', '/b/c/one')], moves: [{ from: '/b', to: '/b/c', files: 2 }], to });
    expect(inside.rules.every((rule) => !rule.splat)).toBe(true);
  });

  it('orders exact rules first, then splats deepest first, so a first-match router sees the specific rule', () => {
    const to = buildRouteIndex(docsOf('2.0.0', { 'docs/x/one.mdx': page('One'), 'docs/y/two.mdx': page('Two'), 'docs/z/three.mdx': page('Three') }), { caseSensitive: true });
    const plan = planRedirects({
      routeMap: [entry('/a/one', '/x/one'), entry('/a/b/two', '/y/two'), entry('/a/odd', '/z/three')],
      moves: [{ from: '/a', to: '/x', files: 2 }, { from: '/a/b', to: '/y', files: 2 }],
      to,
    });
    expect(plan.rules.map((rule) => (rule.splat ? `${rule.from}/*` : rule.from))).toEqual(['/a/odd', '/a/b/*', '/a/*']);
    expect(applyRedirects(plan.rules, '/a/b/two')).toBe('/y/two');
    expect(applyRedirects(plan.rules, '/a/one')).toBe('/x/one');
    expect(applyRedirects(plan.rules, '/a/odd')).toBe('/z/three');
  });
});

describe('rendering untrusted routes', () => {
  it('keeps every rule on one line and every Next.js source literal, whatever a file name holds', () => {
    const hostile: RouteMapEntry = {
      route: '/guides/setup (old)', path: 'docs/guides/setup (old).mdx', title: 'x', status: 'moved', to: '/guides/new\n/evil /elsewhere 200', toPath: null,
      via: 'rename', inferred: false, similarity: 1, candidate: null, reason: null, removedAnchors: [],
    };
    const removed: RouteMapEntry = { ...hostile, route: '/gone\n/evil2 /x 200', status: 'removed', to: null, candidate: null, reason: 'deleted' };
    const to = buildRouteIndex(docsOf('2.0.0', {}), { caseSensitive: true });
    const plan = planRedirects({ routeMap: [hostile, removed], moves: [], to });
    const rules = parseNetlify(renderNetlify(plan, HEADER));
    expect(rules).toEqual([{ from: '/guides/setup%20(old)', to: '/guides/new%0A/evil%20/elsewhere%20200', status: 301 }]);
    const next = renderNextjs(plan, HEADER);
    expect(next).toContain('"source": "/guides/setup%20\\\\(old\\\\)"');
    expect(next.split('\n').filter((line) => line.startsWith('/evil'))).toEqual([]);
  });
});
