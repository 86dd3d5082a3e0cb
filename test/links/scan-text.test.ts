import { describe, expect, it } from 'vitest';
import { findAppLinks } from '../../src/links/app-scan.ts';

const targets = (text: string, baseUrl: string | null, segments: string[] = []) =>
  findAppLinks(text, { baseUrl, docsSegments: new Set(segments) }).map((link) => `${link.line}:${link.column} ${link.form} ${link.target}`);

describe('finding docs links in app files', () => {
  it('finds absolute and base-path links in Markdown, JSX, code strings, JSON and YAML, with positions', () => {
    const text = [
      'See [SSO](https://workos.com/docs/sso#setup).',
      '<Link href="/docs/authkit">AuthKit</Link>',
      "const url = '/docs/user-management/users?tab=1';",
      '{"help": "https://workos.com/docs/glossary/acs-url"}',
      'url: /docs/events',
    ].join('\n');
    expect(targets(text, 'https://workos.com/docs')).toEqual([
      '1:11 absolute https://workos.com/docs/sso#setup',
      '2:13 root-relative /docs/authkit',
      '3:14 root-relative /docs/user-management/users?tab=1',
      '4:11 absolute https://workos.com/docs/glossary/acs-url',
      '5:6 root-relative /docs/events',
    ]);
  });

  it('leaves alone the app’s own paths, other hosts, URLs outside the docs, comments and template holes', () => {
    const text = [
      "fetch('/api/users'); router.push('/login');",
      'https://workos.com/pricing https://example.com/docs/sso',
      '// a comment with a // path',
      'const next = `/docs/${slug}`; const abs = `https://workos.com/docs/${slug}`;',
      'a / b; x /= 2;',
    ].join('\n');
    expect(targets(text, 'https://workos.com/docs')).toEqual([]);
  });

  it('when the docs sit at the root of their host, counts a root-relative path only if it starts like a docs route', () => {
    const text = "const a = '/sso/login-flows'; const b = '/login'; const c = '/authkit#x';";
    expect(targets(text, 'https://docs.example.com', ['sso', 'authkit'])).toEqual(['1:12 root-relative /sso/login-flows', '1:62 root-relative /authkit#x']);
  });
});
