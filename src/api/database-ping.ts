// The only query src/api runs itself: `select 1` for the health check, with a deadline so a hung
// database makes /healthz fail fast instead of hanging the probe.
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../services/context.ts';

export async function pingDatabase(ctx: ServiceContext, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([ctx.db.execute(sql`select 1`), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
