// The viewer's pure helpers, run in Node: the patch model behind "show hidden lines" and "hide
// whitespace", the word diff of frontmatter values, the pasted-links check,
// the next run of a cron schedule, and the page's URL shapes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_ROOT } from '../../src/api/web-assets.ts';

const patchModel = await import(path.join(WEB_ROOT, 'views/patch-model.js'));
const wordDiff = await import(path.join(WEB_ROOT, 'views/word-diff.js'));
const routes = await import(path.join(WEB_ROOT, 'routes.js'));
const linkPaste = await import(path.join(WEB_ROOT, 'views/link-paste.js'));
const cronNext = await import(path.join(WEB_ROOT, 'views/cron-next.js'));

const newText = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
// Two hunks (lines 3–5 around an edit of 4, lines 20–22 around an edit of 21), 3 lines context cut to 1.
const patch = [
  '--- a/doc.md',
  '+++ b/doc.md',
  '@@ -3,3 +3,3 @@',
  ' line 3',
  '-old 4',
  '+line 4',
  ' line 5',
  '@@ -20,3 +20,3 @@ ## Section',
  ' line 20',
  '-old 21',
  '+line 21',
  ' line 22',
  '',
].join('\n');

describe('the patch model', () => {
  it('parses and formats a patch unchanged', () => {
    const model = patchModel.parsePatch(patch);
    expect(model.hunks.map((hunk: { oldStart: number; newLines: number; section: string }) => [hunk.oldStart, hunk.newLines, hunk.section])).toEqual([
      [3, 3, ''],
      [20, 3, ' ## Section'],
    ]);
    expect(patchModel.formatPatch(model)).toBe(patch);
  });

  it('finds the hidden lines before, between and after the hunks', () => {
    const model = patchModel.parsePatch(patch);
    const lines = patchModel.textLines(newText);
    expect([0, 1, 2].map((gap) => patchModel.gapAt(model, gap, lines.length))).toEqual([
      { first: 1, count: 2 },
      { first: 6, count: 14 },
      { first: 23, count: 8 },
    ]);
  });

  it('reveals hidden lines next to the hunk below, and joins the hunks once the gap is shown whole', () => {
    const lines = patchModel.textLines(newText);
    let model = patchModel.expandGap(patchModel.parsePatch(patch), 1, lines, 10);
    expect(model.hunks[1]).toMatchObject({ oldStart: 10, newStart: 10, oldLines: 13, newLines: 13 });
    expect(model.hunks[1].lines.slice(0, 2)).toEqual([' line 10', ' line 11']);
    model = patchModel.expandGap(model, 1, lines, 10);
    expect(model.hunks).toHaveLength(1);
    expect(model.hunks[0]).toMatchObject({ oldStart: 3, newStart: 3, oldLines: 20, newLines: 20 });
    model = patchModel.expandGap(model, 1, lines, 100);
    expect(patchModel.gapAt(model, 1, lines.length).count).toBe(0);
    expect(model.hunks[0].lines.at(-1)).toBe(' line 30');
  });

  it('turns whitespace-only edits into context and drops hunks left without a change', () => {
    const spaces = ['--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a', '-b  c', '+  b c ', ' d', '@@ -9,2 +9,2 @@', '-e\u00a0f', '+e f', ''].join('\n');
    const model = patchModel.ignoreWhitespace(patchModel.parsePatch(spaces));
    expect(model.hunks).toEqual([]);
    const mixed = ['--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', '-a', '-b', '+ a', '+B', ''].join('\n');
    const kept = patchModel.ignoreWhitespace(patchModel.parsePatch(mixed));
    expect(kept.hunks[0].lines).toEqual(['  a', '-b', '+B']);
    expect(kept.hunks[0]).toMatchObject({ oldLines: 2, newLines: 2 });
  });

  it('counts the changed lines that differ only in no-break spaces', () => {
    const nbsp = ['--- a/x', '+++ b/x', '@@ -1,2 +1,2 @@', '-a b', '-c d', '+a\u00a0b', '+c e', ''].join('\n');
    expect(patchModel.nbspOnlyChanges(patchModel.parsePatch(nbsp))).toBe(1);
  });
});

describe('the word diff of frontmatter values', () => {
  it('marks only the changed words', () => {
    expect(wordDiff.diffWords('["a","tag-21","b"]', '["a","tag-twenty-one","b"]')).toEqual([
      { kind: 'same', text: '["a","tag-' },
      { kind: 'del', text: '21' },
      { kind: 'ins', text: 'twenty-one' },
      { kind: 'same', text: '","b"]' },
    ]);
  });

  it('gives up on values too long to compare', () => {
    const long = 'x '.repeat(2000);
    expect(wordDiff.diffWords(long, `${long}y`)).toBeNull();
  });
});

