import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import { openBulkLoader } from "@/lib/db/bulk-load";
import type { DatabaseEngine } from "@/lib/db/engine";
import { seedDemoSite } from "@/lib/seed/seed-site";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

/**
 * The bulk loader `npm run bench` seeds a million articles with (lib/db/bulk-load.ts) writes
 * the same site as the Prisma client does, and leaves every index as the migrations made it.
 */
const POSTS = 3_000;

let viaPrisma: { scratch: ThrowawayDatabase; database: Database };
let viaLoader: { scratch: ThrowawayDatabase; database: Database };

async function seeded(engine: DatabaseEngine, bulk: boolean) {
  const scratch = await createThrowawayDatabase(engine, { label: bulk ? "bulkload" : "seed" });
  const database = createDatabase(scratch.url);
  const loader = bulk ? await openBulkLoader(scratch.url) : undefined;
  try {
    await seedDemoSite(database, { posts: POSTS, loader });
  } finally {
    await loader?.close();
  }
  return { scratch, database };
}

beforeAll(async () => {
  const engine: DatabaseEngine = new URL(inject("databaseUrl")).protocol === "file:" ? "sqlite" : "postgresql";
  [viaPrisma, viaLoader] = await Promise.all([seeded(engine, false), seeded(engine, true)]);
}, 300_000);

afterAll(async () => {
  for (const seed of [viaPrisma, viaLoader]) {
    await seed?.database.$disconnect();
    await seed?.scratch.drop();
  }
});

/** Everything but ids (each database numbers its rows itself), in id order. */
async function site(database: Database) {
  const posts = await database.post.findMany({
    orderBy: { id: "asc" },
    select: {
      title: true, bodyHtml: true, publishedAt: true, viewCount: true, commentCount: true, isNotice: true, status: true,
      author: { select: { loginId: true } }, category: { select: { slug: true } },
      searchText: { select: { titleTokens: true, bodyTokens: true } },
      comments: { orderBy: { id: "asc" }, select: { body: true, depth: true, guestName: true, createdAt: true, parent: { select: { body: true } } } },
    },
  });
  const viewDays = await database.viewDaily.findMany({ orderBy: { postId: "asc" }, select: { day: true, views: true } });
  const commentSearch = await database.commentSearch.findMany({ orderBy: { commentId: "asc" }, select: { bodyTokens: true } });
  return { posts, viewDays, commentSearch };
}

/** Every index and how it is defined. */
async function indexes(database: Database): Promise<{ name: string; definition: string | null }[]> {
  return database.engine === "sqlite"
    ? database.$queryRawUnsafe(`SELECT "name", "sql" AS "definition" FROM sqlite_master WHERE "type" = 'index' ORDER BY "name"`)
    : database.$queryRawUnsafe(
        `SELECT indexname::text AS "name", replace(indexdef, current_schema() || '.', '') AS "definition" FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`,
      );
}

describe("seeding through the bulk loader", () => {
  it("writes the same articles, search documents, comments and view history", async () => {
    const [expected, actual] = await Promise.all([site(viaPrisma.database), site(viaLoader.database)]);
    expect(actual.posts.length).toBe(POSTS + 3);
    expect(actual).toEqual(expected);
  });

  it("leaves every index in place", async () => {
    expect(await indexes(viaLoader.database)).toEqual(await indexes(viaPrisma.database));
  });

  it("finds the articles through the full-text index", async () => {
    const count = async (database: Database) =>
      database.engine === "sqlite"
        ? Number((await database.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*) AS n FROM "post_search_fts" WHERE "post_search_fts" MATCH '"뿌리 리산 산업"'`))[0].n)
        : Number((await database.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "PostSearch" WHERE "document_fts" @@ phraseto_tsquery('simple', '뿌리 리산 산업')`))[0].n);
    expect(await count(viaLoader.database)).toBeGreaterThan(0);
    expect(await count(viaLoader.database)).toBe(await count(viaPrisma.database));
  });
});
