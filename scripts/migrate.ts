/**
 * Applies the committed migrations of the engine DATABASE_URL names (`prisma migrate deploy`
 * with prisma/sqlite or prisma/postgresql), then sets SQLite's WAL mode. Safe to run on
 * every start: already-applied migrations are skipped.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { createDatabase, prepareDatabaseFile } from "../lib/db/client";
import { databaseUrl, engineOf, sqliteFilePath } from "../lib/db/engine";

export async function migrate(url: string = databaseUrl(), { quiet = false } = {}): Promise<void> {
  try {
    execFileSync(path.join(__dirname, "..", "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: path.join(__dirname, ".."),
      stdio: quiet ? "pipe" : "inherit",
      env: {
        ...process.env,
        DATABASE_URL: url,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        // One deployer at a time is our own rule; the lock only adds a 10 s wait here.
        PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK: "1",
      },
    });
  } catch (error) {
    if (engineOf(url) === "sqlite" && isOpenElsewhere(sqliteFilePath(url))) {
      throw new Error(
        `The SQLite database ${sqliteFilePath(url)} is open in another process (a server still running?). ` +
          "Prisma's migrate needs the file to itself, even with nothing to apply: stop that process, then run this again.",
      );
    }
    throw error;
  }
  const database = createDatabase(url);
  try {
    await prepareDatabaseFile(database);
  } finally {
    await database.$disconnect();
  }
}

/**
 * True when another process has the SQLite file open. Prisma's schema engine takes SQLite's
 * exclusive locking mode (its lock against a second deployer), which in WAL mode waits for
 * every other connection to close: while a server runs on the file it gives up after 5 s with
 * an error that names no cause ("unknown variant `SocketTimeout`"). This asks for the same lock.
 */
function isOpenElsewhere(file: string): boolean {
  let connection: BetterSqlite3.Database | undefined;
  try {
    connection = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 });
    connection.pragma("locking_mode = EXCLUSIVE");
    connection.exec("BEGIN EXCLUSIVE; ROLLBACK");
    return false;
  } catch (error) {
    return (error as { code?: string }).code === "SQLITE_BUSY";
  } finally {
    connection?.close();
  }
}

if (require.main === module) {
  migrate().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
