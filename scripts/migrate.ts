/**
 * Applies the committed migrations of the engine DATABASE_URL names (`prisma migrate deploy`
 * with prisma/sqlite or prisma/postgresql), then sets SQLite's WAL mode. Safe to run on
 * every start: already-applied migrations are skipped.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { createDatabase, prepareDatabaseFile } from "../lib/db/client";
import { databaseUrl } from "../lib/db/engine";

export async function migrate(url: string = databaseUrl(), { quiet = false } = {}): Promise<void> {
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
  const database = createDatabase(url);
  try {
    await prepareDatabaseFile(database);
  } finally {
    await database.$disconnect();
  }
}

if (require.main === module) {
  migrate().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
