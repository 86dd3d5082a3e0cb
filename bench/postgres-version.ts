import postgres from 'postgres';

/** The server's own version string (`PostgreSQL 15.18 …`), for the report. */
export async function postgresVersion(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`select version() as version`;
    return row?.version.split(' on ')[0] ?? null;
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
