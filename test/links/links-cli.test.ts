// `docdelta links` as CI runs it: exit 0 clean, 1 broken found, 2 usage error; formats on stdout.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { openDatabase } from '../../src/store/database.ts';
import { tempDir, testContext } from '../support/context.ts';
import { seedFixture, seedPackage } from '../support/seed.ts';
import { createAppFixture, createCleanAppFixture } from './support/app-fixture.ts';

const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\n${body}\n`;
const saved: Record<string, string | undefined> = {};

async function docdelta(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => (append(String(chunk)), done()) });
  const code = await main(args, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) });
  return { code, stdout, stderr };
}

describe('docdelta links', () => {
  beforeAll(async () => {
    const dataDir = await tempDir('docdelta-links-cli-');
    for (const key of ['DATABASE_URL', 'DOCDELTA_DATA_DIR', 'DOCDELTA_SNAPSHOTS_DIR']) saved[key] = process.env[key];
    // The embedded database in a folder, seeded and closed first, exactly as a user's `.data/` would be.
    delete process.env.DATABASE_URL;
    process.env.DOCDELTA_DATA_DIR = dataDir;
    process.env.DOCDELTA_SNAPSHOTS_DIR = await tempDir('docdelta-links-snapshots-');
    const database = await openDatabase({ dataDir });
    const ctx = await testContext(database);
    await seedFixture(ctx, '@fixture/cli');
    await seedPackage(ctx, '@fixture/clean', [
      { version: '1.0.0', files: { '.docs/organized/docs/index.mdx': page('Home', '[Guide](/guide#setup)'), '.docs/organized/docs/guide.mdx': page('Guide', '## Setup\n\nText.') } },
      { version: '1.1.0', files: { '.docs/organized/docs/index.mdx': page('Home', '[Guide](/guide#setup) and [more](/more)'), '.docs/organized/docs/guide.mdx': page('Guide', '## Setup\n\nText.'), '.docs/organized/docs/more.mdx': page('More', 'New.') } },
    ]);
    await database.close();
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('exits 1 with a JSON report when links break, 0 when none do', async () => {
    const broken = await docdelta('links', '1.0.0', '2.0.0', '--package', '@fixture/cli', '--format', 'json');
    expect(broken.code).toBe(1);
    const report = JSON.parse(broken.stdout);
    expect(report.counts).toMatchObject({ broken: 2, upgrade: 2, internal: 0 });
    expect(report.broken[0]).toMatchObject({ scope: 'upgrade', target: '/user-management/sessions#refresh', fix: { target: '/authkit/sessions#refresh' } });

    const clean = await docdelta('links', '1.0.0', '1.1.0', '--package', '@fixture/clean', '--format', 'json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).counts.broken).toBe(0);
  });

  it('exits 2 on usage errors: missing TO, unknown format, unknown version', async () => {
    for (const args of [['links', '1.0.0'], ['links', '1.0.0', '2.0.0', '--package', '@fixture/cli', '--format', 'xml'], ['links', '1.0.0', '9.9.9', '--package', '@fixture/cli']]) {
      const result = await docdelta(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^docdelta links: /);
    }
  });

  it('writes a Netlify _redirects file and a table, the table exiting like JSON', async () => {
    const netlify = await docdelta('links', '1.0.0', '2.0.0', '--package', '@fixture/cli', '--format', 'netlify');
    expect(netlify.code).toBe(0);
    expect(netlify.stdout).toContain('/user-management/*  /authkit/:splat  301');
    expect(netlify.stderr).toContain('removed page(s) are not redirected');
    const table = await docdelta('links', '1.0.0', '2.0.0', '--package', '@fixture/cli');
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('/user-management/users → /authkit/users');
  });

  it('with --scan, exits by the scanned folder: 1 when its links break, 0 when they all work', async () => {
    const app = await createAppFixture();
    const failing = await docdelta('links', '1.0.0', '2.0.0', '--package', '@fixture/cli', '--scan', app.dir, '--base-url', 'https://docs.example.com/docs', '--format', 'json');
    expect(failing.code).toBe(1);
    expect(JSON.parse(failing.stdout).counts.scan).toBe(7);
    const clean = await docdelta('links', '1.0.0', '2.0.0', '--package', '@fixture/cli', '--scan', await createCleanAppFixture(), '--base-url', 'https://docs.example.com/docs');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('0 break in 2.0.0');
  });
});
