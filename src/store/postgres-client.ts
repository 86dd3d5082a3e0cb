// What every postgres.js client of docdelta's is made with.
//
// - Notices (a "relation already exists, skipping" from the migrations) are not the user's business.
// - No fetching of array types. postgres.js (3.4.9) asks each new connection for them, from a
//   handler that drops the query's promise: when the connection is destroyed meanwhile (the embedded
//   server stopping while a client connects, which the client then retries), that promise's
//   rejection was unhandled and ended the process. docdelta reads no array back and sends arrays as
//   text literals, so the types are never needed; and each connection is a round trip quicker.
//   One catch, in the same version: without that query, a connection opened *for* `reserve()` is
//   never handed to it, so a reserve on a pool with nothing open waits for ever (or for another
//   connection to come free). `reserveOpened` opens connections with plain queries first.
import type { ReservedSql, Sql } from 'postgres';

export const CLIENT_OPTIONS = { onnotice: () => {}, fetch_types: false } as const;

/**
 * A reserved connection of a client made with CLIENT_OPTIONS: `open` connections are opened first,
 * at once, by plain queries (each a backend start and a password exchange), and one of them is
 * reserved.
 */
export async function reserveOpened(sql: Sql, open = 1): Promise<ReservedSql> {
  await Promise.all(Array.from({ length: open }, () => sql`select 1`));
  return sql.reserve();
}
