/**
 * `npm run restore -- <backup>`: brings back a backup made by `npm run backup`
 * (scripts/backup.ts) into the database DATABASE_URL names, and its pictures into MEDIA_DIR.
 *
 *   npm run restore -- backups/sqlite-20261129T130000Z
 *   npm run restore -- backups/postgresql-20261129T130000Z --yes
 *   npm run restore -- backup.dump --database-url postgresql://… --media-dir /srv/media
 *
 * <backup> is a backup folder, or a bare database.db / *.dump file (then no pictures).
 * The engine must be the backup's: a SQLite backup goes into a `file:` URL, a PostgreSQL dump
 * into a `postgresql://` one (the target database must exist; create it first if need be).
 * A target that already holds users or articles is replaced only with --yes.
 *
 *   SQLite: SQLite's backup API copies the backup into the target file page by page (through
 *           SQLite, so a leftover -wal file of the old database is dealt with, not replayed
 *           over the new one); then `PRAGMA integrity_check` and WAL mode. Stop the server
 *           first: it keeps caches of what it has read.
 *   PostgreSQL: `pg_restore --clean --if-exists --no-owner --single-transaction`: all or nothing.
 *   Pictures: the backup's media/ is copied into MEDIA_DIR (files never change once written,
 *           so files already there are the same and are kept).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Client } from "pg";
import { databaseUrl, engineOf, sqliteFilePath, type DatabaseEngine } from "../lib/db/engine";
import { BACKUP_FILES, copyFolder, describeUrl, libpqUrl, mediaDirectory, sqliteRowCounts, type BackupManifest } from "./backup";

type Source = { engine: DatabaseEngine; databaseFile: string; mediaFolder: string | null };

/** What a backup path holds: a folder from `npm run backup`, or a bare database file. */
export function readBackup(target: string): Source {
  const resolved = path.resolve(target);
  if (!existsSync(resolved)) throw new Error(`${resolved} does not exist`);
  if (statSync(resolved).isDirectory()) {
    const manifestFile = path.join(resolved, "manifest.json");
    const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, "utf8")) as BackupManifest) : null;
    const engine =
      manifest?.engine ??
      (existsSync(path.join(resolved, BACKUP_FILES.sqlite)) ? "sqlite" : existsSync(path.join(resolved, BACKUP_FILES.postgresql)) ? "postgresql" : null);
    if (!engine) throw new Error(`${resolved} holds no ${BACKUP_FILES.sqlite} or ${BACKUP_FILES.postgresql}`);
    const mediaFolder = path.join(resolved, "media");
    return { engine, databaseFile: path.join(resolved, manifest?.database ?? BACKUP_FILES[engine]), mediaFolder: existsSync(mediaFolder) ? mediaFolder : null };
  }
  const header = readFileSync(resolved).subarray(0, 16).toString("latin1");
  if (header.startsWith("SQLite format 3")) return { engine: "sqlite", databaseFile: resolved, mediaFolder: null };
  if (header.startsWith("PGDMP")) return { engine: "postgresql", databaseFile: resolved, mediaFolder: null };
  throw new Error(`${resolved} is neither a SQLite database nor a pg_dump custom-format file`);
}

const COUNTED_TABLES = ["User", "Board", "Post", "Comment", "ViewEvent", "MediaImage"] as const;

/** Rows of the main tables in the target, or null where the table does not exist (yet). */
async function targetCounts(url: string): Promise<Record<string, number | null>> {
  if (engineOf(url) === "sqlite") {
    const file = sqliteFilePath(url);
    if (!existsSync(file)) return Object.fromEntries(COUNTED_TABLES.map((table) => [table, null]));
    const counts = sqliteRowCounts(file);
    return Object.fromEntries(COUNTED_TABLES.map((table) => [table, counts[table] ?? null]));
  }
  const client = new Client({ connectionString: libpqUrl(url) });
  await client.connect();
  try {
    const counts: Record<string, number | null> = {};
    for (const table of COUNTED_TABLES) {
      const exists = await client.query<{ found: string | null }>(`SELECT to_regclass($1) AS found`, [`"${table}"`]);
      counts[table] = exists.rows[0].found ? Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0].n) : null;
    }
    return counts;
  } finally {
    await client.end();
  }
}

