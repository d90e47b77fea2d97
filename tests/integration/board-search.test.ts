import { beforeAll, describe, expect, it } from "vitest";
import { forgetBoardLists } from "@/lib/board/board-memory";
import type { ListState, SearchTarget, SortKey, SortOrder } from "@/lib/board/list-state";
import { findBoardBySlug, type BoardSummary } from "@/lib/data/boards";
import { createComment } from "@/lib/data/comment-writes";
import { commenterKey } from "@/lib/visitors/visitor-key";
import { changePostStatus } from "@/lib/data/post-writes";
import { listCount, listPageIds, neighbourId, rowsBefore } from "@/lib/data/list-query";
import { findArticle, findNeighbours, findPageOfArticle, getBoardPage, resolveList } from "@/lib/data/posts";
import { db } from "@/lib/db";
import type { Sql } from "@/lib/db/sql";
import { explain, scansTable } from "../support/query-plans";
import { commentSearchDocument, postSearchDocument } from "@/lib/search/documents";
import { DEMO_BOARD } from "@/lib/seed/seed-site";

/**
 * Search, categories and previous/next, on a board of their own (the demo board's exact
 * numbers are other tests' business) and on the demo board where only its order matters.
 */
const SEARCH_BOARD = "search-test";
let board: BoardSummary;
let news: BoardSummary;

const state = (overrides: Partial<ListState> = {}): ListState => ({
  page: 1,
  sort: "number",
  order: "desc",
  category: null,
  search: null,
  ...overrides,
});
const search = (target: SearchTarget, keyword: string, overrides: Partial<ListState> = {}) => state({ search: { target, keyword }, ...overrides });
const titlesFound = async (listState: ListState) => (await getBoardPage(board, listState)).rows.map((row) => row.title);

const ARTICLES = [
  { title: "인천뿌리산업일자리센터 개소", body: "<p>청년 채용을 돕는다.</p>", category: "economy" },
  { title: "경기도 가을 축제 열려", body: "<p>뿌리산업 체험관도 마련됐다.</p>", category: "culture" },
  { title: "도청 민원 창구 확대", body: "<p>시민 편의를 높인다.</p>", category: "government" },
  { title: "COVID-19 예방접종 안내", body: "<p>보건소에서 접종한다.</p>", category: "society" },
  { title: "창원 산업단지 준공", body: "<p>뿌리 기업 30곳 입주.</p>", category: "economy" },
  { title: "임시저장 뿌리산업 기사", body: "<p>초안</p>", category: "economy", status: "draft" },
  { title: "삭제된 뿌리산업 기사", body: "<p>삭제</p>", category: "economy", status: "deleted" },
];

beforeAll(async () => {
  const author = await db.user.create({ data: { loginId: `search-author-${Date.now()}`, displayName: "최검색 기자", passwordHash: "!" } });
  const created = await db.board.create({
    data: {
      slug: SEARCH_BOARD,
      title: "검색 시험",
      position: 99,
      rowsPerPage: 3,
      categories: { create: ["government", "economy", "society", "culture"].map((slug, position) => ({ slug, name: slug, position })) },
    },
    include: { categories: true },
  });
  for (const [index, article] of ARTICLES.entries()) {
    const post = await db.post.create({
      data: {
        boardId: created.id,
        authorId: author.id,
        categoryId: created.categories.find((category) => category.slug === article.category)!.id,
        title: article.title,
        bodyHtml: article.body,
        status: article.status ?? "published",
        publishedAt: new Date(Date.UTC(2026, 0, 1 + index)),
        searchText: { create: postSearchDocument({ title: article.title, bodyHtml: article.body }) },
      },
    });
    if (index === 2) {
      const comment = await db.comment.create({ data: { postId: post.id, guestName: "독자", body: "민원 창구가 붐빈다는 소식 잘 봤습니다." } });
      await db.commentSearch.create({ data: { commentId: comment.id, postId: post.id, ...commentSearchDocument(comment) } });
    }
  }
  board = (await findBoardBySlug(SEARCH_BOARD))!;
  news = (await findBoardBySlug(DEMO_BOARD.slug))!;
});