describe('the page URLs', () => {
  const at = (url: string) => routes.parseLocation(new URL(url, 'http://x'));

  it('names every page of the site', () => {
    expect(at('/p/@scope/name/upgrade/1.0.0...2.0.0')).toEqual({ view: 'upgrade', pkg: '@scope/name', from: '1.0.0', to: '2.0.0' });
    expect(at('/p/plain/history?path=docs%2Fa.mdx')).toEqual({ view: 'history', pkg: 'plain', path: 'docs/a.mdx' });
    expect(at('/p/%40scope%2Fname/changelog')).toEqual({ view: 'changelog', pkg: '@scope/name' });
    expect(at('/status')).toEqual({ view: 'status' });
    expect(at('/p/@scope/name/history')).toEqual({ view: 'missing' });
    expect(at('/p/@scope')).toEqual({ view: 'missing' });
    expect(at('/p/name/other')).toEqual({ view: 'missing' });
    expect(routes.historyUrl('@scope/name', 'docs/a b.mdx')).toBe('/p/@scope/name/history?path=docs%2Fa+b.mdx');
    expect(routes.upgradeUrl('@scope/name', '1.0.0', 'latest')).toBe('/p/@scope/name/upgrade/1.0.0...latest');
  });
});

describe('the pasted-links check of the upgrade view', () => {
  const report = {
    from: '1.0.0',
    routes: [
      { route: '/sso', status: 'same', to: '/sso', removedAnchors: ['old-step'], reason: null },
      { route: '/user-management/users', status: 'moved', to: '/authkit/users', removedAnchors: ['delete-a-user'], reason: null },
      { route: '/legacy/old-api', status: 'removed', to: null, removedAnchors: [], reason: 'deleted' },
    ],
  };

  it('finds URLs and site paths in free text, once each', () => {
    const text = 'See https://docs.example.com/user-management/users#create, [SSO](/sso). Also /sso and "/legacy/old-api". Not a/b or 1/2.';
    expect(linkPaste.findLinks(text)).toEqual(['https://docs.example.com/user-management/users#create', '/sso', '/legacy/old-api']);
  });

  it('says which links work, which to update and to what, and which broke', () => {
    const check = (raw: string, base = '') => linkPaste.checkPastedLink(raw, report, base);
    expect(check('/sso')).toMatchObject({ state: 'ok', fix: null });
    expect(check('https://x.test/user-management/users#create')).toMatchObject({ state: 'moved', fix: '/authkit/users#create' });
    expect(check('/user-management/users#delete-a-user')).toMatchObject({ state: 'moved', fix: '/authkit/users', note: 'moved; #delete-a-user is gone' });
    expect(check('/sso#old-step')).toMatchObject({ state: 'moved', fix: '/sso', note: '#old-step is gone from the page' });
    expect(check('/legacy/old-api/')).toMatchObject({ state: 'removed', note: 'deleted' });
    expect(check('/docs/legacy/old-api', '/docs')).toMatchObject({ state: 'removed' });
    expect(check('/blog/post', '/docs')).toMatchObject({ state: 'unknown', note: 'not under /docs' });
    expect(check('/pricing')).toMatchObject({ state: 'unknown', note: 'not a page of 1.0.0' });
  });
});

describe('the next run of a cron schedule', () => {
  const at = (iso: string) => new Date(iso);

  it('finds the next minute a schedule fires at, in UTC and in another time zone', () => {
    expect(cronNext.nextRun('*/15 * * * *', 'UTC', at('2026-12-02T13:07:30Z'))?.toISOString()).toBe('2026-12-02T13:15:00.000Z');
    // Weekdays at 09:00: from a Friday evening, the next is Monday.
    expect(cronNext.nextRun('0 9 * * 1-5', 'UTC', at('2026-12-04T18:00:00Z'))?.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    // 09:00 in Paris is 08:00 UTC in winter.
    expect(cronNext.nextRun('0 9 * * *', 'Europe/Paris', at('2026-12-02T10:00:00Z'))?.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(cronNext.nextRun('0 0 1 1 *', 'UTC', at('2026-12-02T10:00:00Z'))).toBeNull(); // more than eight days off
  });

  it('answers null for what it does not read', () => {
    expect(cronNext.parseCron('@daily')).toBeNull();
    expect(cronNext.parseCron('0 9 * * MON')).toBeNull();
    expect(cronNext.parseCron('61 * * * *')).toBeNull();
    expect(cronNext.nextRun('0 9 * * *', 'Not/A_Zone')).toBeNull();
    expect(cronNext.parseCron('0 */15 * * * *')).not.toBeNull(); // node-cron's optional seconds field
  });
});
