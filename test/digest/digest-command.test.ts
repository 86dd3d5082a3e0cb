import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CommandEnv } from '../../src/cli/command.ts';
import { digestCommand } from '../../src/cli/digest-command.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { testContext } from '../support/context.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { seedFixture } from '../support/seed.ts';
import { blockKitViolations, type SlackReceiver, startSlackReceiver } from '../support/slack-receiver.ts';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('docdelta digest', () => {
  let database: TestDatabase;
  let slack: SlackReceiver;
  let ctx: ServiceContext;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    slack = await startSlackReceiver();
    ctx = await testContext(database, { SLACK_WEBHOOK_URL: slack.url, PUBLIC_BASE_URL: 'https://docs-diff.example.org' });
    await seedFixture(ctx);
  });
  afterAll(async () => {
    await slack?.close();
    await database?.close();
  });

  function env(context: ServiceContext = ctx) {
    const stdout = sink();
    const stderr = sink();
    const commandEnv: CommandEnv = { io: { stdout: stdout.stream, stderr: stderr.stream }, config: context.config, context: async () => context };
    return { commandEnv, stdout, stderr };
  }

  it('--dry-run prints the JSON payloads and sends nothing', async () => {
    const { commandEnv, stdout } = env();
    expect(await digestCommand.run(['--dry-run'], commandEnv)).toBe(0);
    const printed = JSON.parse(stdout.text());
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ package: '@fixture/docs', from: '1.0.0', to: '2.0.0', releases: ['2.0.0'] });
    expect(printed[0].payload.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '@fixture/docs 1.0.0 → 2.0.0 (2025-01-01 → 2025-01-08)', emoji: true } });
    expect(printed[0].payload.unfurl_links).toBe(false);
    expect(blockKitViolations(printed[0].payload)).toEqual([]);
    expect(slack.requests).toHaveLength(0);
  });

  it('posts, reports each package, and is quiet the second time', async () => {
    const first = env();
    expect(await digestCommand.run([], first.commandEnv)).toBe(0);
    expect(first.stdout.text()).toMatch(/^@fixture\/docs 1\.0\.0 → 2\.0\.0: delivered\ndigest: ok in \d+ ms \(packages 1, delivered 1, failed 0, quiet 0, alreadyAnnounced 0, outcomeUnknown 0\)\n$/);
    expect(slack.posted).toHaveLength(1);
    expect(JSON.stringify(slack.posted[0])).toContain('https://docs-diff.example.org/p/@fixture/docs/diff/1.0.0...2.0.0');

    const second = env();
    expect(await digestCommand.run(['--package', '@fixture/docs'], second.commandEnv)).toBe(0);
    expect(second.stdout.text()).toContain('@fixture/docs: quiet: nothing new');
    expect(slack.posted).toHaveLength(1);
  });

  it('exits 1 when a digest could not be delivered', async () => {
    const context = await testContext(database, { SLACK_WEBHOOK_URL: `${slack.url}-other-channel` });
    const { commandEnv, stdout } = env(context);
    expect(await digestCommand.run([], commandEnv)).toBe(1);
    expect(stdout.text()).toContain('@fixture/docs 1.0.0 → 2.0.0: failed: HTTP 404 no_service');
    expect(stdout.text()).not.toContain(slack.secret);
  });

  it('refuses unknown flags and unknown packages', async () => {
    await expect(digestCommand.run(['--force'], env().commandEnv)).rejects.toBeInstanceOf(UsageError);
    await expect(digestCommand.run(['--package', '@nope/nothing'], env().commandEnv)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
