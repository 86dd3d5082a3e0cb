// Which versions a package's next digest covers, for one webhook: from the newest version already
// announced there to the latest stored one. Pure.
//
// First run for a webhook (nothing announced yet): only the latest step, previous → latest. A
// digest is news; replaying years of history into a channel on the day it is connected is not.
//
// "Announced" counts delivered rows and rows whose outcome is unknown (in flight when a process
// stopped), so neither is covered twice. A failed range is not announced: the next range starts
// before it and so includes it — the same row again if no version came since, a wider one if one did.
import { type DeliveryRow, isOutcomeUnknown } from '../services/digest-deliveries.ts';

export interface VersionPoint {
  version: string;
  publishedAt: Date | null;
}

export type RangeDecision<V extends VersionPoint> =
  | { kind: 'range'; from: V; to: V; releases: string[]; firstRun: boolean }
  | { kind: 'quiet'; reason: 'fewer than two versions' | 'nothing new' };

/** `versions` in release order, oldest first. */
export function chooseRange<V extends VersionPoint>(
  versions: readonly V[],
  deliveries: readonly Pick<DeliveryRow, 'status' | 'lastError' | 'toVersion'>[],
): RangeDecision<V> {
  if (versions.length < 2) return { kind: 'quiet', reason: 'fewer than two versions' };
  const position = new Map(versions.map((row, index) => [row.version, index]));
  const announced = deliveries
    .filter((row) => row.status === 'delivered' || isOutcomeUnknown(row))
    .map((row) => position.get(row.toVersion))
    .filter((index): index is number => index !== undefined);
  const last = versions.length - 1;
  const fromIndex = announced.length > 0 ? Math.max(...announced) : last - 1;
  if (fromIndex >= last) return { kind: 'quiet', reason: 'nothing new' };
  return {
    kind: 'range',
    from: versions[fromIndex]!,
    to: versions[last]!,
    releases: versions.slice(fromIndex + 1).map((row) => row.version),
    firstRun: announced.length === 0,
  };
}
