// The digest's delivery ledger as the digest sees it: one row per (package, version range,
// webhook), claimed before a post and settled after Slack answers. The rules of the ledger live
// in store/digest-deliveries.ts; this is the door the digest goes through.
import {
  type Claim,
  claimRange as claimRangeRow,
  type DeliveryRow,
  listDeliveries as listDeliveryRows,
  markAttemptFailed as markAttemptFailedRow,
  markAttemptStarting as markAttemptStartingRow,
  markDelivered as markDeliveredRow,
  markFailed as markFailedRow,
  type RangeKey,
  settleInterrupted as settleInterruptedRows,
} from '../store/digest-deliveries.ts';
import type { ServiceContext } from './context.ts';

export { type Claim, type DeliveryRow, isOutcomeUnknown, type RangeKey } from '../store/digest-deliveries.ts';

export function listDeliveries(ctx: ServiceContext, packageId: number, webhookHash: string): Promise<DeliveryRow[]> {
  return listDeliveryRows(ctx.db, packageId, webhookHash);
}

/** Makes the range's row `pending` for this run, or reports the row that is already announced. */
export function claimRange(ctx: ServiceContext, key: RangeKey): Promise<Claim> {
  return claimRangeRow(ctx.db, key);
}

export function markAttemptStarting(ctx: ServiceContext, id: number, attempt: number): Promise<void> {
  return markAttemptStartingRow(ctx.db, id, attempt);
}

/** Rows a stopped process left in flight: their outcome is unknown and they are not posted again. */
export function settleInterrupted(ctx: ServiceContext, packageId: number, webhookHash: string): Promise<DeliveryRow[]> {
  return settleInterruptedRows(ctx.db, packageId, webhookHash);
}

export function markAttemptFailed(ctx: ServiceContext, id: number, error: string): Promise<void> {
  return markAttemptFailedRow(ctx.db, id, error);
}

export function markDelivered(ctx: ServiceContext, id: number): Promise<void> {
  return markDeliveredRow(ctx.db, id);
}

export function markFailed(ctx: ServiceContext, id: number, error: string): Promise<void> {
  return markFailedRow(ctx.db, id, error);
}
