import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigestMessage, type DigestInput } from '../../src/digest/build-digest.ts';
import { clampMrkdwn, escapeMrkdwn, link, truncate } from '../../src/digest/mrkdwn.ts';
import { runDigest } from '../../src/digest/run-digest.ts';
import { summarizeDocChanges } from '../../src/diff/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { FileChange, VersionDiff } from '../../src/types.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';
import { blockKitViolations, type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';
import { renderMessage } from './render-message.ts';
import { versionDiffOf } from '../support/version-diff.ts';

const BASE = 'https://docdelta.example.com';

function allText(message: ReturnType<typeof buildDigestMessage>): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if ('text' in block) texts.push(block.text.text);
    if ('fields' in block) texts.push(...block.fields.map((field) => field.text));
    if ('elements' in block) texts.push(...block.elements.map((element) => element.text));
  }
  return texts;
}

function input(diff: VersionDiff, overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    summary: summarizeDocChanges(diff),
    from: { version: diff.from, publishedAt: new Date('2025-03-01T00:00:00Z') },
    to: { version: diff.to, publishedAt: new Date('2025-03-08T00:00:00Z') },
    releases: [diff.to],
    docsRoot: 'docs',
    brokenLinks: null,
    baseUrl: BASE,
    ...overrides,
  };
}

const diffOf = (files: FileChange[], moves: VersionDiff['moves'] = []) => versionDiffOf(files, moves, '@acme/docs');

