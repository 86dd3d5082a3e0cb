// Scheduled sync as a one-shot process (an external cron, a Kubernetes CronJob):
// node bin/run-ts.js jobs/sync.ts
import { loadConfig } from '../src/config.ts';
import { stderrLogger } from '../src/logger.ts';
import { describeJob, exitCodeForJob } from '../src/services/jobs/index.ts';
import { runSync } from '../src/services/sync.ts';
import { createAppContext } from '../src/services/app-context.ts';
import { runEntryPoint } from './entry-point.ts';

await runEntryPoint(async () => {
  const ctx = await createAppContext(loadConfig());
  try {
    const summary = await runSync(ctx, { trigger: 'manual' });
    stderrLogger.info(describeJob(summary));
    return exitCodeForJob(summary);
  } finally {
    await ctx.database.close();
  }
});
