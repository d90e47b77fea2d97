/**
 * `npm run backup`: a consistent snapshot of the database DATABASE_URL names, and of the
 * uploaded pictures (MEDIA_DIR), taken while the site keeps running.
 *
 *   npm run backup                          → ./backups/<engine>-<UTC timestamp>/
 *   npm run backup -- --out /mnt/backups/tonight
 *
 * A backup is a folder:
 *   database.db      SQLite: SQLite's online backup API (better-sqlite3 `db.backup`), copying
 *                    every page in one step, i.e. inside one read transaction: in WAL mode the
 *                    server's writers are not blocked and the copy is the database as of one
 *                    commit. Checked with `PRAGMA integrity_check` before it is kept, and
 *                    kept in rollback-journal mode: one self-contained file.
 *   database.dump    PostgreSQL: `pg_dump --format=custom`, which reads everything in one
 *                    repeatable-read snapshot (one commit's state) without blocking writers.
 *   media/           a copy of MEDIA_DIR, taken after the database snapshot. A picture's files
 *                    are written (atomically) before its MediaImage row and never change
 *                    afterwards, so every picture the snapshot knows has its files here; files
 *                    uploaded after the snapshot may be too, unreferenced and harmless.
 *   manifest.json    what the folder holds (engine, time, row counts on SQLite, media files).
 * `npm run restore -- <folder>` brings it back (scripts/restore.ts).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { databaseUrl, engineOf, sqliteFilePath, type DatabaseEngine } from "../lib/db/engine";

export const BACKUP_FILES = { sqlite: "database.db", postgresql: "database.dump" } as const satisfies Record<DatabaseEngine, string>;

export type BackupManifest = {
  engine: DatabaseEngine;
  createdAt: string;
  database: string;
  /** Rows per table in the snapshot (SQLite; a PostgreSQL dump is counted when restored). */
  rows: Record<string, number> | null;
  media: { files: number; bytes: number } | null;
};

/** MEDIA_DIR as the app resolves it (lib/media/media-store.ts mediaDir). */
export function mediaDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(process.cwd(), env.MEDIA_DIR || "./data/media");
}

/** A libpq connection string from a DATABASE_URL: Prisma's own query parameters (schema, …) are not libpq's. */
export function libpqUrl(url: string): string {
  const parsed = new URL(url);
  for (const key of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"]) {
    parsed.searchParams.delete(key);
  }
  return parsed.toString();
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  if (engineOf(url) === "sqlite") return sqliteFilePath(url);
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** Copies a folder's files (not temporary ones: `.name.tmp`), keeping its layout. Returns files and bytes copied. */
export function copyFolder(from: string, to: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(from, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile() && !(entry.name.startsWith(".") && entry.name.endsWith(".tmp"))) {
        mkdirSync(path.join(to, relative), { recursive: true });
        copyFileSync(path.join(from, name), path.join(to, name));
        files++;
        bytes += statSync(path.join(from, name)).size;
      }
    }
  };
  mkdirSync(to, { recursive: true });
  if (existsSync(from)) walk("");
  return { files, bytes };
}

/** Rows per table of a SQLite file (FTS5 shadow tables left out). */
export function sqliteRowCounts(file: string): Record<string, number> {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
      .all() as { name: string }[];
    const shadow = new Set(
      (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).all() as { name: string }[]).flatMap(
        ({ name }) => ["data", "idx", "content", "docsize", "config"].map((suffix) => `${name}_${suffix}`),
      ),
    );
    return Object.fromEntries(
      tables
        .filter(({ name }) => !shadow.has(name))
        .map(({ name }) => [name, Number((sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n)]),
    );
  } finally {
    sqlite.close();
  }
}

/** SQLite: the online backup API, all pages in one step (one read transaction, so one commit's state). */
async function backupSqlite(url: string, target: string): Promise<void> {
  const source = new BetterSqlite3(sqliteFilePath(url), { fileMustExist: true, timeout: 5_000 });
  try {
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new BetterSqlite3(target, { fileMustExist: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`the copy fails PRAGMA integrity_check: ${String(result)}`);
    // One self-contained file (no -wal beside it); restore turns WAL mode back on.
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/** PostgreSQL: pg_dump's custom format (compressed; pg_restore reads it). */
function backupPostgres(url: string, target: string): void {
  execFileSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${target}`, `--dbname=${libpqUrl(url)}`], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

export async function backup({ url = databaseUrl(), out, media = true }: { url?: string; out?: string; media?: boolean } = {}): Promise<{ folder: string; manifest: BackupManifest }> {
  const engine = engineOf(url);
  const folder = path.resolve(out ?? path.join("backups", `${engine}-${timestamp()}`));
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new Error(`${folder} is not empty: pick another --out`);
  mkdirSync(folder, { recursive: true });
  const databaseFile = path.join(folder, BACKUP_FILES[engine]);
  const createdAt = new Date().toISOString();
  if (engine === "sqlite") await backupSqlite(url, databaseFile);
  else backupPostgres(url, databaseFile);
  // After the database: every picture the snapshot references was on disk before its row.
  const mediaCopy = media ? copyFolder(mediaDirectory(), path.join(folder, "media")) : null;
  const manifest: BackupManifest = {
    engine,
    createdAt,
    database: BACKUP_FILES[engine],
    rows: engine === "sqlite" ? sqliteRowCounts(databaseFile) : null,
    media: mediaCopy,
  };
  writeFileSync(path.join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, manifest };
}

async function main() {
  const argv = process.argv.slice(2);
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !out) throw new Error("--out needs a folder");
  const url = databaseUrl();
  const started = Date.now();
  console.log(`Backing up ${engineOf(url)} database ${describeUrl(url)}…`);
  const { folder, manifest } = await backup({ url, out, media: !argv.includes("--no-media") });
  const size = statSync(path.join(folder, manifest.database)).size;
  console.log(`  ${manifest.database}: ${(size / 1024 / 1024).toFixed(1)} MB${manifest.rows ? `, integrity_check ok, ${manifest.rows.Post ?? 0} posts, ${manifest.rows.Comment ?? 0} comments` : ""}`);
  if (manifest.media) console.log(`  media/: ${manifest.media.files} files (${(manifest.media.bytes / 1024 / 1024).toFixed(1)} MB) from ${mediaDirectory()}`);
  console.log(`Backup written to ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s. Restore it with: npm run restore -- ${path.relative(process.cwd(), folder).startsWith("..") ? folder : path.relative(process.cwd(), folder)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`backup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
