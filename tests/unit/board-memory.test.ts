import { beforeEach, describe, expect, it, vi } from "vitest";

const expired: string[] = [];
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: (tag: string, profile: unknown) => void (typeof profile === "object" && expired.push(tag)),
  updateTag: (tag: string) => void expired.push(tag),
  unstable_cache: <T>(fn: T) => fn,
}));
vi.mock("@/lib/cache/cross-instance-revalidation", () => ({ announceToOtherInstances: () => undefined, expireAgainShortly: () => undefined }));

const { BoardMemory, boardListsGeneration, forgetBoardLists } = await import("@/lib/board/board-memory");
const { anchorKey, recallAnchor, rememberAnchor } = await import("@/lib/board/list-anchors");
const { listTotalKey, recallListTotal, rememberListTotal } = await import("@/lib/board/list-totals");
const { revalidateArticle, revalidateArticleOutsideAction } = await import("@/lib/cache-tags");

const found = { drive: "list" as const, total: 1_000, totalIsLimited: true };
const searchKey = (board: string, list: { categoryId: number | null; target: string; terms: string[] }) =>
  listTotalKey(board, { categoryId: list.categoryId, search: { target: list.target, terms: list.terms } });
const newsSearch = searchKey("news", { categoryId: null, target: "title", terms: ["지원"] });
const newsAnchor = anchorKey("news", "[null,\"number\",\"desc\"]", 5);

/** Remembers a search and an anchor of `news`, and a search of `sports`. */
function rememberBoth() {
  rememberListTotal(newsSearch, found, boardListsGeneration("news"));
  rememberAnchor(newsAnchor, 4321, boardListsGeneration("news"));
  rememberListTotal(searchKey("sports", { categoryId: null, target: "title", terms: ["지원"] }), found, boardListsGeneration("sports"));
}

beforeEach(() => {
  forgetBoardLists("news");
  forgetBoardLists("sports");
  expired.length = 0;
});

describe("a board memory", () => {
  it("gives back what it was told until its time is up", () => {
    const memory = new BoardMemory<string>({ ttlMs: 1_000, maxEntries: 10 });
    const key = BoardMemory.key("news", "a");
    memory.remember(key, "first", boardListsGeneration("news"), 10_000);
    expect(memory.recall(key, 10_500)).toBe("first");
    expect(memory.recall(key, 11_001)).toBeUndefined();
    expect(memory.recall(key, 10_500)).toBeUndefined();
  });

  it("drops its oldest entries when full, not the newest", () => {
    const memory = new BoardMemory<number>({ ttlMs: 60_000, maxEntries: 10 });
    for (let index = 0; index < 11; index++) memory.remember(BoardMemory.key("news", index), index, boardListsGeneration("news"));
    expect(memory.recall(BoardMemory.key("news", 0))).toBeUndefined();
    expect(memory.recall(BoardMemory.key("news", 1))).toBe(1);
    expect(memory.recall(BoardMemory.key("news", 10))).toBe(10);
  });

  it("does not keep what a lookup read while the board was being written", () => {
    const before = boardListsGeneration("news");
    forgetBoardLists("news"); // a write lands while the lookup runs
    rememberListTotal(newsSearch, found, before);
    expect(recallListTotal(newsSearch)).toBeUndefined();
    rememberListTotal(newsSearch, found, boardListsGeneration("news"));
    expect(recallListTotal(newsSearch)).toEqual(found);
  });

  it("forgets one board's searches and anchors together, and only that board's", () => {
    rememberBoth();
    forgetBoardLists("news");
    expect(recallListTotal(newsSearch)).toBeUndefined();
    expect(recallAnchor(newsAnchor)).toBeNull();
    expect(recallListTotal(searchKey("sports", { categoryId: null, target: "title", terms: ["지원"] }))).toEqual(found);
  });

  it("keeps the totals of another category, other words or no search apart", () => {
    rememberListTotal(newsSearch, found, boardListsGeneration("news"));
    expect(recallListTotal(listTotalKey("news", { categoryId: null, search: null }))).toBeUndefined();
    expect(recallListTotal(searchKey("news", { categoryId: 3, target: "title", terms: ["지원"] }))).toBeUndefined();
    expect(recallListTotal(searchKey("news", { categoryId: null, target: "content", terms: ["지원"] }))).toBeUndefined();
    expect(recallListTotal(searchKey("news", { categoryId: null, target: "title", terms: ["지원", "사업"] }))).toBeUndefined();
  });
});

describe("an article write's cache invalidation", () => {
  it("expires its page and its board's first page at once, in an action and in a route alike", () => {
    revalidateArticle("news", 7);
    const fromAction = [...expired];
    expired.length = 0;
    revalidateArticleOutsideAction("news", 7);
    expect(expired).toEqual(fromAction);
    expect(fromAction).toEqual(["article:7", "list:news"]);
  });
});
