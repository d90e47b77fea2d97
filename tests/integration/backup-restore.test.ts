/**
 * `npm run backup` and `npm run restore`, run as a user runs them (tsx scripts/backup.ts …,
 * DATABASE_URL and MEDIA_DIR in the environment), on the engine of this project:
 *   - a backup taken while a writer keeps counting views (the product's ViewRecorder) and adding
 *     comments (comment, search document and commentCount in one transaction) is one commit's
 *     state: it opens (integrity_check on SQLite, pg_restore on PostgreSQL), every counter in it
 *     equals its rows, and it restores into a fresh database that migrations accept and that
 *     takes new rows;
 *   - a backup of a quiet database restores to the same row count in every table and the same
 *     rows, pictures included (byte for byte; half-written temporary files left out);
 *   - restore refuses a target that holds data unless --yes.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { commentSearchDocument } from "@/lib/search/documents";
import { seedDemoSite } from "@/lib/seed/seed-site";
import { ViewRecorder } from "@/lib/views/view-recorder";
import { migrate } from "../../scripts/migrate";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

const engine = (process.env.TEST_ENGINE ?? "sqlite") as DatabaseEngine;
const root = path.join(__dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const run = promisify(execFile);

type Script = { code: number; stdout: string; stderr: string };

/** Runs one of the scripts the way `npm run backup` / `npm run restore` does. */
async function script(name: "backup" | "restore", args: string[], env: Record<string, string>): Promise<Script> {
  try {
    const { stdout, stderr } = await run(tsx, [path.join("scripts", `${name}.ts`), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

type Row = Record<string, unknown>;

/** Rows per table, every table of the schema (FTS5's own tables left out on SQLite). */
async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables =
    database.engine === "sqlite"
      ? (
          await database.$queryRawUnsafe<{ name: string; sql: string }[]>(
            `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
          )
        ).reduce<string[]>((names, table, _index, all) => {
          const virtual = all.filter((other) => other.sql.startsWith("CREATE VIRTUAL TABLE")).map((other) => other.name);
          const isShadow = virtual.some((name) => table.name.startsWith(`${name}_`));
          return table.sql.startsWith("CREATE VIRTUAL TABLE") || isShadow ? names : [...names, table.name];
        }, [])
      : (await database.$queryRawUnsafe<{ tablename: string }[]>(`SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'`)).map(
          (table) => table.tablename,
        );
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const [row] = await database.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Every post whose viewCount or commentCount disagrees with its rows (should be none). */
async function counterMismatches(database: Database): Promise<Row[]> {
  const rows = await database.$queryRawUnsafe<Row[]>(
    `SELECT p."id", p."viewCount", p."commentCount",
       (SELECT COUNT(*) FROM "ViewEvent" e WHERE e."postId" = p."id") AS "events",
       (SELECT COALESCE(SUM(d."views"), 0) FROM "ViewDaily" d WHERE d."postId" = p."id") AS "rolledUp",
       (SELECT COUNT(*) FROM "Comment" c WHERE c."postId" = p."id" AND c."status" = 'visible') AS "visible"
     FROM "Post" p`,
  );
  return rows.filter(
    (row) => Number(row.viewCount) !== Number(row.events) + Number(row.rolledUp) || Number(row.commentCount) !== Number(row.visible),
  );
}

/** Files under a folder with their contents, by relative path. */
function filesOf(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(name);
      else files[name] = readFileSync(path.join(folder, name)).toString("base64");
    }
  };
  walk("");
  return files;
}

/** Keeps writing until stopped: batches of counted views and comments, as the product writes them. */
function startWriter(database: Database, postIds: number[]) {
  const recorder = new ViewRecorder(database);
  let running = true;
  let writes = 0;
  const pick = () => postIds[Math.floor(Math.random() * postIds.length)];
  const loop = (async () => {
    while (running) {
      const day = new Date().toISOString().slice(0, 10);
      await Promise.all(
        Array.from({ length: 20 }, () => recorder.record({ postId: pick(), visitorKey: randomBytes(12).toString("base64url"), bucket: day, at: new Date() })),
      );
      const postId = pick();
      const body = `백업 중에 쓴 댓글 ${randomBytes(4).toString("hex")}`;
      await database.$transaction(async (tx) => {
        const now = new Date();
        const comment = await tx.comment.create({
          data: { postId, body, guestName: "백업", status: "visible", depth: 0, visitorKey: "c:backup-test", createdAt: now, updatedAt: now },
          select: { id: true },
        });
        await tx.commentSearch.create({ data: { commentId: comment.id, postId, ...commentSearchDocument({ body }) } });
        await tx.post.update({ where: { id: postId }, data: { commentCount: { increment: 1 } }, select: { id: true } });
      });
      writes += 21;
    }
  })();
  return {
    get writes() {
      return writes;
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

describe(`backup and restore (${engine})`, () => {
  let source: ThrowawayDatabase;
  let sourceClient: Database;
  let scratch: string;
  let sourceMedia: string;
  const throwaways: ThrowawayDatabase[] = [];
  const clients: Database[] = [];

  async function freshTarget(label: string): Promise<{ database: ThrowawayDatabase; client: () => Database }> {
    const database = await createThrowawayDatabase(engine, { label, migrated: false });
    throwaways.push(database);
    return {
      database,
      client: () => {
        const client = createDatabase(database.url);
        clients.push(client);
        return client;
      },
    };
  }

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "newsroom-backup-test-"));
    source = await createThrowawayDatabase(engine, { label: "backup" });
    sourceClient = createDatabase(source.url);
    await seedDemoSite(sourceClient);
    // Pictures as MEDIA_DIR holds them, and a half-written upload (a temporary file) that must not be copied.
    sourceMedia = path.join(scratch, "media");
    for (const [name, bytes] of [
      ["2026/11/aaaaaaaaaaaaaaaaaaaaaaaa-480.webp", 3000],
      ["2026/11/aaaaaaaaaaaaaaaaaaaaaaaa-960.webp", 9000],
      ["2026/10/bbbbbbbbbbbbbbbbbbbbbbbb-480.webp", 2500],
    ] as const) {
      mkdirSync(path.dirname(path.join(sourceMedia, name)), { recursive: true });
      writeFileSync(path.join(sourceMedia, name), randomBytes(bytes));
    }
    writeFileSync(path.join(sourceMedia, "2026/11/.cccccccccccccccccccccccc-480.webp.0a1b2c.tmp"), randomBytes(100));
  }, 180_000);

  afterAll(async () => {
    for (const client of [sourceClient, ...clients]) await client?.$disconnect().catch(() => undefined);
    for (const database of [source, ...throwaways]) await database?.drop().catch(() => undefined);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("takes a consistent snapshot while a writer keeps writing, and it restores into a working database", async () => {
    const postIds = (await sourceClient.post.findMany({ where: { status: "published" }, select: { id: true }, take: 30 })).map((post) => post.id);
    const writer = startWriter(sourceClient, postIds);
    const folder = path.join(scratch, "under-load");
    let writesDuringBackup = 0;
    try {
      while (writer.writes < 100) await new Promise((resolve) => setTimeout(resolve, 20));
      const before = writer.writes;
      const backup = await script("backup", ["--out", folder], { DATABASE_URL: source.url, MEDIA_DIR: sourceMedia });
      writesDuringBackup = writer.writes - before;
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(`Backup written to ${folder}`);
    } finally {
      await writer.stop();
    }
    // The writer really wrote while the backup ran (the scripts start in a second or more).
    expect(writesDuringBackup).toBeGreaterThan(0);
    expect(readdirSync(folder).sort()).toEqual([engine === "sqlite" ? "database.db" : "database.dump", "manifest.json", "media"].sort());

    const target = await freshTarget("restored");
    const restoredMedia = path.join(scratch, "restored-media");
    const restored = await script("restore", [folder], { DATABASE_URL: target.database.url, MEDIA_DIR: restoredMedia });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("Restoring");

    const client = target.client();
    if (engine === "sqlite") {
      expect(await client.$queryRawUnsafe(`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
      // The manifest counted the snapshot; the restored database holds exactly that.
      const manifest = JSON.parse(readFileSync(path.join(folder, "manifest.json"), "utf8")) as { rows: Record<string, number> };
      expect(await tableCounts(client)).toEqual(manifest.rows);
    }
    // One commit's state: every counter equals its rows although they were being written.
    expect(await counterMismatches(client)).toEqual([]);
    const [restoredCounts, sourceCounts] = [await tableCounts(client), await tableCounts(sourceClient)];
    expect(restoredCounts.ViewEvent).toBeGreaterThan(0);
    expect(restoredCounts.ViewEvent).toBeLessThanOrEqual(sourceCounts.ViewEvent);
    expect(restoredCounts.Comment).toBeLessThanOrEqual(sourceCounts.Comment);
    // The same comments, as far as the snapshot goes.
    const restoredComments = await client.comment.findMany({ select: { id: true, body: true, postId: true }, orderBy: { id: "asc" } });
    const sourceComments = await sourceClient.comment.findMany({
      where: { id: { lte: restoredComments.at(-1)!.id } },
      select: { id: true, body: true, postId: true },
      orderBy: { id: "asc" },
    });
    expect(restoredComments).toEqual(sourceComments);
    expect(filesOf(restoredMedia)).toEqual(filesOf(path.join(folder, "media")));

    // A working database: the migrations see nothing left to do (run as at a deploy, with
    // nothing else connected: the Prisma CLI does not wait for SQLite's lock), and new rows get new ids.
    await client.$disconnect();
    await migrate(target.database.url, { quiet: true });
    const reopened = target.client();
    const post = await reopened.post.findFirstOrThrow({ where: { status: "published" }, select: { id: true } });
    const now = new Date();
    const added = await reopened.comment.create({
      data: { postId: post.id, body: "복원 뒤 첫 댓글", guestName: "복원", status: "visible", depth: 0, createdAt: now, updatedAt: now },
      select: { id: true },
    });
    expect(added.id).toBeGreaterThan(restoredComments.at(-1)!.id);
  }, 180_000);

  it("round-trips a quiet database exactly, pictures included, and refuses to overwrite data without --yes", async () => {
    const folder = path.join(scratch, "quiet");
    const backup = await script("backup", ["--out", folder], { DATABASE_URL: source.url, MEDIA_DIR: sourceMedia });
    expect(backup.code, backup.stderr).toBe(0);
    // The temporary file of an unfinished upload is not part of the backup.
    expect(Object.keys(filesOf(path.join(folder, "media"))).sort()).toEqual([
      "2026/10/bbbbbbbbbbbbbbbbbbbbbbbb-480.webp",
      "2026/11/aaaaaaaaaaaaaaaaaaaaaaaa-480.webp",
      "2026/11/aaaaaaaaaaaaaaaaaaaaaaaa-960.webp",
    ]);

    const target = await freshTarget("roundtrip");
    const restoredMedia = path.join(scratch, "roundtrip-media");
    const restored = await script("restore", [folder], { DATABASE_URL: target.database.url, MEDIA_DIR: restoredMedia });
    expect(restored.code, restored.stderr).toBe(0);

    const client = target.client();
    expect(await tableCounts(client)).toEqual(await tableCounts(sourceClient));
    const postFields = { id: true, title: true, bodyHtml: true, status: true, publishedAt: true, viewCount: true, commentCount: true } as const;
    const firstPosts = { select: postFields, orderBy: { id: "asc" as const }, take: 5 };
    expect(await client.post.findMany(firstPosts)).toEqual(await sourceClient.post.findMany(firstPosts));
    const lastComments = { select: { id: true, body: true, guestName: true, status: true, createdAt: true }, orderBy: { id: "desc" as const }, take: 5 };
    expect(await client.comment.findMany(lastComments)).toEqual(await sourceClient.comment.findMany(lastComments));
    expect(await client.user.findMany({ select: { loginId: true, passwordHash: true, role: true }, orderBy: { id: "asc" } })).toEqual(
      await sourceClient.user.findMany({ select: { loginId: true, passwordHash: true, role: true }, orderBy: { id: "asc" } }),
    );
    const sourceFiles = filesOf(sourceMedia);
    delete sourceFiles["2026/11/.cccccccccccccccccccccccc-480.webp.0a1b2c.tmp"];
    expect(filesOf(restoredMedia)).toEqual(sourceFiles);

    // The target now holds data: a second restore is refused, and nothing is changed…
    const refused = await script("restore", [folder], { DATABASE_URL: target.database.url, MEDIA_DIR: restoredMedia });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("--yes");
    // …unless the operator says yes: then the target is the backup again, whatever it held.
    const post = await client.post.findFirstOrThrow({ select: { id: true } });
    await client.postTag.deleteMany({ where: { postId: post.id } });
    await client.post.update({ where: { id: post.id }, data: { title: "복원 전에 바꾼 제목" } });
    await client.$disconnect();
    const replaced = await script("restore", [folder, "--yes"], { DATABASE_URL: target.database.url, MEDIA_DIR: restoredMedia });
    expect(replaced.code, replaced.stderr).toBe(0);
    const again = target.client();
    expect((await again.post.findUniqueOrThrow({ where: { id: post.id }, select: { title: true } })).title).toBe(
      (await sourceClient.post.findUniqueOrThrow({ where: { id: post.id }, select: { title: true } })).title,
    );
    expect(await tableCounts(again)).toEqual(await tableCounts(sourceClient));
  }, 180_000);
});
