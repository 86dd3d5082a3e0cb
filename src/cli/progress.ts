// A one-line progress bar on a terminal; plain, occasional lines when output is a file or a pipe.
import type { IngestProgress } from '../services/ingest.ts';
import type { SyncRequest } from '../services/sync.ts';

/** What runSync says when a package's sync starts (no report, no error) and when it ends. */
type PackageEvent = Parameters<NonNullable<SyncRequest['onPackage']>>[0];

/** Made when a package's sync starts: the first thing it does is ask its source for the version list. */
function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, packageName: string) {
  let lastLine = stream.isTTY ? `${packageName}: fetching the version list…` : '';
  let lastPhase = '';
  stream.write(stream.isTTY ? `\r${lastLine}\x1b[K` : `${packageName}: fetching the version list…\n`);
  return {
    update(progress: IngestProgress): void {
      if (stream.isTTY) {
        const width = 24;
        const filled = progress.total > 0 ? Math.round((progress.done / progress.total) * width) : 0;
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        const line = `${packageName}@${progress.version} ${progress.phase.padEnd(9)} ${bar} ${progress.done}/${progress.total}`;
        if (line !== lastLine) stream.write(`\r${line}\x1b[K`);
        lastLine = line;
      } else {
        const key = `${progress.version}:${progress.phase}`;
        if (key !== lastPhase) stream.write(`${packageName}@${progress.version}: ${progress.phase}…\n`);
        lastPhase = key;
      }
    },
    done(): void {
      if (stream.isTTY && lastLine) stream.write('\r\x1b[K');
      lastLine = '';
    },
  };
}

/**
 * runSync's two callbacks with a progress bar per package, shared by `sync` and `serve`: the bar
 * starts with the package and is cleared before `finished` is told how the package ended, so what
 * a command writes about it never lands on a half-drawn bar.
 */
export function syncProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, finished: (event: PackageEvent) => void) {
  let progress: ReturnType<typeof progressReporter> | undefined;
  return {
    onProgress: (update: IngestProgress) => progress?.update(update),
    onPackage: (event: PackageEvent) => {
      if (!event.report && !event.error) {
        progress = progressReporter(stream, event.package);
        return;
      }
      progress?.done();
      finished(event);
    },
    /** Clears a bar left drawn when the sync stopped part-way. */
    done: () => progress?.done(),
  };
}
