// The sides of the "what changed?" comparison: npm diff as a user runs it, and docdelta cold, warm
// and as CLI processes. Each is a TimedSide: untimed setup in prepare, the timed work in run.
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ServiceContext } from '../../src/services/context.ts';
import { syncPackage } from '../../src/services/sync.ts';
import { getVersionDiff, getVersionPatch } from '../../src/services/version-diff.ts';
import { SnapshotStore } from '../../src/source/snapshots.ts';
import { type BenchEnv, freshFolder } from '../bench-env.ts';
import { dropCachedDiffs, emptyDatabase } from '../bench-store.ts';
import { runCommand } from '../external-command.ts';
import type { TimedSide } from '../interleave.ts';
import { createScratchDatabase } from '../postgres-database.ts';
import { ensureRealPair } from '../real-package.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

export function npmDiffArgs(env: BenchEnv, extra: string[] = []): string[] {
  return ['diff', `--diff=${env.real.name}@${env.real.from}`, `--diff=${env.real.name}@${env.real.to}`, ...extra];
}

/** npm's own environment minus anything that would print or phone home besides the diff. */
export function npmEnv(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

export function npmSide(env: BenchEnv, cwd: string, freshCache: boolean): TimedSide {
  let cacheDir = '';
  return {
    prepare: freshCache
      ? async () => {
          cacheDir = await freshFolder(env, 'npm-cache');
        }
      : undefined,
    run: async () => {
      const run = await runCommand('npm', npmDiffArgs(env, freshCache ? [`--cache=${cacheDir}`] : []), { cwd, env: npmEnv() });
      if (run.stdoutBytes === 0) throw new Error('npm diff printed nothing');
      if (freshCache) await fs.rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Where a cold run's time went, run by run. */
export interface ColdSplit {
  syncMs: number[];
  diffMs: number[];
}

/** Sync both versions into an empty database, then diff: the first answer docdelta can give. */
export function coldSide(env: BenchEnv, ctx: ServiceContext, snapshots: 'kept' | 'empty', split?: ColdSplit): TimedSide {
  let runCtx = ctx;
  return {
    prepare: async () => {
      await emptyDatabase(ctx.db);
      runCtx = snapshots === 'kept' ? ctx : { ...ctx, snapshots: new SnapshotStore(await freshFolder(env, 'snapshots')) };
    },
    run: async () => {
      const started = performance.now();
      const report = await syncPackage(runCtx, env.real.name, { versions: [env.real.from, env.real.to] });
      if (report.ingested.length !== 2) throw new Error(`cold sync stored ${report.ingested.length} versions, expected 2`);
      const synced = performance.now();
      await getVersionDiff(runCtx, { package: env.real.name, from: env.real.from, to: env.real.to });
      split?.syncMs.push(synced - started);
      split?.diffMs.push(performance.now() - synced);
    },
  };
}

export function warmSide(env: BenchEnv, ctx: ServiceContext, output: 'json' | 'patch'): TimedSide {
  return {
    prepare: async () => {
      await ensureRealPair(env.real, ctx);
      await dropCachedDiffs(ctx.db);
    },
    run: async () => {
      const request = { package: env.real.name, from: env.real.from, to: env.real.to };
      if (output === 'patch') await getVersionPatch(ctx, request);
      else await getVersionDiff(ctx, request);
    },
  };
}

/** `docdelta sync` then `docdelta diff --format patch`, as two processes, like a user at a shell. */
export function cliSide(env: BenchEnv, database: 'embedded-first-run' | 'postgres'): TimedSide {
  let childEnv: NodeJS.ProcessEnv = {};
  let dropDatabase: (() => Promise<void>) | null = null;
  const base: NodeJS.ProcessEnv = { ...process.env, DOCDELTA_SNAPSHOTS_DIR: env.snapshotsDir };
  delete base.DATABASE_URL;
  return {
    prepare: async () => {
      if (database === 'postgres') {
        const scratch = await createScratchDatabase(env.postgres!.adminUrl);
        dropDatabase = scratch.drop;
        childEnv = { ...base, DATABASE_URL: scratch.url };
      } else {
        childEnv = { ...base, DOCDELTA_DATA_DIR: await freshFolder(env, 'cli-data') };
      }
    },
    run: async () => {
      const cli = ['bin/docdelta.js'];
      try {
        await runCommand(process.execPath, [...cli, 'sync', env.real.name, '--versions', `${env.real.from},${env.real.to}`], { cwd: REPO, env: childEnv });
        const diff = await runCommand(process.execPath, [...cli, 'diff', env.real.from, env.real.to, '--package', env.real.name, '--format', 'patch'], {
          cwd: REPO,
          env: childEnv,
        });
        if (diff.stdoutBytes === 0) throw new Error('docdelta diff printed nothing');
      } finally {
        await dropDatabase?.();
        dropDatabase = null;
      }
    },
  };
}
