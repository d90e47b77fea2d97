/**
 * The one place a Prisma client is made. DATABASE_URL picks the engine (lib/db/engine.ts);
 * both generated clients share the same models, so the rest of the code sees one type.
 * The app reaches the database only through lib/data (server-only), which imports `db`
 * from lib/db/index.ts; scripts and tests call createDatabase with a URL of their own.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseUrl, engineOf, sqliteFilePath, type DatabaseEngine } from "./engine";

export type Database = SqliteClient & { readonly engine: DatabaseEngine };

/** How long a SQLite writer waits for the lock before giving up (better-sqlite3's busy timeout). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * The better-sqlite3 adapter, with every connection it opens set to `synchronous = FULL`
 * before its first query. better-sqlite3 builds SQLite with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1
 * (NORMAL): in WAL mode a commit then reaches the OS but is not fsynced, so it survives the
 * process being killed but not a power cut or a kernel crash, and a write the site had already
 * acknowledged (a counted view, a comment, a published article) could be lost. FULL syncs the
 * WAL at every commit; the view recorder's group commit keeps that to one sync per batch.
 */
function durableSqliteAdapter(file: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    await adapter.executeScript("PRAGMA synchronous = FULL");
    return adapter;
  };
  return factory;
}

export function createDatabase(url: string = databaseUrl()): Database {
  const engine = engineOf(url);
  let client: SqliteClient;
  if (engine === "sqlite") {
    const file = sqliteFilePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    client = new SqliteClient({ adapter: durableSqliteAdapter(file) });
  } else {
    // Both generated clients expose the same model API; only the dialect underneath differs.
    client = new PostgresClient({
      adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    }) as unknown as SqliteClient;
  }
  return Object.assign(client, { engine });
}

/**
 * Settings a SQLite database keeps in its file: write-ahead logging, so readers never wait
 * for the writer. Applied by the migrate step; harmless on PostgreSQL.
 */
export async function prepareDatabaseFile(database: Database): Promise<void> {
  if (database.engine !== "sqlite") return;
  await database.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
