// `docdelta serve` minus the command line: build the app, listen, and shut down in order on
// SIGTERM — stop the hooks' background work (scheduler) first so nothing new starts, then drain
// HTTP, then close the database. The lead adds MCP and the scheduler through `mounts`, `routes`
// and `onShutdown` without touching this file.
import type { ServiceContext } from '../services/context.ts';
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
      for (const hook of options.onShutdown ?? []) {
        try {
          await hook();
        } catch (error) {
          ctx.logger.warn('a shutdown hook failed', { message: (error as Error)?.message ?? String(error) });
        }
      }
      await running.close(remaining());
      if (options.closeDatabase ?? true) await ctx.database.close();
      removeSignalHandlers();
      ctx.logger.info(`stopped in ${Date.now() - started} ms`);
      finished();
    })();
    return shuttingDown;
  };

  if (options.handleSignals ?? true) {
    removeSignalHandlers = onShutdownSignals((signal) => shutdown(`${signal} received`), { graceMs, logger: ctx.logger });
  }
  return { ...running, app, shutdown, closed, close: running.close };
}
