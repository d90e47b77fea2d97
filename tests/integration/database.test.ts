import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import { db } from "@/lib/db";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

const root = path.join(__dirname, "..", "..");
const sqlite = db.engine === "sqlite";

async function rows<T = Record<string, unknown>>(database: Database, sql: string): Promise<T[]> {
  return database.$queryRawUnsafe<T[]>(sql);
}

describe.runIf(sqlite)("SQLite settings", () => {
  it("runs in WAL mode with a busy timeout", async () => {
    expect(await rows(db, "PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    const [timeout] = await rows<{ timeout: bigint }>(db, "PRAGMA busy_timeout");
    expect(Number(timeout.timeout)).toBeGreaterThanOrEqual(5000);
  });

  it("syncs every commit to disk (synchronous = FULL), so an acknowledged write survives a power cut", async () => {
    // better-sqlite3's build defaults WAL connections to NORMAL (1); lib/db/client.ts sets FULL (2).
    const [setting] = await rows<{ synchronous: bigint }>(db, "PRAGMA synchronous");
    expect(Number(setting.synchronous)).toBe(2);
  });
});

describe("list queries read an index in list order", () => {
  const board = async () => (await db.board.findFirstOrThrow({ select: { id: true } })).id;
  const listSql = (boardId: number, column: string, order: string) =>
    `SELECT "id", "title" FROM "Post" WHERE "boardId" = ${boardId} AND "status" = 'published' AND "isNotice" = ${sqlite ? 0 : "false"} ` +
    `ORDER BY "${column}" ${order}, "id" ${order} LIMIT 20 OFFSET 540`;

  it.each([
    ["publishedAt", "Post_list_by_date"],
    ["title", "Post_list_by_title"],
    ["viewCount", "Post_list_by_views"],
    ["commentCount", "Post_list_by_comments"],
  ])("ORDER BY %s uses %s and sorts nothing", async (column, index) => {
    const boardId = await board();
    for (const order of ["ASC", "DESC"]) {
      if (sqlite) {
        const plan = (await rows<{ detail: string }>(db, `EXPLAIN QUERY PLAN ${listSql(boardId, column, order)}`)).map((row) => row.detail).join("\n");
        expect(plan).toContain(`INDEX ${index}`);
        expect(plan).not.toMatch(/TEMP B-TREE|SCAN "?Post"?\s*$/m);
      } else {
        // The demo table is small enough that PostgreSQL would rather scan and sort it. Making
        // scans and sorts prohibitively expensive shows whether the index alone can serve the order.
        await db.$executeRawUnsafe('ANALYZE "Post"');
        const plan = await db.$transaction(async (tx) => {
          for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"]) {
            await tx.$executeRawUnsafe(`SET LOCAL ${setting} = off`);
          }
          const [row] = await tx.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${listSql(boardId, column, order)}`);
          return JSON.stringify(row["QUERY PLAN"]);
        });
        expect(plan).toContain(`"Index Name":"${index}"`);
        expect(plan).not.toContain('"Node Type":"Sort"');
      }
    }
  });
});

describe("committed migrations", () => {
  let pushed: ThrowawayDatabase | undefined;
  afterAll(() => pushed?.drop());

  /**
   * Tables, columns and indexes as the engine's catalog describes them (columns by name: a
   * column added by a later migration comes last in the table). The full-text search
   * objects (tables, columns and indexes named `…_fts`) are written by hand in the migrations,
   * not by Prisma; the search tests check them.
   */
  async function catalog(database: Database): Promise<unknown> {
    if (database.engine === "sqlite") {
      const tables = await rows<{ name: string }>(database, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' ORDER BY name`);
      const result: Record<string, unknown> = {};
      for (const { name } of tables) {
        result[name] = {
          columns: await rows(database, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('${name}') ORDER BY name`),
          indexes: await rows(database, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '${name}' ORDER BY name`),
        };
      }
      return result;
    }
    return {
      columns: await rows(database, `SELECT table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND table_name NOT LIKE '%\\_fts' AND column_name NOT LIKE '%\\_fts' ORDER BY table_name, column_name`),
      indexes: await rows(database, `SELECT tablename::text, indexname::text, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND tablename NOT LIKE '%\\_fts' AND indexname NOT LIKE '%\\_fts' ORDER BY indexname`),
    };
  }

  it("build exactly the schema prisma/models.prisma describes", async () => {
    // The schema as Prisma would create it from the models today, applied to an empty database.
    pushed = await createThrowawayDatabase(db.engine, { label: "fresh", migrated: false });
    const schemaFile = path.join(root, "prisma", db.engine, "schema.prisma");
    const script = execFileSync(
      path.join(root, "node_modules", ".bin", "prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"],
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: pushed.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
    );
    const fromSchema = createDatabase(pushed.url);
    try {
      for (const statement of script.split(/;\s*$/m).map((part) => part.replace(/^--.*$/gm, "").trim()).filter(Boolean)) {
        await fromSchema.$executeRawUnsafe(statement);
      }
      expect(await catalog(db)).toEqual(await catalog(fromSchema));
    } finally {
      await fromSchema.$disconnect();
    }
  });
});
