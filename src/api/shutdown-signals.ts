// SIGTERM/SIGINT → one orderly shutdown, bounded by a grace period. A second signal, or a shutdown
// that overruns the grace period, exits at once: an orchestrator's SIGKILL is coming anyway, and
// a clean exit code beats being killed.
import type { Logger } from '../logger.ts';

export interface SignalOptions {
  signals?: NodeJS.Signals[];
  /** How long the shutdown may take before the process exits with code 1. */
  graceMs: number;
  logger: Logger;
  /** process.exit, replaceable in tests. */
  exit?: (code: number) => void;
}

/** Installs the handlers; returns a function that removes them. */
export function onShutdownSignals(shutdown: (signal: NodeJS.Signals) => Promise<void>, options: SignalOptions): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;

  const handler = (signal: NodeJS.Signals) => {
    if (started) {
      options.logger.warn(`${signal} again during shutdown; exiting now`);
      exit(1);
      return;
    }
    started = true;
    options.logger.info(`${signal} received; shutting down (grace ${options.graceMs} ms)`);
    const overrun = setTimeout(() => {
      options.logger.error(`shutdown did not finish within ${options.graceMs} ms; exiting`);
      exit(1);
    }, options.graceMs);
    overrun.unref();
    shutdown(signal).then(
      () => clearTimeout(overrun),
      (error: unknown) => {
        clearTimeout(overrun);
        options.logger.error('shutdown failed', { message: (error as Error)?.message ?? String(error) });
        exit(1);
      },
    );
  };

  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
