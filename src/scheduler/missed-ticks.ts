// What to do with ticks node-cron reports as missed (its timer fired more than the tolerance late:
// the process was blocked or suspended, or the clock jumped). A blocked process misses several
// ticks at once and learns about them all in one heartbeat, sometimes together with a tick that
// does run. Each miss is reported; for a job that catches up, one late run covers them all — the
// jobs work from stored state, so running every missed tick would only repeat the first.
import type { ServiceContext } from '../services/context.ts';
import { recordMissedTick } from '../services/jobs/index.ts';

export interface MissedTickOptions {
  job: string;
  catchUp: boolean;
  /** The slot of the newest run this process started, to tell whether a later tick already ran. */
  lastStartedSlot(): Date | null;
  /** Whether a run of the job is going right now in this process. */
  busy(): boolean;
  runLate(slot: Date): void;
  track(work: Promise<unknown>): void;
}

export function missedTickHandler(ctx: ServiceContext, options: MissedTickOptions): (slot: Date) => void {
  let pending: Date[] = [];
  const flush = () => {
    const missed = pending.sort((a, b) => a.getTime() - b.getTime());
    pending = [];
    const newest = missed.at(-1)!;
    const started = options.lastStartedSlot();
    const covered = started !== null && started.getTime() > newest.getTime();
    const catchUp = options.catchUp && !covered && !options.busy();
    for (const slot of catchUp ? missed.slice(0, -1) : missed) options.track(recordMissedTick(ctx, options.job, slot));
    if (catchUp) {
      const late = Math.round((Date.now() - newest.getTime()) / 1000);
      ctx.logger.warn(`${options.job}: the tick at ${newest.toISOString()} fired ${late} s late; running it now`);
      options.runLate(newest);
    }
  };
  return (slot) => {
    // Misses arrive one by one within a heartbeat, before any tick that heartbeat still runs has
    // started; decide once that heartbeat is over.
    if (pending.length === 0) setTimeout(flush, 0);
    pending.push(slot);
  };
}
