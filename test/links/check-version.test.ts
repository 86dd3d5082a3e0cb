import { describe, expect, it } from 'vitest';
import { type CheckedLink, checkVersionLinks, isBroken } from '../../src/links/link-checks.ts';
import { DEFAULT_CONVENTIONS, type LinkConventions } from '../../src/links/conventions.ts';
import { buildRouteIndex } from '../../src/links/route-index.ts';
import { docsOf, page } from './support/docs.ts';

const links = (items: string[]) => items.map((target, i) => `[link ${i}](${target})`).join('\n\n');

const VERSION = {
  'README.md': '[not a docs page](./MISSING.md)\n',
  'docs/glossary.mdx': page('Glossary', '## ACS URL\n\nText.\n\n## OAuth 2.0\n\nText.'),
  'docs/directory-sync/understanding-events.mdx': page('Events', '## Directory events\n\n### dsync.activated\n\nText.\n\n### dsync.group.user_added\n\nText.'),
  'docs/authkit/index.mdx': page('AuthKit', '- $ frontend="vanilla, react"\n\n  Pick one.\n\n- $ backend="nodejs"\n\n  Pick one.\n\n## Configure\n\nText.'),
  'docs/integrations/okta.mdx': page('Okta', 'Text.'),
  'docs/_navigation.mdx': '---\nlinks:\n  - title: Glossary\n    url: /glossary\n  - title: Gone\n    url: /nope-nav\n---\n',
  'docs/reference/widget.mdx':
    '---\ntitle: Widget\ndescriptions:\n  widget: The [owner](/nope-fm) of the widget.\nreference:\n  curl:\n    - key: get_widget\n      url: /reference/get-widget\n---\n\n# Widget\n',
  'docs/events/index.mdx': page(
    'Events',
    `## API key events {{ "url": "api-key" }}\n\n${links([
      '/glossary/acs-url',
      '/glossary/oauth-2-0',
      '/directory-sync/understanding-events/directory-events/dsync-activated',
      '/directory-sync/understanding-events/dsync-group-user-added',
      '/events/api-key',
      '#api-key',
      '/glossary#acs-url',
      '/integrations',
      '/authkit/vanilla/nodejs/configure',
      '/authkit/react',
      '/docs/assets/dashboard.json',
      'https://dashboard.workos.com/',
      '/glossary/missing-term',
      '/directory-sync/understanding-events/dsync-activated/directory-events',
      '/nope',
      '/glossary#gone',
    ])}`,
  ),
};

function check(overrides: Partial<LinkConventions> = {}): CheckedLink[] {
  const conventions = { ...DEFAULT_CONVENTIONS, frontmatterMetadataKeys: ['reference'], ...overrides };
  const docs = docsOf('1.0.0', VERSION);
  return checkVersionLinks(docs, buildRouteIndex(docs, conventions), conventions);
}

const brokenTargets = (checked: CheckedLink[]) => checked.filter(isBroken).map((link) => `${link.target} ${link.resolution.code}`);

describe('checking one version', () => {
  it('resolves section routes, heading ids, variant segments, folder routes and anchors the way the site serves them', () => {
    const checked = check();
    expect(brokenTargets(checked)).toEqual([
      '/nope-nav no-page',
      '/nope-fm no-page',
      '/glossary/missing-term no-page',
      '/directory-sync/understanding-events/dsync-activated/directory-events no-section',
      '/nope no-page',
      '/glossary#gone no-anchor',
    ]);
    const via = (target: string) => {
      const found = checked.find((link) => link.target === target)!.resolution!;
      return found.ok ? found.via : found.code;
    };
    expect(via('/glossary/oauth-2-0')).toBe('section');
    expect(via('/directory-sync/understanding-events/directory-events/dsync-activated')).toBe('section');
    expect(via('/events/api-key')).toBe('section');
    expect(via('/integrations')).toBe('folder');
    expect(via('/authkit/vanilla/nodejs/configure')).toBe('section');
    expect(via('/docs/assets/dashboard.json')).toBe('asset');
  });

  it('checks navigation files and rendered frontmatter text, but not metadata URLs or files outside the docs root', () => {
    const checked = check();
    const metadata = checked.filter((link) => link.metadata);
    expect(metadata.map((link) => link.target)).toEqual(['/reference/get-widget']);
    expect(isBroken(metadata[0]!)).toBe(false);
    expect(checked.find((link) => link.target === '/nope-nav')!.kind).toBe('navigation');
    expect(checked.some((link) => link.file === 'README.md')).toBe(false);
    expect(checked.find((link) => link.target === 'https://dashboard.workos.com/')!.resolution).toBeNull();
  });

  it('follows the package conventions', () => {
    expect(brokenTargets(check({ sectionRoutes: false }))).toContain('/glossary/acs-url no-page');
    expect(brokenTargets(check({ folderRoutes: false }))).toContain('/integrations no-page');
    expect(brokenTargets(check({ folderRoutes: false, externalRoutes: ['/integrations'] }))).not.toContain('/integrations no-page');
    expect(brokenTargets(check({ checkAnchors: false }))).not.toContain('/glossary#gone no-anchor');
    expect(brokenTargets(check({ frontmatterMetadataKeys: [] }))).toContain('/reference/get-widget no-page');
  });
});
