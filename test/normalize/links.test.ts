import { describe, expect, it } from 'vitest';
import { doc, lines } from './pages.ts';

const targets = (...rows: string[]) => doc(lines(...rows)).links.map((link) => link.target);

describe('normalizeFile: links', () => {
  it('finds Markdown links with their text and line, keeping targets as written', () => {
    expect(doc(lines('---', 'title: T', '---', 'See [SSO](/authkit/sso) and the [ACS URL](/glossary/acs-url#what).', '', 'Mail [us](mailto:support@workos.com).')).links).toEqual([
      { target: '/authkit/sso', line: 4, kind: 'markdown', text: 'SSO' },
      { target: '/glossary/acs-url#what', line: 4, kind: 'markdown', text: 'ACS URL' },
      { target: 'mailto:support@workos.com', line: 6, kind: 'markdown', text: 'us' },
    ]);
  });

  it('reads titles, angle brackets, parentheses inside targets and link text with inline code', () => {
    expect(
      doc(lines('[a](/a "Title") [b](<./has space.md>) [c](https://en.wikipedia.org/wiki/Foo_(bar)) [`getUser()`](/reference/user/get)')).links.map((link) => [link.target, link.text]),
    ).toEqual([
      ['/a', 'a'],
      ['./has space.md', 'b'],
      ['https://en.wikipedia.org/wiki/Foo_(bar)', 'c'],
      ['/reference/user/get', 'getUser()'],
    ]);
  });

  it('reports a link whose text wraps onto the next line at the line where it starts', () => {
    expect(doc(lines('intro', 'the [authorization code grant', 'type](https://tools.ietf.org/html/rfc6749#section-4.1) allows')).links).toEqual([
      { target: 'https://tools.ietf.org/html/rfc6749#section-4.1', line: 2, kind: 'markdown', text: 'authorization code grant type' },
    ]);
  });

  it('skips images but keeps a link wrapped around an image', () => {
    expect(doc(lines('![Dashboard](https://images.example/a.png)', '[![Logo](https://img/logo.png)](/home)')).links).toEqual([
      { target: '/home', line: 2, kind: 'markdown', text: 'Logo' },
    ]);
  });

  it('finds reference definitions and autolinks, but not footnotes', () => {
    expect(doc(lines('Read [the spec][spec].', '', '[spec]: https://spec.example/ "Spec"', '[^1]: A footnote, not a link', 'Or <https://example.com/x?y=1>.')).links).toEqual([
      { target: 'https://spec.example/', line: 3, kind: 'markdown', text: 'spec' },
      { target: 'https://example.com/x?y=1', line: 5, kind: 'markdown', text: 'https://example.com/x?y=1' },
    ]);
  });

  it('finds href and to props on HTML and JSX elements in all their quoting styles', () => {
    const meta = doc(
      lines(
        '<ExampleApps.Card',
        '    title="Node"',
        '    href="https://github.com/workos/node-example"',
        '/>',
        "<a href='/single'>x</a> <Link to=\"/router\">y</Link>",
        "<Card href={'/braced'} /> <Card href={\"/double\"} /> <Card href={`/template`} />",
        '<Card href={`/computed/${slug}`} /> <Card href={url} />',
      ),
    );
    expect(meta.links.map((link) => [link.target, link.line, link.kind])).toEqual([
      ['https://github.com/workos/node-example', 3, 'html'],
      ['/single', 5, 'html'],
      ['/router', 5, 'html'],
      ['/braced', 6, 'html'],
      ['/double', 6, 'html'],
      ['/template', 6, 'html'],
    ]);
  });

  it('closes a code span only at a backtick run of its own length, and leaves an unclosed run literal', () => {
    expect(targets('Use ``a ` [x](/in-code) b`` then [y](/out), `[z](/in)` and ``` `` ``` [w](/after) ` [v](/unclosed)')).toEqual(['/out', '/after', '/unclosed']);
  });

  it('does not read links inside fenced code, inline code or comments', () => {
    expect(
      targets(
        '```md',
        '[in fence](/fence) <a href="/fence-html">',
        '```',
        'Use `[not](/inline)` or ``<a href="/inline-html">``.',
        '<!-- [commented](/html-comment) -->',
        '{/* [commented](/mdx-comment) */}',
        '[kept](/kept)',
      ),
    ).toEqual(['/kept']);
  });

  it('does not let link text run across a blank line', () => {
    expect(targets('[dangling', '', 'text](/nope) [ok](/ok)')).toEqual(['/ok']);
  });

  it('ignores escaped brackets and empty targets', () => {
    expect(targets('\\[not](/escaped) [empty]() [ok](/ok)')).toEqual(['/ok']);
  });

  it('reads navigation url entries in _-files as navigation links, with the entry title as text', () => {
    const meta = doc(
      lines('---', 'title: AuthKit', 'links:', '  - title: Getting Started', '    links:', '      - title: Quick Start', '        url: /authkit', '      - title: Single Sign-On', '        url: /authkit/sso', '---', ''),
      'docs/authkit/_navigation.mdx',
    );
    expect(meta.links).toEqual([
      { target: '/authkit', line: 7, kind: 'navigation', text: 'Quick Start' },
      { target: '/authkit/sso', line: 9, kind: 'navigation', text: 'Single Sign-On' },
    ]);
  });

  it('reads URLs in page frontmatter as frontmatter links: url fields, absolute URLs and Markdown inside text fields', () => {
    const meta = doc(
      lines(
        '---',
        'breadcrumb:',
        '  title: Integrations',
        '  url: /integrations',
        'externalAssets:',
        "  providerIcons: 'https://cdn.workos.com/provider-icons.json'",
        'descriptions:',
        '  redirect_uri: >-',
        '    You must use one of the redirect URIs configured via the',
        '    [Redirects](https://dashboard.workos.com/redirects) page.',
        'originalPath: .tmp/clone/docs/page.mdx',
        '---',
        '[body](/body)',
      ),
    );
    expect(meta.links).toEqual([
      { target: '/integrations', line: 4, kind: 'frontmatter', text: 'Integrations' },
      { target: 'https://cdn.workos.com/provider-icons.json', line: 6, kind: 'frontmatter', text: null },
      { target: 'https://dashboard.workos.com/redirects', line: 10, kind: 'frontmatter', text: 'Redirects' },
      { target: '/body', line: 13, kind: 'markdown', text: 'body' },
    ]);
  });

  it('places a frontmatter target on its own line, not on a longer URL that starts with it', () => {
    const meta = doc(lines('---', 'links:', '  - url: /authkit/sso-with-contractors', '  - url: /authkit/sso', '---'), 'docs/_navigation.mdx');
    expect(meta.links.map((link) => [link.target, link.line])).toEqual([
      ['/authkit/sso-with-contractors', 3],
      ['/authkit/sso', 4],
    ]);
  });

  it('places repeated frontmatter targets on successive lines', () => {
    const meta = doc(lines('---', 'reference:', '  - url: /reference/a', '  - url: /reference/a', '---'));
    expect(meta.links.map((link) => link.line)).toEqual([3, 4]);
  });

  it('lists links in page order across all kinds', () => {
    expect(targets('<a href="/first">1</a>', '[second](/second)', '<https://third.example>')).toEqual(['/first', '/second', 'https://third.example']);
  });
});
