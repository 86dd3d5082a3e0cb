import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * `column in (the given texts)` with the texts as ONE JSON parameter: a parameter per value hit
 * drivers' limits and cost drizzle milliseconds to build, for lists of hashes or paths thousands long.
 */
export const amongTexts = (column: AnyColumn | SQL, values: readonly string[]) => sql`${column} in (select json_array_elements_text(${JSON.stringify(values)}::json))`;