describe("search", () => {
  it("finds Korean substrings inside longer words, in title and body", async () => {
    expect(await titlesFound(search("title_content", "뿌리산업"))).toEqual(["경기도 가을 축제 열려", "인천뿌리산업일자리센터 개소"]);
    expect(await titlesFound(search("title", "뿌리산업"))).toEqual(["인천뿌리산업일자리센터 개소"]);
    expect(await titlesFound(search("content", "뿌리산업"))).toEqual(["경기도 가을 축제 열려"]);
    expect(await titlesFound(search("title", "일자리센터"))).toEqual(["인천뿌리산업일자리센터 개소"]);
  });

  it("needs every word, each anywhere in the chosen fields", async () => {
    expect(await titlesFound(search("title_content", "뿌리 기업"))).toEqual(["창원 산업단지 준공"]);
    expect(await titlesFound(search("title_content", "뿌리 축제"))).toEqual(["경기도 가을 축제 열려"]);
    expect(await titlesFound(search("title_content", "산업뿌리"))).toEqual([]);
  });

  it("finds one-character words and Latin text in any case", async () => {
    expect(await titlesFound(search("title", "covid"))).toEqual(["COVID-19 예방접종 안내"]);
    expect(await titlesFound(search("title", "원"))).toEqual(["창원 산업단지 준공", "도청 민원 창구 확대"]);
  });

  it("searches bylines and comments", async () => {
    expect(await titlesFound(search("author", "최검색"))).toHaveLength(3);
    expect((await getBoardPage(board, search("author", "최검색"))).total).toBe(5);
    expect(await titlesFound(search("author", "김민지"))).toEqual([]);
    expect(await titlesFound(search("comment", "창구가"))).toEqual(["도청 민원 창구 확대"]);
    expect(await titlesFound(search("comment", "뿌리산업"))).toEqual([]);
  });

  it("never shows drafts or deleted articles", async () => {
    const found = await getBoardPage(board, search("title", "기사"));
    expect(found.rows).toEqual([]);
    expect(found.total).toBe(0);
  });

  it("treats pattern characters in a byline search as text", async () => {
    expect(await titlesFound(search("author", "%"))).toEqual([]);
    expect(await titlesFound(search("author", "_"))).toEqual([]);
  });

  it("explains a keyword it cannot search for, and lists nothing", async () => {
    const page = await getBoardPage(board, search("title_content", "!!!"));
    expect(page.searchError).toBe("검색어에 글자나 숫자를 한 자 이상 넣어 주세요.");
    expect(page.rows).toEqual([]);
  });

  it("pages its results and keeps the search in the page's state", async () => {
    const first = await getBoardPage(board, search("author", "최검색 기자"));
    expect(first.pageCount).toBe(2);
    const second = await getBoardPage(board, search("author", "최검색 기자", { page: 2 }));
    expect(second.state.search).toEqual({ target: "author", keyword: "최검색 기자" });
    expect([...first.rows, ...second.rows].map((row) => row.id)).toHaveLength(5);
  });
});

describe("what a search found is remembered until the board's next write", () => {
  it("keeps its count while nothing is written through the app, and counts afresh after a write", async () => {
    const query = search("title_content", "뿌리산업");
    expect((await getBoardPage(board, query)).total).toBe(2);
    const taken = await db.post.findFirstOrThrow({ where: { boardId: board.id, title: "경기도 가을 축제 열려" } });
    try {
      // Taken down behind the data layer's back: the count is the remembered one, while the
      // rows, read on every request, already leave it out.
      await db.post.update({ where: { id: taken.id }, data: { status: "draft" } });
      const remembered = await getBoardPage(board, query);
      expect(remembered.total).toBe(2);
      expect(remembered.rows.map((row) => row.title)).toEqual(["인천뿌리산업일자리센터 개소"]);
      await db.post.update({ where: { id: taken.id }, data: { status: "published" } });

      // Taken down through the data layer, as the dashboard does: the next search counts again.
      const editor = { id: taken.authorId, displayName: "최검색 기자", role: "editor" as const };
      expect(await changePostStatus(editor, taken.id, "unpublish")).toMatchObject({ ok: true });
      expect((await getBoardPage(board, query)).total).toBe(1);
    } finally {
      await db.post.update({ where: { id: taken.id }, data: { status: "published", publishedAt: taken.publishedAt } });
      forgetBoardLists(board.slug);
    }
    expect((await getBoardPage(board, query)).total).toBe(2);
  });

  it("a new comment is found by the next comment search", async () => {
    const query = search("comment", "버스노선");
    expect((await getBoardPage(board, query)).total).toBe(0);
    const article = await db.post.findFirstOrThrow({ where: { boardId: board.id, title: "도청 민원 창구 확대" } });
    const written = await createComment(
      { postId: article.id, parentId: null, body: "버스노선도 함께 바꿔 주세요.", guest: { name: "버스독자", password: "1234" } },
      { user: null, visitorKey: commenterKey("board-search", "203.0.113.9") },
    );
    expect(written).toMatchObject({ ok: true });
    expect(await titlesFound(query)).toEqual(["도청 민원 창구 확대"]);
  });
});

