// The scheduler alone, without the HTTP server: node bin/run-ts.js jobs/scheduler.ts
// Runs until SIGTERM or SIGINT, then lets the running job reach a safe point and exits.
import { loadConfig } from '../src/config.ts';
import { startScheduler } from '../src/scheduler/index.ts';
import { createAppContext } from '../src/services/app-context.ts';
import { runEntryPoint } from './entry-point.ts';

await runEntryPoint(async () => {
  const ctx = await createAppContext(loadConfig());
  try {
    const scheduler = await startScheduler(ctx);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    ctx.logger.info(`${signal}: stopping the scheduler`);
    await scheduler.stop();
    return 0;
  } finally {
    await ctx.database.close();
  }
});
