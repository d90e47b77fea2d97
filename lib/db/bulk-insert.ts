/**
 * Multi-row INSERT … RETURNING id, for loading many rows at once (the seed's 100k-article
 * board). Prisma's createMany costs about three times as much per row here, which would
 * push a 100k seed past a minute. The dialect differences (placeholders, how dates and
 * booleans are written) live here and nowhere else.
 */
import type { Database } from "./client";

export type Value = string | number | boolean | Date | null;

/** Both engines cap the parameters of one statement (SQLite 32,766; PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;

/** Only the engine matters here: a Prisma client, or a bulk loader of lib/db/bulk-load.ts. */
type Dialect = Pick<Database, "engine">;

export function encodeValue(database: Dialect, value: Value): string | number | boolean | null {
  if (value instanceof Date) {
    // The forms Prisma itself writes: ISO 8601 text on SQLite, UTC timestamp(3) on PostgreSQL.
    return database.engine === "sqlite"
      ? value.toISOString().replace("Z", "+00:00")
      : value.toISOString().replace("T", " ").replace("Z", "");
  }
  if (typeof value === "boolean" && database.engine === "sqlite") return value ? 1 : 0;
  return value;
}

/** Multi-row INSERT statements for the rows, each within the engines' parameter limits. */
export function* insertStatements(database: Dialect, table: string, columns: readonly string[], rows: readonly Value[][], suffix: string) {
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = columns.map((column) => `"${column}"`).join(", ");
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    let parameter = 0;
    const placeholder = () => (database.engine === "sqlite" ? "?" : `$${++parameter}`);
    const values = chunk.map((row) => `(${row.map(placeholder).join(", ")})`).join(", ");
    yield {
      text: `INSERT INTO "${table}" (${columnList}) VALUES ${values}${suffix}`,
      values: chunk.flatMap((row) => row.map((value) => encodeValue(database, value))),
    };
  }
}

/** Inserts the rows in order and returns their new ids in the same order. */
export async function insertRowsReturningIds(
  database: Database,
  table: string,
  columns: readonly string[],
  rows: readonly Value[][],
): Promise<number[]> {
  const ids: number[] = [];
  for (const statement of insertStatements(database, table, columns, rows, ` RETURNING "id"`)) {
    const returned = await database.$queryRawUnsafe<{ id: number | bigint }[]>(statement.text, ...statement.values);
    // RETURNING lists rows in VALUES order on both engines; sort by id to be independent of it.
    ids.push(...returned.map((row) => Number(row.id)).sort((a, b) => a - b));
  }
  return ids;
}

/** Inserts the rows, for tables without an id of their own. */
export async function insertRows(
  database: Database,
  table: string,
  columns: readonly string[],
  rows: readonly Value[][],
): Promise<void> {
  for (const statement of insertStatements(database, table, columns, rows, "")) {
    await database.$executeRawUnsafe(statement.text, ...statement.values);
  }
}
