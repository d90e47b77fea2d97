/**
 * A database of its own for one test run: a SQLite file in a temporary folder, or a
 * PostgreSQL database created on TEST_POSTGRES_URL's server, migrated with the committed
 * migrations (prisma migrate deploy) and dropped afterwards. Never an existing database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { DatabaseEngine } from "../../lib/db/engine";
import { migrate } from "../../scripts/migrate";

export type ThrowawayDatabase = { url: string; engine: DatabaseEngine; drop: () => Promise<void> };

export async function createThrowawayDatabase(
  engine: DatabaseEngine,
  { label = "test", migrated = true }: { label?: string; migrated?: boolean } = {},
): Promise<ThrowawayDatabase> {
  const name = `newsroom_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  if (engine === "sqlite") {
    const folder = mkdtempSync(path.join(os.tmpdir(), "newsroom-"));
    const url = `file:${path.join(folder, `${name}.db`)}`;
    if (migrated) await migrate(url, { quiet: true });
    return { url, engine, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) throw new Error("TEST_POSTGRES_URL is not set");
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (migrated) await migrate(url.toString(), { quiet: true });
  return {
    url: url.toString(),
    engine,
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
