// Child: docdelta's HTTP app (API, web page and MCP at /mcp) over a database holding the real pair,
// on 127.0.0.1 with an OS-chosen port, until the parent closes our stdin. Runs apart from the load
// generator so the two do not share a process (or, on 2 cores, a core).
import { z } from 'zod';
import { createApp, startHttpServer } from '../src/api/index.ts';
import { syncPackage } from '../src/services/sync.ts';
import { mcpHttpOptionsFor, mountMcp } from '../src/mcp/index.ts';
import { emitChildReady, emitChildResult, parentFinished } from './child-process.ts';
import { childArgs, childDatabaseSchema, openChildContext } from './child-database.ts';

const args = childArgs(
  z.object({
    database: childDatabaseSchema,
    snapshotsDir: z.string().min(1),
    packageName: z.string().min(1).max(214),
    versions: z.array(z.string().min(1).max(100)).length(2),
  }),
);

const ctx = await openChildContext(args.database, args.snapshotsDir);
await syncPackage(ctx, args.packageName, { versions: args.versions, offline: true });
let closeMcp: () => Promise<void> = async () => {};
// The load test measures the server, not the per-client rate limit (which would answer 429).
const app = createApp(ctx, {
  rateLimit: false,
  mounts: [
    (express) => {
      closeMcp = mountMcp(express, ctx, mcpHttpOptionsFor(ctx.config)).close;
    },
  ],
});
const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
emitChildReady({ url: server.url });
await parentFinished();
await closeMcp();
await server.close(2_000);
await ctx.database.close();
emitChildResult({});
