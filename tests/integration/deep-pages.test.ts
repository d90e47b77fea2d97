/**
 * Deep list pages read from remembered anchors (lib/board/list-anchors.ts) instead of an OFFSET
 * from the top: on a board of 3,450 articles, every page past the first anchor block shows
 * exactly the rows OFFSET would, in every sort and in a category; after a write forgets the
 * anchors and after an anchor row disappears behind the cache's back; and the read from an
 * anchor is a range off the list index (its plan), on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { forgetBoardLists } from "@/lib/board/board-memory";
import { ANCHOR_SPACING } from "@/lib/board/list-anchors";
import { parseListState, SORT_KEYS, type ListState } from "@/lib/board/list-state";
import type { BoardSummary } from "@/lib/data/boards";
import { listPageIds, listPageIdsFrom, listRowsOfPage, type ListFilter } from "@/lib/data/list-query";
import { seedDemoSite } from "@/lib/seed/seed-site";
import { explain, scansTable } from "../support/query-plans";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

const POSTS = 3_450;

let throwaway: ThrowawayDatabase;
let db: Database;
let posts: typeof import("@/lib/data/posts");
let board: BoardSummary;

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "deep-pages" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  await seedDemoSite(db, { posts: POSTS });
  if (db.engine === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  posts = await import("@/lib/data/posts");
  const { findBoardBySlug } = await import("@/lib/data/boards");
  board = (await findBoardBySlug("news"))!;
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

/** What OFFSET from the top reads for the page: the reference. */
async function offsetPage(state: ListState): Promise<number[]> {
  const category = state.category ? board.categories.find((candidate) => candidate.slug === state.category)!.id : null;
  const filter: ListFilter = { boardId: board.id, categoryId: category, search: null };
  const rows = await db.$queryRaw<{ id: number | bigint }[]>(listPageIds(db.engine, filter, state, board.rowsPerPage, (state.page - 1) * board.rowsPerPage));
  return rows.map((row) => Number(row.id));
}

async function shownPage(state: ListState): Promise<number[]> {
  return (await posts.getBoardPage(board, state)).rows.map((row) => row.id);
}

const deepPages = () => {
  const perBlock = ANCHOR_SPACING / board.rowsPerPage;
  // The first page of a block, one in its middle, its last, one straddling nothing, and the very last page.
  return [perBlock + 1, perBlock + 7, 2 * perBlock, 2 * perBlock + 1, 3 * perBlock + 3, Math.ceil((POSTS - 20) / board.rowsPerPage)];
};

describe("deep list pages", () => {
  it("show exactly what OFFSET reads, in every sort and order, twice (the second time from the anchors)", async () => {
    expect(ANCHOR_SPACING).toBeLessThan(POSTS - 100);
    for (const sort of SORT_KEYS) {
      for (const order of ["asc", "desc"] as const) {
        for (const page of deepPages()) {
          const state = { ...parseListState({ sort, order }), page };
          const expected = await offsetPage(state);
          expect(expected.length, `${sort} ${order} ${page}`).toBeGreaterThan(0);
          expect(await shownPage(state), `${sort} ${order} page ${page}`).toEqual(expected);
          expect(await shownPage(state), `${sort} ${order} page ${page}, from the anchor`).toEqual(expected);
        }
      }
    }
  });

  it("show the new rows after a write forgets the anchors, and recover from an anchor row that is gone", async () => {
    const state = { ...parseListState({}), page: deepPages()[1] };
    expect(await shownPage(state)).toEqual(await offsetPage(state));
    // Ten articles of the top of the list leave it: with the anchors forgotten (as every write does), the page moves up by ten rows.
    const top = await offsetPage({ ...state, page: 1 });
    await db.post.updateMany({ where: { id: { in: top.slice(0, 10) } }, data: { status: "draft" } });
    forgetBoardLists(board.slug);
    const afterWrite = await shownPage(state);
    expect(afterWrite).toEqual(await offsetPage(state));
    // The anchor of this block (the row at its first position) is deleted without the cache hearing of it.
    const anchorRow = await offsetPage({ ...state, page: ANCHOR_SPACING / board.rowsPerPage + 1 });
    await db.post.update({ where: { id: anchorRow[0] }, data: { status: "deleted", deletedAt: new Date() } });
    expect(await shownPage(state)).toEqual(await offsetPage(state));
    await db.post.updateMany({ where: { id: { in: top.slice(0, 10) } }, data: { status: "published" } });
    await db.post.update({ where: { id: anchorRow[0] }, data: { status: "published", deletedAt: null } });
    forgetBoardLists(board.slug);
  });

  it("read their rows with their ids in one statement, each row by its primary key", async () => {
    const filter: ListFilter = { boardId: board.id, categoryId: null, search: null };
    const [anchor] = await offsetPage({ ...parseListState({}), page: 60 });
    for (const sort of SORT_KEYS) {
      const order = { sort, order: "desc" as const };
      for (const pageIds of [listPageIds(db.engine, filter, order, 20, 40), listPageIdsFrom(db.engine, filter, order, anchor, 20, 40)]) {
        const plan = await explain(db, listRowsOfPage(pageIds, order), { discourageScans: true });
        expect(scansTable(plan, "p", "Post"), sort).toBe(false);
        if (db.engine === "sqlite") expect(plan.text, sort).toMatch(/SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/);
        else expect(plan.nodes.some((node) => node.relation === "Post" && node.index === "Post_pkey"), sort).toBe(true);
      }
    }
  });

  it("read from an anchor as a range of the list index, without a sort", async () => {
    const filter: ListFilter = { boardId: board.id, categoryId: null, search: null };
    const [anchor] = await offsetPage({ ...parseListState({}), page: 60 });
    for (const sort of SORT_KEYS) {
      for (const order of ["asc", "desc"] as const) {
        const plan = await explain(db, listPageIdsFrom(db.engine, filter, { sort, order }, anchor, 20, 40), { discourageScans: true });
        expect(scansTable(plan, "p", "Post"), `${sort} ${order}`).toBe(false);
        if (db.engine === "sqlite") {
          expect(plan.text, `${sort} ${order}`).toMatch(/SEARCH p USING (COVERING )?INDEX Post_list_by_\w+ \(boardId=\? AND status=\? AND isNotice=\? AND (\w+|\(\w+,id\))[<>]/);
          expect(plan.text).not.toContain("TEMP B-TREE");
        } else {
          const listRead = plan.nodes.find((node) => node.index?.startsWith("Post_list_by_"));
          expect(listRead?.condition, `${sort} ${order}`).toMatch(/ROW\("?\w+"?, id\) [<>]= ROW\(\$0, \d+\)/);
          expect(plan.nodes.map((node) => node.type)).not.toContain("Sort");
        }
      }
    }
  });
});
