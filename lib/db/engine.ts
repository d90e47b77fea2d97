/**
 * Which database engine a DATABASE_URL names. The one place that decides it:
 * `file:…` is the embedded SQLite default, `postgres://…` / `postgresql://…` is PostgreSQL.
 * Imported by the app, the Prisma CLI config and the scripts alike (no server-only here).
 */
import path from "node:path";

export type DatabaseEngine = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/news.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

export function engineOf(url: string): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

/** The SQLite file a `file:` URL points at, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
