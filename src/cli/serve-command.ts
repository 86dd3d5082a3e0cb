// `docdelta serve [--port N] [--host H] [--sync]`: optionally sync the configured packages first,
// then serve the API and the web page until SIGTERM/SIGINT.
import { runServe, type ServeOptions } from '../api/index.ts';
import { configForPort } from '../config.ts';
import { conflict, invalidInput, toDocdeltaError } from '../errors.ts';
import type { ServiceContext } from '../services/context.ts';
import { ListingsAhead } from '../services/listings-ahead.ts';
import { runSync } from '../services/sync.ts';
import { parseCommandArgs } from './args.ts';
import { type Command, type CommandEnv, UsageError } from './command.ts';
import { syncProgress } from './progress.ts';
import { describeSync } from './sync-command.ts';
import { commandInfo } from './commands.ts';

/**
 * What the rest of the program adds to a server: extra route modules (links, changelog, jobs),
 * mounts (MCP) and shutdown hooks (stop the scheduler). Called once the database is open, so a
 * hook can start background work with the same context.
 */
export type ServeSetup = (ctx: ServiceContext, bind: { host: string; port: number }) => Promise<Partial<ServeOptions>> | Partial<ServeOptions>;

function portOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535; got ${JSON.stringify(value)}`);
  return port;
}

/** A registry outage must not keep the service down: what is stored is still worth serving. */
async function syncBeforeServing(ctx: ServiceContext, env: CommandEnv, listingsAhead: ListingsAhead): Promise<void> {
  const progress = syncProgress(env.io.stderr, (event) => {
    if (event.report) env.io.stderr.write(`${describeSync(event.report)}\n`);
    else env.io.stderr.write(`docdelta serve: could not sync ${event.package} (${event.code}: ${event.error}); serving what is stored\n`);
  });
  try {
    await runSync(ctx, { trigger: 'serve', listingsAhead, onProgress: progress.onProgress, onPackage: progress.onPackage });
  } catch (error) {
    progress.done();
    const failure = toDocdeltaError(error);
    env.io.stderr.write(`docdelta serve: could not sync (${failure.code}: ${failure.message}); serving what is stored\n`);
  }
}

function listenFailure(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return conflict(`${host}:${port} is already in use; choose another --port`);
  if (code === 'EACCES') return invalidInput(`not allowed to listen on ${host}:${port}; choose a port above 1023`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return invalidInput(`cannot listen on host ${JSON.stringify(host)}`);
  return error;
}

export function createServeCommand(setup?: ServeSetup): Command {
  return {
    ...commandInfo('serve'),
    async run(args, env) {
      const { values, positionals } = parseCommandArgs(args, {
        port: { type: 'string' },
        host: { type: 'string' },
        sync: { type: 'boolean', default: false },
      });
      if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
      const port = portOf(values.port, env.config.port);
      const host = values.host ?? env.config.host;
      // `npm start`'s first run: the registry is asked, and the first version read, while the database is created.
      const ahead = values.sync ? new ListingsAhead(env.config, env.config.packages, { readFirstVersion: env.newDatabase === true }) : undefined;
      let ctx: ServiceContext;
      try {
        const opened = await env.context();
        ahead?.databaseOpen();
        ctx = { ...opened, config: configForPort(opened.config, port) };
        if (ahead) await syncBeforeServing(ctx, env, ahead);
      } finally {
        ahead?.cancel();
      }
      const extra = (await setup?.(ctx, { host, port })) ?? {};
      let handle;
      try {
        handle = await runServe(ctx, { ...extra, host, port });
      } catch (error) {
        // Port in use or the like: stop what setup started, or the process would never exit.
        for (const hook of extra.onShutdown ?? []) await Promise.resolve(hook()).catch(() => {});
        throw listenFailure(error, host, port);
      }
      env.io.stdout.write(`docdelta is serving on ${handle.url}\n`);
      await handle.closed;
      return 0;
    },
  };
}
