// `select 1` with a deadline, for the health check: a hung database makes /healthz fail fast
// instead of hanging the probe.
import { sql } from 'drizzle-orm';
import type { Db } from './database.ts';

export async function pingDatabase(db: Db, timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.execute(sql`select 1`), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
