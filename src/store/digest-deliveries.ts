// digest_deliveries: one row per (package, version range, webhook). The row is written as
// `pending` before the message is posted and becomes `delivered` after Slack says ok, so a
// delivered range is never posted again; a `failed` one is claimed again by the next run.
//
// Each attempt marks the row "in flight" just before the request leaves and replaces the mark with
// Slack's answer when one comes. A row still marked in flight when a later run looks at it belongs
// to a process that stopped mid-request or right after Slack said ok: whether the message was
// posted is unknown, and it is not posted again (see run-digest.ts for why).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { digestDeliveries, packages } from './schema/index.ts';

export type DeliveryRow = typeof digestDeliveries.$inferSelect;

const UNKNOWN = 'outcome unknown:';
const NO_ANSWER_YET = 'no answer recorded yet';

/** A row whose message may or may not have reached Slack: in flight now, or left so by a stopped process. */
export function isOutcomeUnknown(row: Pick<DeliveryRow, 'status' | 'lastError'>): boolean {
  return row.status === 'pending' && (row.lastError ?? '').startsWith(UNKNOWN);
}

export interface RangeKey {
  packageId: number;
  fromVersion: string;
  toVersion: string;
  webhookHash: string;
}

export async function listDeliveries(db: Db, packageId: number, webhookHash: string): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.packageId, packageId), eq(digestDeliveries.webhookHash, webhookHash)));
}

export type Claim = { claimed: true; row: DeliveryRow } | { claimed: false; row: DeliveryRow };

/**
 * Makes the range's row `pending` for this run: a new row, or a failed one (or a pending one whose
 * last attempt got a definite answer) taken over. A delivered or in-flight row is left alone.
 * Runs hold the digest job lock, and the updates are conditional all the same.
 */
export async function claimRange(db: Db, key: RangeKey): Promise<Claim> {
  const [inserted] = await db
    .insert(digestDeliveries)
    .values({ ...key, status: 'pending', attempts: 0 })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { claimed: true, row: inserted };
  const [existing] = await db
    .select()
    .from(digestDeliveries)
    .where(
      and(
        eq(digestDeliveries.packageId, key.packageId),
        eq(digestDeliveries.fromVersion, key.fromVersion),
        eq(digestDeliveries.toVersion, key.toVersion),
        eq(digestDeliveries.webhookHash, key.webhookHash),
      ),
    );
  if (!existing) throw new Error('digest delivery row vanished after a conflicting insert');
  if (existing.status === 'delivered' || isOutcomeUnknown(existing)) return { claimed: false, row: existing };
  const [taken] = await db
    .update(digestDeliveries)
    .set({ status: 'pending' })
    .where(and(eq(digestDeliveries.id, existing.id), eq(digestDeliveries.status, existing.status)))
    .returning();
  return taken ? { claimed: true, row: taken } : { claimed: false, row: existing };
}

export async function markAttemptStarting(db: Db, id: number, attempt: number): Promise<void> {
  await db
    .update(digestDeliveries)
    .set({ attempts: sql`${digestDeliveries.attempts} + 1`, lastError: `${UNKNOWN} attempt ${attempt} sent at ${new Date().toISOString()}, ${NO_ANSWER_YET}` })
    .where(eq(digestDeliveries.id, id));
}

/**
 * Rows left `pending` by a run that stopped (crash, kill) — only call while holding the digest job
 * lock, when no other run can be posting. A row in flight becomes a settled "outcome unknown" and
 * is reported once; a row that never got an attempt, or whose last attempt got a definite answer,
 * becomes `failed`, which the next range covers again.
 */
export async function settleInterrupted(db: Db, packageId: number, webhookHash: string): Promise<DeliveryRow[]> {
  const stale = (await listDeliveries(db, packageId, webhookHash)).filter((row) => row.status === 'pending');
  const settled: DeliveryRow[] = [];
  for (const row of stale) {
    if (isOutcomeUnknown(row) && !(row.lastError ?? '').endsWith(NO_ANSWER_YET)) continue;
    const lastError = isOutcomeUnknown(row)
      ? `${UNKNOWN} attempt ${row.attempts} was sent and the process stopped before Slack's answer was recorded; not sent again, to avoid a duplicate post (delete this row to send it again)`
      : `interrupted before delivery${row.lastError ? ` (last: ${row.lastError})` : ''}`;
    const status = isOutcomeUnknown(row) ? 'pending' : 'failed';
    const [updated] = await db
      .update(digestDeliveries)
      .set({ status, lastError })
      .where(and(eq(digestDeliveries.id, row.id), eq(digestDeliveries.status, 'pending')))
      .returning();
    if (updated) settled.push(updated);
  }
  return settled;
}

export async function markAttemptFailed(db: Db, id: number, error: string): Promise<void> {
  await db.update(digestDeliveries).set({ lastError: error }).where(eq(digestDeliveries.id, id));
}

export async function markDelivered(db: Db, id: number): Promise<void> {
  await db
    .update(digestDeliveries)
    .set({ status: 'delivered', lastError: null, deliveredAt: sql`now()` })
    .where(eq(digestDeliveries.id, id));
}

export async function markFailed(db: Db, id: number, error: string): Promise<void> {
  await db.update(digestDeliveries).set({ status: 'failed', lastError: error }).where(eq(digestDeliveries.id, id));
}

export interface DeliveryListing {
  id: number;
  package: string;
  from: string;
  to: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** Recent deliveries for GET /jobs, newest first; the webhook hash is not part of it. */
export async function listRecentDeliveries(db: Db, limit: number): Promise<DeliveryListing[]> {
  return db
    .select({
      id: digestDeliveries.id,
      package: packages.name,
      from: digestDeliveries.fromVersion,
      to: digestDeliveries.toVersion,
      status: digestDeliveries.status,
      attempts: digestDeliveries.attempts,
      lastError: digestDeliveries.lastError,
      createdAt: digestDeliveries.createdAt,
      deliveredAt: digestDeliveries.deliveredAt,
    })
    .from(digestDeliveries)
    .innerJoin(packages, eq(packages.id, digestDeliveries.packageId))
    .orderBy(desc(digestDeliveries.createdAt), desc(digestDeliveries.id))
    .limit(limit);
}
