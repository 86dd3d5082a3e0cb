// `docdelta untrack NAME`: deletes a package with its versions, cached diffs and the stored files
// no other package holds. Deleting data needs a yes: `--yes`, or an answer on a terminal. Without
// either (a script that forgot --yes) it only says what would go and exits 2.
import { createInterface } from 'node:readline/promises';
import { plural } from '../plural.ts';
import type { ServiceContext } from '../services/context.ts';
import { untrackPackage, type UntrackResult } from '../services/packages.ts';
import { noMorePositionals, parseCommandArgs } from './args.ts';
import { type Command, type CommandEnv, UsageError } from './command.ts';
import { commandInfo } from './commands.ts';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function describe(result: UntrackResult): string {
  const downloads = result.tarballs > 0 ? `, ${plural(result.tarballs, 'downloaded tarball')} (${size(result.tarballBytes)})` : '';
  const what = `${plural(result.versions, 'version')}, ${plural(result.diffs, 'cached diff')}, ${plural(result.blobs, 'stored file')} no other package uses (${size(result.bytes)})${downloads}`;
  return result.removed ? `untracked ${result.package}: removed ${what}` : `${result.package}: would remove ${what}`;
}

async function confirmed(env: CommandEnv, question: string): Promise<boolean> {
  const stdin = env.io.stdin;
  if (!stdin?.isTTY || !env.io.stderr.isTTY) return false;
  const prompt = createInterface({ input: stdin, output: env.io.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

async function remove(ctx: ServiceContext, env: CommandEnv, name: string, json: boolean): Promise<number> {
  const result = await untrackPackage(ctx, name);
  env.io.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${describe(result)}\n`);
  if (result.configured) {
    env.io.stderr.write(`note: ${name} is in DOCDELTA_PACKAGES; the next plain \`docdelta sync\` tracks it again unless you remove it there\n`);
  }
  return 0;
}

export const untrackCommand: Command = {
  ...commandInfo('untrack'),
  async run(args, env) {
    const { values, positionals } = parseCommandArgs(args, {
      yes: { type: 'boolean', short: 'y', default: false },
      json: { type: 'boolean', default: false },
    });
    const [name, ...extra] = positionals;
    if (!name) throw new UsageError('expected the NAME of a tracked package (see `docdelta packages`)');
    noMorePositionals(extra, 'one NAME');
    const ctx = await env.context();
    if (values.yes) return remove(ctx, env, name, values.json);
    const plan = await untrackPackage(ctx, name, { dryRun: true });
    env.io.stderr.write(`${describe(plan)}\n`);
    if (await confirmed(env, `Untrack ${name}? [y/N] `)) return remove(ctx, env, name, values.json);
    throw new UsageError(env.io.stdin?.isTTY ? 'not confirmed; nothing was removed' : 'untrack deletes stored data: run it again with --yes to confirm');
  },
};
