// `docdelta serve` minus the command line: build the app, listen, and shut down in order on
// SIGTERM. Stopping accepting comes first and at once (a load balancer must see the port close,
// not a server that still takes connections while it winds down); then, together, the hooks'
// background work is stopped (the scheduler aborts its running job, MCP ends its sessions and their
// event streams) and in-flight requests drain; past the drain deadline the remaining sockets are
// cut. Last, the diff threads end and the database closes — within the grace period, so the exit
// code is 0. The lead adds MCP and the scheduler through `mounts`, `routes` and `onShutdown`
// without touching this file.
import type { ServiceContext } from '../services/context.ts';
import { closeDiffPool, configureDiffPool, diffPool, SERVER_INLINE } from '../services/diff-pool.ts';
import { type AppOptions, createApp, type DocdeltaApp } from './app.ts';
import { type HttpServerOptions, type RunningServer, SERVER_DEFAULTS, startHttpServer } from './http-server.ts';
import { onShutdownSignals } from './shutdown-signals.ts';

export type ShutdownHook = () => Promise<void> | void;

export interface ServeOptions extends AppOptions {
  host?: string;
  port?: number;
  server?: Partial<Omit<HttpServerOptions, 'host' | 'port'>>;
  /** Run first on shutdown, in order: stop the scheduler, close MCP sessions… */
  onShutdown?: ShutdownHook[];
  /** Total time a shutdown may take (default 10 s). */
  graceMs?: number;
  /** Install SIGTERM/SIGINT handlers (default true; tests that run several servers turn it off). */
  handleSignals?: boolean;
  /** Close ctx.database as the last shutdown step (default true). */
  closeDatabase?: boolean;
}

export interface ServeHandle extends RunningServer {
  app: DocdeltaApp;
  /** Runs the whole shutdown once; later calls return the same promise. */
  shutdown(reason?: string): Promise<void>;
  /** Settles when a shutdown has finished, however it was started. */
  closed: Promise<void>;
}

export async function runServe(ctx: ServiceContext, options: ServeOptions = {}): Promise<ServeHandle> {
  const graceMs = options.graceMs ?? SERVER_DEFAULTS.shutdownGraceMs;
  // The one-shot bounds suit a CLI command; a server keeps its event loop for requests.
  await configureDiffPool({ ...diffPool().options, inline: SERVER_INLINE });
  const app = createApp(ctx, options);
  const running = await startHttpServer(app, {
    host: options.host ?? ctx.config.host,
    port: options.port ?? ctx.config.port,
    shutdownGraceMs: graceMs,
    ...options.server,
  });

  let removeSignalHandlers = () => {};
  let finished!: () => void;
  const closed = new Promise<void>((resolve) => (finished = resolve));
  let shuttingDown: Promise<void> | undefined;

  const shutdown = (reason = 'shutdown requested'): Promise<void> => {
    shuttingDown ??= (async () => {
      const started = Date.now();
      const remaining = () => Math.max(0, graceMs - (Date.now() - started));
      ctx.logger.info(`stopping: ${reason}`);
      // Kept for the last steps (diff threads, database), so they too finish inside the grace period.
      const reserve = Math.min(1_000, Math.floor(graceMs / 4));
      const draining = running.close(Math.max(0, graceMs - reserve));
      app.locals.toolkit.stop();
      const hooks = (options.onShutdown ?? []).map(async (hook) => {
        try {
          await hook();
        } catch (error) {
          ctx.logger.warn('a shutdown hook failed', { message: (error as Error)?.message ?? String(error) });
        }
      });
      const late = await settleWithin([draining, ...hooks], Math.max(0, remaining() - reserve));
      if (late) ctx.logger.warn('shutdown: some work did not stop within the grace period; closing the database under it');
      else ctx.logger.info(`shutdown: requests drained and background work stopped in ${Date.now() - started} ms`);
      await closeDiffPool();
      if (options.closeDatabase ?? true) {
        await withDeadline(ctx.database.close(), remaining()).catch((error: unknown) =>
          ctx.logger.warn('shutdown: the database did not close cleanly', { message: (error as Error)?.message ?? String(error) }),
        );
      }
      removeSignalHandlers();
      ctx.logger.info(`stopped in ${Date.now() - started} ms`);
      // A newcomer who finds a postgres process after Ctrl-C should know it is expected, and for how long.
      if (!ctx.config.databaseUrl && ctx.config.serverIdleSeconds > 0) {
        ctx.logger.info(`the database server of ${ctx.config.dataDir} stays up ${ctx.config.serverIdleSeconds} s more for the next command (DOCDELTA_SERVER_IDLE_SECONDS)`);
      }
      finished();
    })();
    return shuttingDown;
  };

  if (options.handleSignals ?? true) {
    removeSignalHandlers = onShutdownSignals((signal) => shutdown(`${signal} received`), { graceMs, logger: ctx.logger });
  }
  return { ...running, app, shutdown, closed, close: running.close };
}

/** Waits for all of `work`, at most `ms`; true when time ran out first. */
async function settleWithin(work: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), ms)));
  const late = await Promise.race([Promise.allSettled(work).then(() => false), timeout]);
  clearTimeout(timer);
  return late;
}

async function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  if (await settleWithin([work], ms)) throw new Error(`not closed within ${ms} ms`);
  await work;
}
