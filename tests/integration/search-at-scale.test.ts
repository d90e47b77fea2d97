import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { SearchTarget } from "@/lib/board/list-state";
import { createDatabase, type Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { countedListRows, FEW_MATCHES, listCount, listPageIds, SEARCH_RESULT_LIMIT, searchMatchesUpTo, type ListFilter } from "@/lib/data/list-query";
import { commentSearchDocument, postSearchDocument } from "@/lib/search/documents";
import { parseKeyword } from "@/lib/search/tokens";
import { seedDemoSite } from "@/lib/seed/seed-site";
import { explain, scansTable, type Plan } from "../support/query-plans";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

/**
 * Search at newsroom scale: 100,000 articles, where a plan that reads every post would show.
 * The planners choose on real statistics here (nothing is switched off), and every search
 * must come from the full-text indexes: no scan of the posts, and no LIKE over their text.
 */
const POSTS = 100_000;
const RARE_WORD = "가람뫼빛누리센터";
const RARE_COMMENT_WORD = "늘솔길마루";

let scratch: ThrowawayDatabase;
let database: Database;
let boardId: number;
let rarePostId: number;

beforeAll(async () => {
  const engine = new URL(inject("databaseUrl")).protocol === "file:" ? "sqlite" : "postgresql";
  scratch = await createThrowawayDatabase(engine as DatabaseEngine, { label: "scale" });
  database = createDatabase(scratch.url);
  await seedDemoSite(database, { posts: POSTS });
  const board = await database.board.findFirstOrThrow({ select: { id: true } });
  boardId = board.id;
  const author = await database.user.findFirstOrThrow({ select: { id: true } });
  const title = `${RARE_WORD} 개소식 열려`;
  const bodyHtml = "<p>지역 청년을 위한 공간이 문을 열었다.</p>";
  const post = await database.post.create({
    data: { boardId, authorId: author.id, title, bodyHtml, status: "published", publishedAt: new Date("2020-03-03T03:00:00Z"), commentCount: 1, searchText: { create: postSearchDocument({ title, bodyHtml }) } },
  });
  rarePostId = post.id;
  const comment = await database.comment.create({ data: { postId: post.id, guestName: "독자", body: `${RARE_COMMENT_WORD} 주민으로서 반갑습니다.` } });
  await database.commentSearch.create({ data: { commentId: comment.id, postId: post.id, ...commentSearchDocument(comment) } });
  // As autovacuum leaves a table: statistics, and the visibility map index-only scans rely on.
  if (engine === "postgresql") await database.$executeRawUnsafe("VACUUM (ANALYZE)");
}, 900_000);

afterAll(async () => {
  await database?.$disconnect();
  await scratch?.drop();
});

/** The filter the data layer would build: drive chosen by the number of matches, as resolveList does. */
async function searchFilter(target: SearchTarget, keyword: string): Promise<{ filter: ListFilter; total: number }> {
  const parsed = parseKeyword(keyword);
  if (!parsed.ok) throw new Error(parsed.message);
  const filter: ListFilter = { boardId, categoryId: null, search: { target, keyword, terms: parsed.terms, drive: "matches" } };
  const [row] = await database.$queryRaw<{ count: number | bigint }[]>(listCount(database.engine, filter));
  const total = Number(row.count);
  return { filter: total > FEW_MATCHES ? { ...filter, search: { ...filter.search!, drive: "list" } } : filter, total };
}

const FULL_TEXT_INDEX: Record<SearchTarget, { sqlite: string; postgresql: string } | null> = {
  title_content: { sqlite: "post_search_fts", postgresql: "PostSearch_fts" },
  title: { sqlite: "post_search_fts", postgresql: "post_title_fts_index" },
  content: { sqlite: "post_search_fts", postgresql: "PostSearch_fts" },
  comment: { sqlite: "comment_search_fts", postgresql: "CommentSearch_fts" },
  author: null,
};

describe(`search over ${POSTS.toLocaleString("en")} articles`, () => {
  it.each<[SearchTarget, string]>([
    ["title_content", RARE_WORD],
    ["title", "뫼빛누리"],
    ["content", "뿌리산업"],
    ["comment", RARE_COMMENT_WORD],
  ])("a rare %s match (%j) is read off the full-text index, for the page and its count", async (target, keyword) => {
    const { filter, total } = await searchFilter(target, keyword);
    expect(total).toBeLessThanOrEqual(FEW_MATCHES);
    const [page] = await Promise.all([database.$queryRaw<{ id: number | bigint }[]>(listPageIds(database.engine, filter, { sort: "number", order: "desc" }, 20, 0))]);
    if (target !== "content") expect(page.map((row) => Number(row.id))).toContain(rarePostId);

    const index = FULL_TEXT_INDEX[target]!;
    for (const query of [listPageIds(database.engine, filter, { sort: "number", order: "desc" }, 20, 0), listCount(database.engine, filter)]) {
      const plan = await explain(database, query);
      expect(scansTable(plan, "p", "Post")).toBe(false);
      expect(plan.text).not.toMatch(/LIKE/i);
      if (database.engine === "sqlite") {
        expect(plan.text).toContain(`SCAN ${index.sqlite} VIRTUAL TABLE INDEX`);
        expect(plan.text).toContain("SEARCH p USING INTEGER PRIMARY KEY (rowid=?)");
      } else {
        expect(plan.nodes).toContainEqual(expect.objectContaining({ type: "Bitmap Index Scan", index: index.postgresql }));
        expect(scansTable(plan, "s", "PostSearch") || scansTable(plan, "cs", "CommentSearch")).toBe(false);
      }
    }
  });

  it("a match in most articles walks the list index in order, checking each row's own search document, and stops after a page; its count reads matches off the index and stops at the cap", async () => {
    const { filter, total } = await searchFilter("content", "주민");
    expect(total).toBeGreaterThan(FEW_MATCHES);
    // The index is asked for no more matches than it takes to choose the list walk.
    const [probe] = await database.$queryRaw<{ count: number | bigint }[]>(searchMatchesUpTo(database.engine, "content", filter.search!.terms));
    expect(Number(probe.count)).toBe(FEW_MATCHES + 1);
    const [capped] = await database.$queryRaw<{ count: number | bigint }[]>(listCount(database.engine, filter));
    expect(Number(capped.count)).toBe(SEARCH_RESULT_LIMIT + 1);

    const page = await explain(database, listPageIds(database.engine, filter, { sort: "number", order: "desc" }, 20, 0));
    expect(scansTable(page, "p", "Post")).toBe(false);
    if (database.engine === "sqlite") {
      expect(page.text).toMatch(/SEARCH p USING (COVERING )?INDEX Post_list_by_date/);
      expect(page.text).toContain("CORRELATED SCALAR SUBQUERY");
      expect(page.text).toMatch(/SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      // Not every match read off the full-text index, and nothing sorted.
      expect(page.text).not.toContain("post_search_fts");
      expect(page.text).not.toContain("TEMP B-TREE");
    } else {
      expect(page.nodes.find((node) => node.relation === "Post")?.index).toBe("Post_list_by_date");
      expect(page.nodes.find((node) => node.relation === "PostSearch")?.index).toBe("PostSearch_pkey");
      expect(page.nodes.map((node) => node.type)).not.toContain("Sort");
      expect(page.nodes.map((node) => node.type)).not.toContain("Bitmap Index Scan");
    }

    // The count: which 1,001 results does not matter, so matches come off the full-text index,
    // each post looked up by its id in Post_list_membership (its own small pages, not the
    // table's), until the cap; the list is not walked, nothing is sorted.
    // On PostgreSQL a word this common is met every few rows, so the planner reads PostSearch in
    // its own order until the cap (a rarer one comes off the GIN index): either way each match
    // then looks its post up by id, in a subquery the planner cannot turn into a join over every
    // match, and the Limit stops both.
    await expectCountByLookups(filter, { listIndex: "Post_list_by_date", matchTable: "PostSearch" });
  });

  it("a common word's count in a category tab reads title matches off the narrow title index, looks each post up, and stops at the cap", async () => {
    const parsed = parseKeyword("지원");
    if (!parsed.ok) throw new Error(parsed.message);
    const category = await database.category.findFirstOrThrow({ where: { boardId }, orderBy: { position: "asc" }, select: { id: true } });
    const search = { target: "title" as const, keyword: "지원", terms: parsed.terms, drive: "list" as const };
    const filter: ListFilter = { boardId, categoryId: category.id, search };
    const [probe] = await database.$queryRaw<{ count: number | bigint }[]>(searchMatchesUpTo(database.engine, "title", parsed.terms));
    expect(Number(probe.count)).toBe(FEW_MATCHES + 1);

    // The capped count is the true count, cut at the cap: every row of the tab checked one by one.
    const [capped] = await database.$queryRaw<{ count: number | bigint }[]>(listCount(database.engine, filter));
    const [counted] = await database.$queryRaw<{ count: number | bigint }[]>(countedListRows(database.engine, filter));
    expect(Number(counted.count)).toBeGreaterThan(SEARCH_RESULT_LIMIT);
    expect(Number(capped.count)).toBe(SEARCH_RESULT_LIMIT + 1);

    // On PostgreSQL titles have a table of their own (post_title_fts): 30 to a page, where a
    // PostSearch row (body tokens and all) fills most of a page by itself.
    const count = await expectCountByLookups(filter, { listIndex: "Post_list_by_category", matchTable: "post_title_fts" });
    if (database.engine === "postgresql") expect(count.nodes.map((node) => node.relation)).not.toContain("PostSearch");
  });

  it("a byline search reads the author's articles by index, after matching names in the small user table", async () => {
    const { filter, total } = await searchFilter("author", "박성호");
    expect(total).toBeGreaterThan(0);
    const plan = await explain(database, listPageIds(database.engine, filter, { sort: "number", order: "desc" }, 20, 0));
    expect(scansTable(plan, "p", "Post")).toBe(false);
  });
});

/**
 * The capped count's plan: matches read off the full-text index (on PostgreSQL from
 * `matchTable`), each post looked up in the covering index Post_list_membership, with the list
 * index (`listIndex`) not walked and nothing joined, hashed or sorted.
 */
async function expectCountByLookups(filter: ListFilter, { listIndex, matchTable }: { listIndex: string; matchTable: string }): Promise<Plan> {
  const count = await explain(database, listCount(database.engine, filter));
  expect(scansTable(count, "p", "Post")).toBe(false);
  if (database.engine === "sqlite") {
    expect(count.text).toMatch(/SCAN post_search_fts VIRTUAL TABLE INDEX[\s\S]*CORRELATED SCALAR SUBQUERY[\s\S]*SEARCH p USING COVERING INDEX Post_list_membership \(id=\?/);
    expect(count.text).not.toContain(listIndex);
    expect(count.text).not.toContain("TEMP B-TREE");
    return count;
  }
  const types = count.nodes.map((node) => node.type);
  expect(types.slice(0, 2)).toEqual(["Aggregate", "Limit"]);
  expect(["Seq Scan", "Bitmap Heap Scan"]).toContain(count.nodes.find((node) => node.relation === matchTable)?.type);
  expect(count.nodes.find((node) => node.relation === "Post")).toMatchObject({ type: "Index Only Scan", index: "Post_list_membership" });
  for (const type of types) expect(type).not.toMatch(/Join|Hash|Sort|Nested Loop/);
  return count;
}
