/**
 * Loading a large board fast (`npm run bench -- --size 1000000`): the engine's own driver
 * (better-sqlite3, pg) on a connection of its own instead of Prisma's, each batch in one
 * transaction that does not wait for the disk, and the secondary indexes of the tables being
 * filled dropped while loading and built once at the end (faster than keeping them up to date
 * row by row). Rows are written with the same multi-row statements as lib/db/bulk-insert.ts.
 *
 * For databases being filled from scratch (seeding, throwaway benchmark databases): a load
 * that is cut off (power loss, kill -9) may leave the database without those indexes or with
 * its last batches lost.
 */
import BetterSqlite3 from "better-sqlite3";
import { Client } from "pg";
import { insertStatements, type Value } from "./bulk-insert";
import { engineOf, sqliteFilePath, type DatabaseEngine } from "./engine";

export type BulkLoader = {
  readonly engine: DatabaseEngine;
  /** Inserts the rows in order and returns their new ids in the same order. */
  insertRowsReturningIds(table: string, columns: readonly string[], rows: readonly Value[][]): Promise<number[]>;
  insertRows(table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void>;
  /** Runs `load` in one transaction. */
  transaction<T>(load: () => Promise<T>): Promise<T>;
  /** Runs `load` with the tables' secondary indexes dropped, and builds them again afterwards (also when it fails). */
  withoutSecondaryIndexes<T>(tables: readonly string[], load: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function openBulkLoader(url: string): Promise<BulkLoader> {
  return engineOf(url) === "sqlite" ? sqliteLoader(url) : postgresLoader(url);
}

function sqliteLoader(url: string): BulkLoader {
  const connection = new BetterSqlite3(sqliteFilePath(url), { timeout: 5_000 });
  connection.pragma("synchronous = OFF");
  connection.pragma("cache_size = -262144"); // 256 MB of page cache while loading
  // Full chunks of a table have the same text: each statement is prepared once (native memory
  // V8 does not see, so unprepared ones would pile up until a late garbage collection).
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = connection.prepare(text);
      // A last, shorter chunk has a text of its own: keep only the few recent ones.
      if (statements.size >= 16) statements.delete(statements.keys().next().value!);
      statements.set(text, statement);
    }
    return statement;
  };
  const loader: BulkLoader = {
    engine: "sqlite",
    async insertRowsReturningIds(table, columns, rows) {
      const ids: number[] = [];
      for (const statement of insertStatements(loader, table, columns, rows, ` RETURNING "id"`)) {
        const returned = prepare(statement.text).all(...statement.values) as { id: number | bigint }[];
        ids.push(...returned.map((row) => Number(row.id)).sort((a, b) => a - b));
      }
      return ids;
    },
    async insertRows(table, columns, rows) {
      for (const statement of insertStatements(loader, table, columns, rows, "")) prepare(statement.text).run(...statement.values);
    },
    async transaction(load) {
      connection.exec("BEGIN");
      try {
        const result = await load();
        connection.exec("COMMIT");
        return result;
      } catch (error) {
        connection.exec("ROLLBACK");
        throw error;
      }
    },
    async withoutSecondaryIndexes(tables, load) {
      const placeholders = tables.map(() => "?").join(", ");
      // Indexes made by CREATE INDEX (those SQLite makes for constraints have no sql and stay).
      const indexes = connection
        .prepare(`SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'index' AND "sql" IS NOT NULL AND "tbl_name" IN (${placeholders})`)
        .all(...tables) as { name: string; sql: string }[];
      for (const index of indexes) connection.exec(`DROP INDEX "${index.name}"`);
      try {
        return await load();
      } finally {
        for (const index of indexes) connection.exec(index.sql);
      }
    },
    async close() {
      connection.close();
    },
  };
  return loader;
}

async function postgresLoader(url: string): Promise<BulkLoader> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '512MB'");
  const loader: BulkLoader = {
    engine: "postgresql",
    async insertRowsReturningIds(table, columns, rows) {
      const ids: number[] = [];
      for (const statement of insertStatements(loader, table, columns, rows, ` RETURNING "id"`)) {
        const returned = await client.query<{ id: number | string }>(statement.text, statement.values);
        ids.push(...returned.rows.map((row) => Number(row.id)).sort((a, b) => a - b));
      }
      return ids;
    },
    async insertRows(table, columns, rows) {
      for (const statement of insertStatements(loader, table, columns, rows, "")) await client.query(statement.text, statement.values);
    },
    async transaction(load) {
      await client.query("BEGIN");
      try {
        const result = await load();
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async withoutSecondaryIndexes(tables, load) {
      // Indexes that back no constraint (primary keys and unique constraints stay).
      const { rows: indexes } = await client.query<{ name: string; definition: string }>(
        `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [tables],
      );
      for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
      try {
        return await load();
      } finally {
        for (const index of indexes) await client.query(index.definition);
      }
    },
    async close() {
      await client.end();
    },
  };
  return loader;
}
