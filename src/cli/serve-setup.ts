// What `docdelta serve` runs beside the core API: the link, changelog and job routes, MCP over
// HTTP, and the scheduler — started once the database is open, stopped before HTTP drains.
import { changelogRoute } from '../api/routes/changelog-route.ts';
import { jobsRoute } from '../api/routes/jobs-route.ts';
import { linksRoute } from '../api/routes/links-route.ts';
import { mcpHttpOptionsFor, mountMcp } from '../mcp/index.ts';
import { startScheduler } from '../scheduler/index.ts';
import type { ServeSetup } from './serve-command.ts';

export const serveSetup: ServeSetup = async (ctx, bind) => {
  const mcpOptions = mcpHttpOptionsFor(ctx.config, bind);
  const scheduler = await startScheduler(ctx);
  let mcp: { close(): Promise<void> } | undefined;
  return {
    routes: [linksRoute, changelogRoute, jobsRoute],
    mounts: [
      (app) => {
        mcp = mountMcp(app, ctx, mcpOptions);
      },
    ],
    onShutdown: [() => scheduler.stop(), async () => mcp?.close()],
  };
};
