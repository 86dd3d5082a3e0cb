// The Slack digest as a one-shot process: node bin/run-ts.js jobs/digest.ts [--dry-run]
// With --dry-run the JSON payloads go to stdout and nothing is sent.
import { loadConfig } from '../src/config.ts';
import { runDigest } from '../src/digest/index.ts';
import { stderrLogger } from '../src/logger.ts';
import { describeJob, exitCodeForJob } from '../src/services/jobs/index.ts';
import { createAppContext } from '../src/services/app-context.ts';
import { runEntryPoint } from './entry-point.ts';

await runEntryPoint(async () => {
  const dryRun = process.argv.slice(2).includes('--dry-run');
  const ctx = await createAppContext(loadConfig());
  try {
    const summary = await runDigest(ctx, { dryRun, trigger: 'manual' });
    if (dryRun) process.stdout.write(`${JSON.stringify(summary.details?.digests.filter((d) => d.message).map((d) => d.message) ?? [], null, 2)}\n`);
    stderrLogger.info(describeJob(summary));
    return exitCodeForJob(summary);
  } finally {
    await ctx.database.close();
  }
});