const hasData = (counts: Record<string, number | null>) => (counts.User ?? 0) > 0 || (counts.Post ?? 0) > 0;

async function restoreSqlite(backupFile: string, url: string): Promise<void> {
  const target = sqliteFilePath(url);
  mkdirSync(path.dirname(target), { recursive: true });
  const source = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const restored = new BetterSqlite3(target, { fileMustExist: true, timeout: 5_000 });
  try {
    const result = restored.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`the restored database fails PRAGMA integrity_check: ${String(result)}`);
    restored.pragma("journal_mode = WAL");
  } finally {
    restored.close();
  }
}

function restorePostgres(dumpFile: string, url: string): void {
  execFileSync(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${libpqUrl(url)}`, dumpFile],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
}

export type RestoreOptions = { url: string; mediaDir: string | null; yes: boolean; log?: (line: string) => void };

export async function restore(backupPath: string, { url, mediaDir, yes, log = console.log }: RestoreOptions): Promise<Record<string, number | null>> {
  const source = readBackup(backupPath);
  const engine = engineOf(url);
  if (source.engine !== engine) {
    throw new Error(`the backup is ${source.engine}, the target ${describeUrl(url)} is ${engine}: restore into a database of the same engine`);
  }
  const before = await targetCounts(url);
  if (hasData(before) && !yes) {
    throw new RefusedError(
      `${describeUrl(url)} already holds ${before.User ?? 0} users and ${before.Post ?? 0} posts. ` +
        `Restoring replaces them: run again with --yes if that is what you want.`,
    );
  }
  log(`Restoring ${source.engine} backup ${source.databaseFile} into ${describeUrl(url)}${hasData(before) ? " (replacing what it held)" : ""}…`);
  if (engine === "sqlite") await restoreSqlite(source.databaseFile, url);
  else restorePostgres(source.databaseFile, url);
  const after = await targetCounts(url);
  log(`  database: ${COUNTED_TABLES.map((table) => `${after[table] ?? 0} ${table}`).join(", ")}`);
  if (source.mediaFolder && mediaDir) {
    const copied = copyFolder(source.mediaFolder, mediaDir);
    log(`  media: ${copied.files} files copied into ${mediaDir}`);
  } else if (source.mediaFolder) {
    log("  media: skipped (--no-media)");
  } else {
    log("  media: none in this backup");
  }
  return after;
}

export class RefusedError extends Error {}

async function main() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const index = argv.indexOf(name);
    if (index < 0) return undefined;
    const found = argv[index + 1];
    if (!found || found.startsWith("--")) throw new Error(`${name} needs a value`);
    return found;
  };
  const flagsWithValues = new Set(["--database-url", "--media-dir"]);
  const positional = argv.filter((arg, index) => !arg.startsWith("--") && !flagsWithValues.has(argv[index - 1]));
  if (positional.length !== 1) {
    console.error("usage: npm run restore -- <backup folder or file> [--yes] [--database-url <url>] [--media-dir <folder>] [--no-media]");
    process.exit(2);
  }
  const url = value("--database-url") ?? databaseUrl();
  const mediaDir = argv.includes("--no-media") ? null : path.resolve(value("--media-dir") ?? mediaDirectory());
  try {
    await restore(positional[0], { url, mediaDir, yes: argv.includes("--yes") });
    console.log("Restored. Start (or restart) the server: npm start");
  } catch (error) {
    if (error instanceof RefusedError) {
      console.error(`restore refused: ${error.message}`);
      process.exit(3);
    }
    throw error;
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
