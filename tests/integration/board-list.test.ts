import { beforeAll, describe, expect, it } from "vitest";
import type { ListState, SortKey, SortOrder } from "@/lib/board/list-state";
import { virtualNumber } from "@/lib/board/pagination";
import { findBoardBySlug, findFrontPageBoard, listBoards, type BoardSummary } from "@/lib/data/boards";
import { getCommentThread } from "@/lib/data/comments";
import { findArticle, findPageOfArticle, getBoardPage } from "@/lib/data/posts";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { SEED_ARTICLE, SEED_PAGE_ROWS } from "@/lib/seed/seed-page";
import { DEMO_BOARD } from "@/lib/seed/seed-site";

let board: BoardSummary;
const state = (sort: SortKey, order: SortOrder, page = 1): ListState => ({ sort, order, page, category: null, search: null });

beforeAll(async () => {
  board = (await findBoardBySlug(DEMO_BOARD.slug))!;
});

describe("the demo board list", () => {
  it("page 1 of the title-descending sort is exactly the seed page", async () => {
    const list = await getBoardPage(board, state("title", "desc"));
    expect(list.total).toBe(560);
    expect(list.pageCount).toBe(28);
    expect(list.notices).toEqual([]);
    const shown = list.rows.map((row, index) => ({
      number: virtualNumber(list.total, list.page, board.rowsPerPage, index),
      title: row.title,
      author: row.authorName,
      date: formatDate(row.publishedAt),
      views: row.viewCount,
    }));
    expect(shown).toEqual(SEED_PAGE_ROWS);
  });

  it("page 28 of the default order shows numbers 20 to 1, notices pinned above", async () => {
    const list = await getBoardPage(board, state("number", "desc", 28));
    expect(list.page).toBe(28);
    expect(list.rows.map((_, index) => virtualNumber(list.total, 28, board.rowsPerPage, index))).toEqual(
      Array.from({ length: 20 }, (_, i) => 20 - i),
    );
    expect(list.notices.map((notice) => notice.title)).toHaveLength(3);
    expect(list.notices.every((notice) => notice.title.startsWith("[공지]"))).toBe(true);
  });

  it("shows the last page for a page past the end", async () => {
    const list = await getBoardPage(board, state("number", "desc", 999));
    expect(list.page).toBe(28);
    expect(list.rows).toHaveLength(20);
  });

  it.each([
    ["views", "desc"],
    ["views", "asc"],
    ["comments", "desc"],
    ["date", "asc"],
    ["title", "asc"],
  ] as const)("orders every row by %s %s, each article exactly once across the pages", async (sort, order) => {
    const seen: number[] = [];
    let previous: string | number | undefined;
    for (let page = 1; page <= 28; page += 1) {
      const list = await getBoardPage(board, state(sort, order, page));
      for (const row of list.rows) {
        const value = { views: row.viewCount, comments: row.commentCount, date: row.publishedAt.getTime(), title: row.title }[sort];
        if (previous !== undefined) {
          if (order === "desc") expect(value <= previous).toBe(true);
          else expect(value >= previous).toBe(true);
        }
        previous = value;
        seen.push(row.id);
      }
    }
    expect(seen).toHaveLength(560);
    expect(new Set(seen).size).toBe(560);
  });

  it("lists newest first by default, each row with its comment count", async () => {
    const list = await getBoardPage(board, state("number", "desc"));
    const times = list.rows.map((row) => row.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const counted = await db.comment.groupBy({ by: ["postId"], _count: true, where: { status: "visible" } });
    const byPost = new Map(counted.map((group) => [group.postId, group._count]));
    for (const row of list.rows) expect(row.commentCount).toBe(byPost.get(row.id) ?? 0);
  });
});

describe("articles", () => {
  it("the seed article is there with its text", async () => {
    const record = await db.post.findFirstOrThrow({ where: { title: SEED_ARTICLE.title }, select: { id: true } });
    const article = (await findArticle(board.id, record.id))!;
    expect(article.authorName).toBe("kmbn2019");
    for (const paragraph of SEED_ARTICLE.paragraphs) expect(article.bodyHtml).toContain(paragraph.slice(0, 30));
    expect(article.bodyHtml).toContain("인천뿌리산업일자리센터를 주축으로 5년 동안 총 7,750명의 고용 창출");
  });

  it("is not found for a missing id, another board or an id that is not a number", async () => {
    expect(await findArticle(board.id, 9_999_999)).toBeNull();
    expect(await findArticle(board.id + 1000, 1)).toBeNull();
    expect(await findArticle(board.id, Number.NaN)).toBeNull();
  });

  it("is found on the list page it sits on, in every order", async () => {
    const sample = await db.post.findMany({ where: { isNotice: false }, select: { id: true }, orderBy: { id: "asc" }, take: 560 });
    const picks = [sample[0], sample[19], sample[20], sample[287], sample[559]];
    for (const [sort, order] of [["number", "desc"], ["title", "desc"], ["title", "asc"], ["views", "desc"], ["comments", "asc"]] as const) {
      for (const pick of picks) {
        const article = (await findArticle(board.id, pick.id))!;
        const page = await findPageOfArticle(board, article, state(sort, order));
        const list = await getBoardPage(board, state(sort, order, page));
        expect(list.rows.map((row) => row.id)).toContain(article.id);
      }
    }
  });

  it("threads comments under what they answer, and counts them on the article", async () => {
    const post = await db.post.findFirstOrThrow({ where: { comments: { some: { parentId: { not: null } } } }, select: { id: true, commentCount: true } });
    const thread = await getCommentThread(post.id);
    const flatten = (nodes: typeof thread): typeof thread => nodes.flatMap((node) => [node, ...flatten(node.replies)]);
    expect(flatten(thread)).toHaveLength(post.commentCount);
    expect(thread.some((node) => node.replies.length > 0)).toBe(true);
    for (const node of flatten(thread)) for (const reply of node.replies) expect(reply.depth).toBe(node.depth + 1);
  });
});

describe("boards", () => {
  it("the demo board is the front page and first in the menu", async () => {
    // Other test files add boards of their own further down the menu.
    expect((await findFrontPageBoard())?.slug).toBe(DEMO_BOARD.slug);
    expect((await listBoards())[0]).toEqual({ slug: DEMO_BOARD.slug, title: DEMO_BOARD.title });
  });

  it("does not look up slugs that cannot be boards", async () => {
    expect(await findBoardBySlug("NEWS")).toBeNull();
    expect(await findBoardBySlug("../news")).toBeNull();
    expect(await findBoardBySlug("news' OR 1=1 --")).toBeNull();
  });
});
