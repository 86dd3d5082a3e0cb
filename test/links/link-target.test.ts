import { describe, expect, it } from 'vitest';
import { parseLinkTarget, type TargetContext } from '../../src/links/link-target.ts';

const inDocs: TargetContext = { sourcePath: 'docs/events/index.mdx', sourceRoute: '/events', baseUrl: 'https://workos.com/docs', rootRelativeTo: 'docs' };
const inApp: TargetContext = { sourcePath: null, sourceRoute: null, baseUrl: 'https://workos.com/docs', rootRelativeTo: 'host' };

describe('parseLinkTarget', () => {
  it('reads root-relative links in the docs as docs routes, with anchors and without queries or trailing slashes', () => {
    expect(parseLinkTarget('/authkit/sso#setup', inDocs)).toEqual({ kind: 'route', route: '/authkit/sso', anchor: 'setup' });
    expect(parseLinkTarget('/authkit/sso/?tab=node', inDocs)).toEqual({ kind: 'route', route: '/authkit/sso', anchor: null });
    expect(parseLinkTarget('//workos.com/docs/sso', inDocs)).toEqual({ kind: 'route', route: '/sso', anchor: null });
  });

  it('resolves a bare anchor against the page and a relative path the way a browser does, against the page URL', () => {
    expect(parseLinkTarget('#event-object', inDocs)).toEqual({ kind: 'route', route: '/events', anchor: 'event-object' });
    expect(parseLinkTarget('reference/organization-domain', inDocs)).toEqual({ kind: 'route', route: '/reference/organization-domain', anchor: null });
    expect(parseLinkTarget('../../../outside', inDocs)).toEqual({ kind: 'ignored', reason: 'outside-docs' });
  });

  it('resolves relative Markdown file links against the file holding them', () => {
    expect(parseLinkTarget('./webhooks.mdx#retries', inDocs)).toMatchObject({ kind: 'file', path: 'docs/events/webhooks.mdx', anchor: 'retries' });
    expect(parseLinkTarget('../sso/index.md', inDocs)).toMatchObject({ kind: 'file', path: 'docs/sso/index.md', anchor: null });
  });

  it('treats absolute URLs under the base URL as docs routes and everything else as not ours', () => {
    expect(parseLinkTarget('https://workos.com/docs/authkit/sso#x', inDocs)).toEqual({ kind: 'route', route: '/authkit/sso', anchor: 'x' });
    expect(parseLinkTarget('https://WORKOS.com/docs', inDocs)).toEqual({ kind: 'route', route: '/', anchor: null });
    expect(parseLinkTarget('https://workos.com/pricing', inDocs)).toEqual({ kind: 'ignored', reason: 'outside-docs' });
    expect(parseLinkTarget('https://dashboard.workos.com/', inDocs)).toEqual({ kind: 'ignored', reason: 'external' });
    expect(parseLinkTarget('mailto:support@workos.com', inDocs)).toEqual({ kind: 'ignored', reason: 'external' });
    expect(parseLinkTarget('javascript:alert(1)', inDocs)).toEqual({ kind: 'ignored', reason: 'external' });
  });

  it('leaves route patterns alone and calls files with other extensions assets', () => {
    expect(parseLinkTarget('/reference/fga/policies/:name', inDocs)).toEqual({ kind: 'ignored', reason: 'template' });
    expect(parseLinkTarget('/docs/${slug}', inDocs)).toEqual({ kind: 'ignored', reason: 'template' });
    expect(parseLinkTarget('/docs/assets/dashboard.json', inDocs)).toEqual({ kind: 'asset', route: '/docs/assets/dashboard.json' });
  });

  it('in an outside app, strips the base path from root-relative links and refuses paths outside it', () => {
    expect(parseLinkTarget('/docs/user-management/sso', inApp)).toEqual({ kind: 'route', route: '/user-management/sso', anchor: null });
    expect(parseLinkTarget('/login', inApp)).toEqual({ kind: 'ignored', reason: 'outside-docs' });
    expect(parseLinkTarget('/docs/a%20b', inApp)).toEqual({ kind: 'route', route: '/a b', anchor: null });
  });
});