describe('the digest of the real-shaped fixture', () => {
  let database: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    ctx = await testContext(database, { PUBLIC_BASE_URL: BASE });
    await seedFixture(ctx);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('leads with the folder move, lists pages with titles and links to the web diff view', async () => {
    const summary = await runDigest(ctx, { dryRun: true, linkCounter: async () => 2 });
    const [digest] = summary.details!.digests;
    expect(digest).toMatchObject({ package: '@fixture/docs', status: 'planned', from: '1.0.0', to: '2.0.0' });
    expect(renderMessage(digest!.message!)).toMatchInlineSnapshot(`
      "text: @fixture/docs 1.0.0 → 2.0.0: 1 added, 2 removed, 5 modified, 4 renamed
      [header] @fixture/docs 1.0.0 → 2.0.0 (2025-01-01 → 2025-01-08)
      [section]
        *\`user-management/\` moved to \`authkit/\`*: 4 files, 2 of them edited.
        2 pages removed (Old API, Multi-Factor Auth), 1 new page (Passkeys) and 5 pages edited.
        :warning: 2 broken links in 2.0.0.
      [fields] *Added*: 1 | *Removed*: 2 | *Modified*: 5 | *Renamed*: 4 | *Lines*: +29 −36 | *Broken links*: 2
      [section]
        *Folder moves (1)*
        • \`user-management/\` → \`authkit/\`: 4 files, 2 edited
      [section]
        *New pages (1)*
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-authkit-passkeys-mdx|Passkeys> \`authkit/passkeys.mdx\`
      [section]
        *Removed pages (2)*
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-legacy-old-api-mdx|Old API> \`legacy/old-api.mdx\`
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-user-management-mfa-mdx|Multi-Factor Auth> \`user-management/mfa.mdx\`
      [section]
        *Changed pages (5)*
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-sso-mdx|Single Sign-On> +8 −1 · new: Troubleshooting
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-authkit-index-mdx|AuthKit> +4 −4 · was User Management
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-authkit-users-mdx|Users> +1 −1 · new: Remove a user · gone: Delete a user
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-index-mdx|Home> +1 −1
        • <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0#file-docs-organized-docs-unsafe-mdx|Unsafe &lt;script&gt;alert(1)&lt;/script&gt;> +1 −1
      [context] <https://docdelta.example.com/p/@fixture/docs/diff/1.0.0...2.0.0|Open the full diff> · sent by docdelta"
    `);
    expect(blockKitViolations(digest!.message)).toEqual([]);
  });

  it('counts the new version\'s own broken links with the link checker when no counter is given', async () => {
    const { checkLinks } = await import('../../src/links/index.ts');
    const expected = (await checkLinks(ctx, { package: '@fixture/docs', from: '1.0.0', to: '2.0.0' })).counts.internal;
    const summary = await runDigest(ctx, { dryRun: true });
    const fields = summary.details!.digests[0]!.message!.blocks.find((block) => 'fields' in block);
    expect(fields && 'fields' in fields && fields.fields.at(-1)!.text).toBe(`*Broken links*\n${expected}`);
  });

  it('escapes the fixture page titled with <script> wherever it appears', async () => {
    const summary = await runDigest(ctx, { dryRun: true, linkCounter: null, layout: { moves: 25, added: 15, removed: 15, movedAlone: 10, mostChanged: 10 } });
    const texts = allText(summary.details!.digests[0]!.message!);
    const joined = texts.join('\n');
    expect(joined).toContain('Unsafe &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(joined).not.toContain('<script>');
  });
});

describe('digest message limits', () => {
  it('keeps a doc titled <!channel> from pinging anyone', () => {
    const files: FileChange[] = [
      { status: 'added', path: 'docs/ping.mdx', additions: 3, deletions: 0, title: '<!channel> & <!here> <@U123>' },
      { status: 'removed', path: 'docs/<!everyone>.mdx', additions: 0, deletions: 2, title: null },
      { status: 'modified', path: 'docs/x.mdx', additions: 9, deletions: 1, title: 'Fine > <https://evil.example|click me>' },
    ];
    const message = buildDigestMessage(input(diffOf(files)));
    for (const text of allText(message)) {
      expect(text).not.toMatch(/<[!@]/);
      expect(text).not.toContain('<https://evil.example');
    }
    const joined = allText(message).join('\n');
    expect(joined).toContain('&lt;!channel&gt; &amp; &lt;!here&gt; &lt;@U123&gt;');
    expect(joined).toContain('`&lt;!everyone&gt;.mdx`');
    expect(joined).toContain('|Fine &gt; &lt;https://evil.example¦click me&gt;>');
  });

  it('fits 80 moved folders, hundreds of pages and 5,000-character titles into Slack’s limits', async () => {
    const huge = '<!channel> & '.repeat(400); // 5,200 characters, every one of them escaped
    const files: FileChange[] = [];
    const moves: VersionDiff['moves'] = [];
    for (let folder = 0; folder < 80; folder += 1) {
      moves.push({ from: `docs/old-area-${folder}`, to: `docs/new-area-${folder}`, files: 3, edited: 1 });
      for (let page = 0; page < 3; page += 1) {
        files.push({ status: 'renamed', path: `docs/new-area-${folder}/p${page}.mdx`, oldPath: `docs/old-area-${folder}/p${page}.mdx`, similarity: 0.9, additions: page, deletions: 1, title: `${huge}${folder}-${page}` });
      }
    }
    for (let page = 0; page < 300; page += 1) {
      files.push({ status: 'added', path: `docs/${'deep/'.repeat(50)}new-${page}.mdx`, additions: 10, deletions: 0, title: huge });
      files.push({ status: 'removed', path: `docs/gone-${page}.mdx`, additions: 0, deletions: 10, title: huge });
    }
    const diff = diffOf(files, moves);
    diff.package = `@acme/${'x'.repeat(200)}`;
    const message = buildDigestMessage(input(diff, { to: { version: `2.0.0-${'rc.'.repeat(60)}1`, publishedAt: null } }));

    expect(blockKitViolations(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const header = message.blocks[0]!;
    expect(header.type).toBe('header');
    expect('text' in header && header.text.text.length).toBeLessThanOrEqual(150);
    for (const block of message.blocks) if (block.type === 'section' && 'text' in block) expect(block.text.text.length).toBeLessThanOrEqual(3000);

    const joined = allText(message).join('\n');
    expect(joined).not.toMatch(/<!channel>/);
    expect(joined).toContain('*Folder moves (80)*');
    // What is left out is counted, with a way to the rest.
    expect(joined).toMatch(/…and 55 more: <https:\/\/docdelta\.example\.com\/p\/@acme\/x+\/diff\/1\.0\.0\.\.\.2\.0\.0-[^|]+\|see the full diff>/);
    expect(joined).toMatch(/\*New pages \(300\)\*[\s\S]*…and \d+ more/);
    expect(joined).toMatch(/\*Removed pages \(300\)\*[\s\S]*…and \d+ more/);
    // A single line never carries a whole 5,000-character title.
    for (const line of joined.split('\n')) expect(line.length).toBeLessThan(1_200);

    // And Slack (as far as its limits go) takes it.
    const slack: SlackReceiver = await startSlackReceiver();
    try {
      const response = await fetch(slack.url, { method: 'POST', body: JSON.stringify(message) });
      expect(await response.text()).toBe('ok');
    } finally {
      await slack.close();
    }
  });

  it('keeps every line under the limit even when one list alone would overflow a section', () => {
    const files: FileChange[] = Array.from({ length: 40 }, (_, i) => ({
      status: 'added' as const,
      path: `docs/${'&'.repeat(150)}-${i}.mdx`,
      additions: 1,
      deletions: 0,
      title: '&'.repeat(5000),
    }));
    const message = buildDigestMessage(input(diffOf(files)), { moves: 25, added: 40, removed: 15, movedAlone: 10, mostChanged: 5 });
    expect(blockKitViolations(message)).toEqual([]);
    const sections = message.blocks.filter((block) => block.type === 'section' && 'text' in block && block.text.text.includes('New pages'));
    expect(sections).toHaveLength(1);
    const listed = message.blocks.filter((block) => block.type === 'section' && 'text' in block && /^• /m.test(block.text.text));
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.length).toBeLessThanOrEqual(8);
  });

  it('never leaves half an entity or half a link when text is cut', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
    expect(link('https://x.example/a|b<c>', 'label')).toBe('<https://x.example/a%7Cb%3Cc%3E|label>');
    expect(link('javascript:alert(1)', 'label')).toBe('label');
    expect(clampMrkdwn('abc &amp; def', 7)).toBe('abc …');
    expect(clampMrkdwn('see <https://x.example/long|the diff>', 20)).toBe('see …');
    expect(truncate('👍'.repeat(10), 4)).toBe('👍👍👍…');
  });
});
