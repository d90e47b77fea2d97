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
const { recallSearch, rememberSearch, searchKey } = await import("@/lib/board/search-memory");
const { revalidateArticle, revalidateArticleOutsideAction, revalidateBoard } = await import("@/lib/cache-tags");

const found = { drive: "list" as const, total: 1_000, totalIsLimited: true };
const newsSearch = searchKey("news", { categoryId: null, target: "title", terms: ["지원"] });
const newsAnchor = anchorKey("news", "[null,\"number\",\"desc\"]", 5);

/** Remembers a search and an anchor of `news` and of `sports`. */
function rememberBoth() {
  rememberSearch(newsSearch, found, boardListsGeneration("news"));
  rememberAnchor(newsAnchor, 4321, boardListsGeneration("news"));
  rememberSearch(searchKey("sports", { categoryId: null, target: "title", terms: ["지원"] }), found, boardListsGeneration("sports"));
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
    rememberSearch(newsSearch, found, before);
    expect(recallSearch(newsSearch)).toBeUndefined();
    rememberSearch(newsSearch, found, boardListsGeneration("news"));
    expect(recallSearch(newsSearch)).toEqual(found);
  });

  it("forgets one board's searches and anchors together, and only that board's", () => {
    rememberBoth();
    forgetBoardLists("news");
    expect(recallSearch(newsSearch)).toBeUndefined();
    expect(recallAnchor(newsAnchor)).toBeNull();
    expect(recallSearch(searchKey("sports", { categoryId: null, target: "title", terms: ["지원"] }))).toEqual(found);
  });

  it("keeps searches of another category or other words apart", () => {
    rememberSearch(newsSearch, found, boardListsGeneration("news"));
    expect(recallSearch(searchKey("news", { categoryId: 3, target: "title", terms: ["지원"] }))).toBeUndefined();
    expect(recallSearch(searchKey("news", { categoryId: null, target: "content", terms: ["지원"] }))).toBeUndefined();
    expect(recallSearch(searchKey("news", { categoryId: null, target: "title", terms: ["지원", "사업"] }))).toBeUndefined();
  });
});

describe("every write path forgets the board's remembered lists", () => {
  it.each([
    ["an action's article write", () => revalidateArticle("news", 7)],
    ["the scheduler's publish", () => revalidateArticleOutsideAction("news", 7)],
    ["a board's settings", () => revalidateBoard("news")],
  ])("%s", (_, write) => {
    rememberBoth();
    write();
    expect(recallSearch(newsSearch)).toBeUndefined();
    expect(recallAnchor(newsAnchor)).toBeNull();
    expect(expired.length).toBeGreaterThan(0);
  });

  it("an article write expires its page and its board's first page at once, in an action and in a route alike", () => {
    revalidateArticle("news", 7);
    const fromAction = [...expired];
    expired.length = 0;
    revalidateArticleOutsideAction("news", 7);
    expect(expired).toEqual(fromAction);
    expect(fromAction).toEqual(["article:7", "list:news"]);
  });
});
