// Child: issue 3's synthetic pair (5,000 pages, 1,000 deleted, 1,000 added) diffed in memory by
// docdelta's engine and from disk by git, interleaved; with this process's peak RSS.
import path from 'node:path';
import { z } from 'zod';
import { diffTrees } from '../src/diff/index.ts';
import { emitChildResult, peakRssMb } from './child-process.ts';
import { childArgs } from './child-database.ts';
import { toDiffInput } from './diff-input.ts';
import { CLEAN_GIT_ENV, runCommand } from './external-command.ts';
import { interleave } from './interleave.ts';
import { syntheticPair } from './synthetic/version-pair.ts';
import { writeTree } from './tree-on-disk.ts';

const args = childArgs(z.object({ workDir: z.string().min(1), repetitions: z.number().int().min(1).max(50), warmup: z.number().int().min(0).max(5) }));

const pair = syntheticPair();
const root = path.join(args.workDir, 'synthetic-pair');
await writeTree(path.join(root, 'from'), pair.from.files);
await writeTree(path.join(root, 'to'), pair.to.files);
const oldInput = toDiffInput(pair.from.files);
const newInput = toDiffInput(pair.to.files);
const rssBeforeDiffMb = peakRssMb();

const result = diffTrees(oldInput, newInput);
const samples = await interleave(
  {
    ours: { run: async () => diffTrees(oldInput, newInput) },
    git: { run: () => runCommand('git', ['diff', '--no-index', '-M', '--numstat', 'from', 'to'], { cwd: root, env: CLEAN_GIT_ENV, okCodes: [1] }) },
  },
  { repetitions: args.repetitions, warmup: args.warmup },
);
emitChildResult({
  samples,
  files: { from: pair.from.files.length, to: pair.to.files.length },
  summary: result.summary,
  rssBeforeDiffMb,
});
