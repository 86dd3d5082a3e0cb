// SIGTERM/SIGINT → one orderly shutdown, bounded by a grace period. A second signal, or a shutdown
// that overruns the grace period, exits at once: an orchestrator's SIGKILL is coming anyway, and
// a clean exit code beats being killed. `serve` shuts down this way, and so does a one-shot CLI
// command interrupted by Ctrl-C (cli.ts), which leaves its database first.
import type { Logger } from '../logger.ts';

export interface SignalOptions {
  signals?: NodeJS.Signals[];
  /** How long the shutdown may take before the process exits with code 1. */
  graceMs: number;
  /** Says what happens; none for a CLI command, which exits quietly as git does. */
  logger?: Logger;
  /** After a finished shutdown, how long the process may linger before it exits (default 500 ms). */
  lingerMs?: number;
  /** process.exit, replaceable in tests. */
  exit?: (code: number) => void;
}

/** The exit status of a shutdown cut short: the one the shutdown set (a CLI's 130), else 1. */
const cutShortStatus = () => (typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : 1);

/** Installs the handlers; returns a function that removes them. */
export function onShutdownSignals(shutdown: (signal: NodeJS.Signals) => Promise<void>, options: SignalOptions): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;

  const handler = (signal: NodeJS.Signals) => {
    if (started) {
      options.logger?.warn(`${signal} again during shutdown; exiting now`);
      exit(cutShortStatus());
      return;
    }
    started = true;
    options.logger?.info(`${signal} received; shutting down (grace ${options.graceMs} ms)`);
    const overrun = setTimeout(() => {
      options.logger?.error(`shutdown did not finish within ${options.graceMs} ms; exiting`);
      exit(cutShortStatus());
    }, options.graceMs);
    overrun.unref();
    shutdown(signal).then(
      () => {
        clearTimeout(overrun);
        // Everything docdelta owns is closed. Work that was abandoned rather than stopped (a
        // download trickling at 1 byte/s) may still hold the event loop open: end the process
        // shortly after, with the exit code the command set.
        const linger = setTimeout(() => exit(typeof process.exitCode === 'number' ? process.exitCode : 0), options.lingerMs ?? 500);
        linger.unref();
      },
      (error: unknown) => {
        clearTimeout(overrun);
        options.logger?.error('shutdown failed', { message: (error as Error)?.message ?? String(error) });
        exit(cutShortStatus());
      },
    );
  };

  for (const signal of signals) process.on(signal, handler);
  const stopWatchingParent = watchNpmParent(() => {
    options.logger?.info('npm, which started this server, has exited');
    handler('SIGTERM');
  });
  return () => {
    stopWatchingParent();
    for (const signal of signals) process.off(signal, handler);
  };
}

/**
 * Under `npm start`, a SIGTERM sent to npm ends npm but does not reach this process, which would
 * keep serving as an orphan (and keep the embedded database up). When npm runs us and our parent
 * goes away, shut down as if we had been told to. Outside npm a changed parent is left alone: a
 * server started with nohup or by a shell that exits is meant to outlive it.
 */
function watchNpmParent(onOrphaned: () => void): () => void {
  if (!process.env.npm_lifecycle_event) return () => {};
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
