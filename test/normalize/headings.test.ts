import { describe, expect, it } from 'vitest';
import { doc, lines } from './pages.ts';

const slugs = (...rows: string[]) => doc(lines(...rows)).headings.map((heading) => heading.slug);
const texts = (...rows: string[]) => doc(lines(...rows)).headings.map((heading) => heading.text);

describe('normalizeFile: headings', () => {
  it('reads ATX headings with depth, text, slug and line, counting frontmatter lines', () => {
    expect(doc(lines('---', 'title: T', '---', '', '# Overview', 'text', '### Deep dive')).headings).toEqual([
      { depth: 1, text: 'Overview', slug: 'overview', line: 5 },
      { depth: 3, text: 'Deep dive', slug: 'deep-dive', line: 7 },
    ]);
  });

  it('numbers repeated headings the way GitHub does: -1, -2', () => {
    expect(slugs('## Setup', '## Setup', '### Setup', '## Setup-1')).toEqual(['setup', 'setup-1', 'setup-2', 'setup-1-1']);
  });

  it('drops punctuation from slugs and keeps hyphens and underscores', () => {
    expect(slugs('## (1) Configure your project', '## OAuth 2.0', "## What's new?", '## snake_case & kebab-case')).toEqual([
      '1-configure-your-project',
      'oauth-20',
      'whats-new',
      'snake_case--kebab-case',
    ]);
  });

  it('keeps letters of any script in slugs and lowercases them', () => {
    expect(slugs('## Café Übersicht', '## 日本語のガイド', '## Ελληνικά')).toEqual(['café-übersicht', '日本語のガイド', 'ελληνικά']);
  });

  it('strips inline Markdown and JSX from heading text', () => {
    expect(
      texts(
        '## Using the `elements` prop',
        '### **1. Removing Top-Level Null Values**',
        '## See [the guide](/guide) and _more_',
        '## Status <Badge variant="beta">Beta</Badge>',
        '## Escaped \\*stars\\* &amp; entities',
        '## 2 * 3 = six, snake_case stays',
      ),
    ).toEqual([
      'Using the elements prop',
      '1. Removing Top-Level Null Values',
      'See the guide and more',
      'Status Beta',
      'Escaped *stars* & entities',
      '2 * 3 = six, snake_case stays',
    ]);
  });

  it('uses a heading\'s {{ "url" }} attribute as its anchor and drops the attribute from the text', () => {
    expect(doc(lines('## API key events {{ "url": "api-key" }}', '## Introduction {{ "visibility": "no-quick-nav" }}')).headings).toEqual([
      { depth: 2, text: 'API key events', slug: 'api-key', line: 1 },
      { depth: 2, text: 'Introduction', slug: 'introduction', line: 2 },
    ]);
  });

  it('removes a closing run of # but keeps a # that belongs to the text', () => {
    expect(texts('## Title ##', '## C#', '#')).toEqual(['Title', 'C#', '']);
  });

  it('ignores # lines inside fenced code, including indented fences and ~~~ fences', () => {
    expect(
      texts('# Real', '```bash', '# a shell comment', '```', '- item', '', '  ```plain', '  # configured in the dashboard', '  ```', '~~~', '## not a heading', '~~~', '## Also real'),
    ).toEqual(['Real', 'Also real']);
  });

  it('treats a fence left open as code to the end of the page', () => {
    expect(texts('# Before', '````md', '# inside', '```', '# still inside')).toEqual(['Before']);
  });

  it('ignores headings inside HTML and MDX comments', () => {
    expect(texts('<!--', '# hidden', '-->', '{/* # also hidden */}', '# shown')).toEqual(['shown']);
  });

  it('needs a space after the hashes: #hashtags are not headings', () => {
    expect(texts('#hashtag', '####### seven is too many', '##\tTab')).toEqual(['Tab']);
  });

  it('reads setext headings, but not a rule after a list, table or blank line', () => {
    expect(doc(lines('Title', '=====', '', 'Sub', 'title', '---', '', '- item', '---', '| a |', '---', '', '---')).headings).toEqual([
      { depth: 1, text: 'Title', slug: 'title', line: 1 },
      { depth: 2, text: 'Sub title', slug: 'sub-title', line: 4 },
    ]);
  });

  it('allows headings indented in MDX (inside list items) but not 4-space indented ones in .md', () => {
    expect(doc(lines('- a', '', '    ### Nested')).headings.map((heading) => heading.text)).toEqual(['Nested']);
    expect(doc(lines('    # code in md', '   # Heading'), 'docs/page.md').headings.map((heading) => heading.text)).toEqual(['Heading']);
  });

  it('gives an image-only heading an empty text, as GitHub does', () => {
    expect(doc('## ![A screenshot](https://img/x.png)').headings[0]).toMatchObject({ text: '', slug: '' });
  });

  it('cuts very long heading text', () => {
    expect(doc(`# ${'word '.repeat(500)}`).headings[0]?.text).toHaveLength(301);
  });
});
