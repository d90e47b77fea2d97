/**
 * Prisma CLI configuration. DATABASE_URL picks the engine, and with it the schema and the
 * migrations folder (prisma/sqlite or prisma/postgresql). The CLI runs with its JS schema
 * engine through a driver adapter, so it never downloads an engine binary.
 */
import path from "node:path";
import { mkdirSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
// The PostgreSQL adapter of the 6.19 line cannot read the catalog's `name` type that the
// schema engine queries; the 7.x adapter can, so the CLI (and only the CLI) uses it.
import { PrismaPg } from "pg-adapter-for-migrate";
import { databaseUrl, engineOf, sqliteFilePath } from "./lib/db/engine";

const url = databaseUrl();
const engine = engineOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", engine, "schema.prisma"),
  migrations: { path: path.join("prisma", engine, "migrations") },
  async adapter() {
    if (engine === "sqlite") {
      const file = sqliteFilePath(url);
      mkdirSync(path.dirname(file), { recursive: true });
      return new PrismaBetterSQLite3({ url: file });
    }
    // allowExitOnIdle: the CLI exits as soon as it is done instead of waiting out idle clients.
    return new PrismaPg({ connectionString: url, allowExitOnIdle: true, idleTimeoutMillis: 50 });
  },
});