describe("a search reads the same results whichever way it runs", () => {
  it.each<[SearchTarget, string, SortKey, SortOrder]>([
    ["title_content", "뿌리", "number", "desc"],
    ["title", "원", "title", "asc"],
    ["comment", "창구", "views", "desc"],
    ["author", "최검색", "comments", "asc"],
  ])("%s %j in %s %s: from the matches and from the list", async (target, keyword, sort, order) => {
    const resolved = await resolveList(board, search(target, keyword, { sort, order }));
    if (!resolved.filter?.search) throw new Error("no search");
    const drives = (["matches", "list"] as const).map((drive) => ({ ...resolved.filter!, search: { ...resolved.filter!.search!, drive } }));
    const read = async (query: Sql) => (await db.$queryRaw<{ id: number | bigint }[]>(query)).map((row) => Number(row.id));
    const [fromMatches, fromList] = await Promise.all(drives.map((filter) => read(listPageIds(db.engine, filter, { sort, order }, 50, 0))));
    expect(fromMatches.length).toBeGreaterThan(0);
    expect(fromMatches).toEqual(fromList);
    for (const [index, id] of fromMatches.entries()) {
      const [previous] = await read(neighbourId(db.engine, drives[0], { sort, order }, id, "previous"));
      const [next] = await read(neighbourId(db.engine, drives[1], { sort, order }, id, "next"));
      expect(previous).toBe(fromMatches[index - 1]);
      expect(next).toBe(fromMatches[index + 1]);
    }
    const counts = await Promise.all(drives.map(async (filter) => Number((await db.$queryRaw<{ count: number | bigint }[]>(listCount(db.engine, filter)))[0].count)));
    expect(counts).toEqual([fromMatches.length, fromMatches.length]);
  });
});

describe("notices", () => {
  it("are pinned on every page, or on page 1 only as the board is set", async () => {
    forgetBoardLists(board.slug);
    const notice = await db.post.create({
      data: { boardId: board.id, authorId: (await db.user.findFirstOrThrow()).id, title: "[공지] 검색 시험 안내", bodyHtml: "<p>안내</p>", status: "published", publishedAt: new Date(), isNotice: true },
    });
    try {
      expect((await getBoardPage(board, state({ page: 2 }))).notices.map((row) => row.id)).toEqual([notice.id]);
      const pageOneOnly = { ...board, noticesOnEveryPage: false };
      expect((await getBoardPage(pageOneOnly, state())).notices.map((row) => row.id)).toEqual([notice.id]);
      expect((await getBoardPage(pageOneOnly, state({ page: 2 }))).notices).toEqual([]);
      // Not pinned in a sorted list or a search, and never counted among the numbered rows.
      expect((await getBoardPage(board, state({ sort: "title", order: "asc" }))).notices).toEqual([]);
      expect((await getBoardPage(board, search("title", "안내"))).notices).toEqual([]);
      expect((await getBoardPage(board, state())).total).toBe(5);
    } finally {
      await db.post.delete({ where: { id: notice.id } });
      // Written and deleted behind the data layer's back: forget as its writes do.
      forgetBoardLists(board.slug);
    }
  });
});

describe("categories", () => {
  it("list only their own articles, and an unknown category shows the whole board", async () => {
    expect(await titlesFound(state({ category: "economy" }))).toEqual(["창원 산업단지 준공", "인천뿌리산업일자리센터 개소"]);
    const unknown = await getBoardPage(board, state({ category: "sports" }));
    expect(unknown.total).toBe(5);
    expect(unknown.state.category).toBeNull();
  });

  it("combine with a search", async () => {
    expect(await titlesFound(search("title_content", "뿌리", { category: "culture" }))).toEqual(["경기도 가을 축제 열려"]);
  });
});

