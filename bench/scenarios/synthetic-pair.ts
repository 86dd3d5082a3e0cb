// Issue 3: a synthetic pair of 5,000-file versions with 1,000 deletions and 1,000 additions — time
// and ratio to git, and the memory peak, measured in a child process.
import type { DiffSummary } from '../../src/types.ts';
import { runChild } from '../child-process.ts';
import type { Scenario } from './scenario.ts';

interface PairResult {
  samples: { ours: number[]; git: number[] };
  files: { from: number; to: number };
  summary: DiffSummary;
  rssBeforeDiffMb: number;
  peakRssMb: number;
}

export const syntheticPairScenario: Scenario = {
  name: 'synthetic-pair',
  async run(env) {
    const result = await runChild<PairResult>('child-synthetic-pair.ts', [JSON.stringify({ workDir: env.workDir, repetitions: env.reps('medium'), warmup: env.warmup })], {
      label: 'synthetic pair',
      timeoutMs: 300_000,
    });
    const { summary } = result;
    env.report.compare({
      name: `synthetic pair (${result.files.from.toLocaleString('en-US')} → ${result.files.to.toLocaleString('en-US')} files): docdelta in memory vs git diff`,
      ours: 'diffTrees on both versions in memory (normalized as ingest does)',
      theirs: 'git diff --no-index -M --numstat on the two trees on disk',
      oursSamples: result.samples.ours,
      theirsSamples: result.samples.git,
      goal: { text: '≤ 1.0 × git', max: 1 },
      notes: `docdelta found ${summary.added} added, ${summary.removed} removed, ${summary.modified} modified, ${summary.renamed} renamed`,
    });
    env.report.figure({
      section: 'synthetic pair',
      name: 'peak RSS of the diffing process',
      unit: 'MB',
      samples: [result.peakRssMb],
      notes: `${result.rssBeforeDiffMb.toFixed(0)} MB before the first diff: both versions generated, written to disk and normalized in memory`,
    });
  },
};
