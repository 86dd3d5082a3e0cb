// The health verb behind GET /healthz: does the database answer in time?
import { pingDatabase } from '../store/ping.ts';
import type { ServiceContext } from './context.ts';

/** Resolves when the database answers `select 1` within the deadline; rejects otherwise. */
export async function checkDatabase(ctx: ServiceContext, timeoutMs = 2_000): Promise<{ driver: string }> {
  await pingDatabase(ctx.db, timeoutMs);
  return { driver: ctx.database.client.driver };
}