describe("previous and next follow the list the reader came from", () => {
  /** Walks the whole list by `next` from its first row, and back by `previous` from its last. */
  async function walk(onBoard: BoardSummary, listState: ListState) {
    const all: number[] = [];
    for (let page = 1; ; page += 1) {
      const list = await getBoardPage(onBoard, { ...listState, page });
      all.push(...list.rows.map((row) => row.id));
      if (page >= list.pageCount) break;
    }
    return all;
  }

  it.each<[string, Partial<ListState>]>([
    ["the board's own order", {}],
    ["title descending", { sort: "title", order: "desc" }],
    ["views ascending", { sort: "views", order: "asc" }],
    ["a search", { search: { target: "author", keyword: "최검색" } }],
    ["a category", { category: "economy" }],
  ])("in %s, across page edges, ending at both ends", async (_, overrides) => {
    const listState = state(overrides);
    const ids = await walk(board, listState);
    expect(ids.length).toBeGreaterThan(1);
    for (const [index, id] of ids.entries()) {
      const article = (await findArticle(board.id, id))!;
      const { previous, next } = await findNeighbours(board, article, listState);
      expect(previous?.id ?? null).toBe(ids[index - 1] ?? null);
      expect(next?.id ?? null).toBe(ids[index + 1] ?? null);
      expect(await findPageOfArticle(board, article, listState)).toBe(Math.floor(index / board.rowsPerPage) + 1);
    }
  });

  it("on the demo board, the seed page's last row leads to page 2 under the title sort", async () => {
    const titleDesc = state({ sort: "title", order: "desc" });
    const [page1, page2] = await Promise.all([getBoardPage(news, titleDesc), getBoardPage(news, { ...titleDesc, page: 2 })]);
    const last = (await findArticle(news.id, page1.rows.at(-1)!.id))!;
    expect((await findNeighbours(news, last, titleDesc)).next?.id).toBe(page2.rows[0].id);
    const first = (await findArticle(news.id, page2.rows[0].id))!;
    expect((await findNeighbours(news, first, titleDesc)).previous?.id).toBe(last.id);
  });

  it("on the demo board, pinned notices come first in the board's own order", async () => {
    const page1 = await getBoardPage(news, state());
    const [firstNotice, , lastNotice] = page1.notices;
    const top = (await findArticle(news.id, page1.rows[0].id))!;
    expect((await findNeighbours(news, top, state())).previous?.id).toBe(lastNotice.id);
    const notice = (await findArticle(news.id, firstNotice.id))!;
    expect(await findNeighbours(news, notice, state())).toMatchObject({ previous: null, next: { id: page1.notices[1].id } });
    const bottom = (await findArticle(news.id, lastNotice.id))!;
    expect((await findNeighbours(news, bottom, state())).next?.id).toBe(top.id);
    // In a sorted list notices are not pinned, so the top row has nothing above it.
    const byViews = await getBoardPage(news, state({ sort: "views", order: "desc" }));
    const mostRead = (await findArticle(news.id, byViews.rows[0].id))!;
    expect((await findNeighbours(news, mostRead, state({ sort: "views", order: "desc" }))).previous).toBeNull();
  });
});

describe("query plans: previous, next and the article's page read the list index from the article", () => {
  it.each<[SortKey, SortOrder]>([
    ["number", "desc"],
    ["title", "asc"],
    ["views", "desc"],
    ["comments", "asc"],
  ])("in %s %s", async (sort, order) => {
    const { filter } = await resolveList(news, state());
    if (!filter) throw new Error("no list");
    if (db.engine === "postgresql") await db.$executeRawUnsafe('ANALYZE "Post"');
    const article = (await getBoardPage(news, state({ sort, order, page: 5 }))).rows[0];
    for (const query of [
      neighbourId(db.engine, filter, { sort, order }, article.id, "previous"),
      neighbourId(db.engine, filter, { sort, order }, article.id, "next"),
      rowsBefore(db.engine, filter, { sort, order }, article.id),
    ]) {
      const plan = await explain(db, query, { discourageScans: true });
      expect(scansTable(plan, "p", "Post")).toBe(false);
      if (db.engine === "sqlite") {
        // SQLite seeks to the anchor on the sort column and checks the id of equal rows.
        expect(plan.text).toMatch(/SEARCH p USING (COVERING )?INDEX Post_list_by_\w+ \(boardId=\? AND status=\? AND isNotice=\? AND (\w+|\(\w+,id\))[<>]/);
        expect(plan.text).not.toContain("TEMP B-TREE");
      } else {
        // The board's part of a list index, and the article's (value, id) as the bound.
        // PostgreSQL usually seeks it (Index Cond); while other test files write to this shared
        // board it has also filtered the same range, or, for the count, read the board's rows
        // off another list index as a bitmap (the article's value is a parameter it cannot
        // estimate, and the board is 560 rows). deep-pages.test.ts checks the same row-value
        // seek (from a page's anchor) on a database of its own.
        const listRead = plan.nodes.find((node) => node.index?.startsWith("Post_list_by_"));
        expect(listRead?.condition, plan.text).toMatch(/"boardId" = \d+\) AND \(status = 'published'::text\) AND \("isNotice" = false\)/);
        const bounds = plan.nodes.map((node) => `${node.condition} ${node.filter}`).join(" ");
        expect(bounds, plan.text).toMatch(/\(?ROW\("?\w+"?, id\) [<>] ROW\(\$0, \d+\)\)/);
        expect(plan.nodes.map((node) => node.type)).not.toContain("Sort");
      }
    }
  });
});
