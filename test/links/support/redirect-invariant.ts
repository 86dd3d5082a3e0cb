// The redirect invariant, checked the way the rules will be used: render them (Netlify `_redirects`,
// Next.js `redirects()`), read them back as those routers do (first match wins), and follow every page
// route of `from`. Each must end exactly at the route map's target, or nowhere; no rule may point at a
// page `to` does not have.
import { expect } from 'vitest';
import type { LinkReport } from '../../../src/links/link-report.ts';
import { type NextRedirect, renderNetlify, renderNextjs } from '../../../src/links/redirects.ts';

interface NetlifyRule {
  from: string;
  to: string;
  status: number;
}

/** A `_redirects` reader as strict as the format: comments, blank lines, or exactly `from to status`. */
export function parseNetlify(text: string): NetlifyRule[] {
  const rules: NetlifyRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.trim().split(/\s+/);
    expect(fields, line).toHaveLength(3);
    const [from, to, status] = fields as [string, string, string];
    expect(from.startsWith('/') && to.startsWith('/'), line).toBe(true);
    expect(status, line).toMatch(/^(30[12]|404)$/);
    rules.push({ from, to, status: Number(status) });
  }
  return rules;
}

/** Netlify's matching: first rule wins; `/*` matches anything below, `:splat` repeats it; a 404 stops there. */
export function followNetlify(rules: readonly NetlifyRule[], route: string): string | null {
  for (const rule of rules) {
    const folder = rule.from.endsWith('/*') ? rule.from.slice(0, -2) : null;
    const matches = folder !== null ? route.startsWith(`${folder}/`) : rule.from === route;
    if (!matches) continue;
    if (rule.status === 404) return null;
    return folder !== null ? rule.to.replace(':splat', route.slice(folder.length + 1)) : rule.to;
  }
  return null;
}

export function parseNextjs(text: string): NextRedirect[] {
  const code = text.split('\n').filter((line) => !line.startsWith('//')).join('\n');
  return JSON.parse(code.replace(/^module\.exports = /, '').replace(/;\s*$/, '')) as NextRedirect[];
}

const unescape = (literal: string) => literal.replace(/\\(.)/g, '$1');

/** Next.js (path-to-regexp) matching for the forms we emit: a literal, or a literal then `/:path*` (zero or more segments). */
export function followNextjs(rules: readonly NextRedirect[], route: string): string | null {
  for (const rule of rules) {
    if (rule.source.endsWith('/:path*')) {
      const folder = unescape(rule.source.slice(0, -'/:path*'.length));
      if (route !== folder && !route.startsWith(`${folder}/`)) continue;
      const rest = route.slice(folder.length);
      return `${unescape(rule.destination.slice(0, -'/:path*'.length))}${rest}`;
    }
    if (unescape(rule.source) === route) return unescape(rule.destination);
  }
  return null;
}

const decoded = (route: string | null) => (route === null ? null : decodeURI(route));

/** Asserts the invariant for every page route of `from`; returns how many rules were checked. */
export function expectRedirectsNeverLie(report: LinkReport, toRoutes: ReadonlySet<string>): { netlify: number; nextjs: number } {
  const header = { package: report.package, from: report.from, to: report.to, basePath: '' };
  const netlify = parseNetlify(renderNetlify(report.redirects, header));
  const nextjs = parseNextjs(renderNextjs(report.redirects, header));
  const violations: string[] = [];
  for (const entry of report.routes) {
    const expected = entry.status === 'moved' ? entry.to : null;
    for (const [name, got] of [
      ['netlify', decoded(followNetlify(netlify, encodeURI(entry.route)))],
      ['nextjs', decoded(followNextjs(nextjs, encodeURI(entry.route)))],
    ] as const) {
      if (got !== null && got !== expected) violations.push(`${name}: ${entry.route} (${entry.status}) → ${got}, route map says ${expected ?? 'nothing'}`);
      if (got !== null && !toRoutes.has(got)) violations.push(`${name}: ${entry.route} → ${got}, which is no page of ${report.to}`);
    }
  }
  for (const rule of netlify) {
    if (rule.status !== 404 && !rule.to.includes(':splat') && !toRoutes.has(decodeURI(rule.to).split('/').slice(0, 99).join('/')) && !sectionOfPage(decodeURI(rule.to), toRoutes)) {
      violations.push(`netlify: rule ${rule.from} → ${rule.to} points at no page of ${report.to}`);
    }
  }
  expect(violations.slice(0, 20)).toEqual([]);
  return { netlify: netlify.length, nextjs: nextjs.length };
}

/** Section rules point into a page (`/page/section`): the page must exist. */
function sectionOfPage(route: string, pages: ReadonlySet<string>): boolean {
  const segments = route.split('/');
  for (let length = segments.length - 1; length > 0; length--) if (pages.has(segments.slice(0, length).join('/') || '/')) return true;
  return false;
}
