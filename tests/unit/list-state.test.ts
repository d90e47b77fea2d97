import { describe, expect, it } from "vitest";
import { articleHref, boardHref, isDefaultOrder, parseListState, sortHref } from "@/lib/board/list-state";

describe("parseListState", () => {
  it("makes a search keyword with lone UTF-16 surrogates well-formed", () => {
    expect(parseListState({ q: "\ud800버스" }).search?.keyword).toBe("\ufffd버스");
  });

  it("opens the board in its own order on page 1", () => {
    expect(parseListState({})).toEqual({ page: 1, sort: "number", order: "desc", category: null, search: null });
  });

  it("reads page, sort and order", () => {
    expect(parseListState({ page: "3", sort: "title", order: "desc" })).toMatchObject({ page: 3, sort: "title", order: "desc" });
  });

  it("gives each column its own default direction", () => {
    expect(parseListState({ sort: "title" }).order).toBe("asc");
    expect(parseListState({ sort: "views" }).order).toBe("desc");
  });

  it.each([["abc"], ["-1"], ["0"], ["2.5"], ["1e3"], [""], [" "], ["0x10"], ["３"]])("falls back to page 1 for %j", (page) => {
    expect(parseListState({ page }).page).toBe(1);
  });

  it("keeps huge page numbers whole so the list can show its last page", () => {
    expect(parseListState({ page: "99999999999999999999999" }).page).toBe(1_000_000);
  });

  it("ignores unknown sorts and orders, and repeated parameters after the first", () => {
    expect(parseListState({ sort: "passwordHash", order: "sideways" })).toMatchObject({ page: 1, sort: "number", order: "desc" });
    expect(parseListState({ sort: ["views", "title"], page: ["2", "5"] })).toMatchObject({ page: 2, sort: "views", order: "desc" });
  });
});

describe("list links", () => {
  it("leave defaults out of the URL", () => {
    expect(boardHref("news", { page: 1, sort: "number", order: "desc" })).toBe("/news");
    expect(boardHref("news", { page: 2, sort: "number", order: "desc" })).toBe("/news?page=2");
    expect(boardHref("news", { page: 1, sort: "title", order: "desc" })).toBe("/news?sort=title&order=desc");
    expect(articleHref("news", 42, { page: 3, sort: "views", order: "desc" })).toBe("/news/42?sort=views&page=3");
  });

  it("sort headers open a column in its default direction and reverse it when clicked again", () => {
    const state = { page: 4, sort: "number", order: "desc", category: null, search: null } as const;
    expect(sortHref("news", state, "title")).toBe("/news?sort=title");
    expect(sortHref("news", { ...state, page: 1, sort: "title", order: "asc" }, "title")).toBe("/news?sort=title&order=desc");
    expect(sortHref("news", state, "number")).toBe("/news?order=asc");
  });

  it("knows the board's own order", () => {
    expect(isDefaultOrder({ sort: "number", order: "desc" })).toBe(true);
    expect(isDefaultOrder({ sort: "number", order: "asc" })).toBe(false);
    expect(isDefaultOrder({ sort: "title", order: "desc" })).toBe(false);
  });
});

describe("category and search in the list state", () => {
  it("reads a category slug and a search, defaulting the target to 제목+내용", () => {
    expect(parseListState({ category: "economy", q: "  뿌리산업 " })).toMatchObject({
      category: "economy",
      search: { target: "title_content", keyword: "뿌리산업" },
    });
    expect(parseListState({ q: "김민지", target: "author" }).search).toEqual({ target: "author", keyword: "김민지" });
  });

  it("drops malformed categories, unknown targets and blank keywords", () => {
    expect(parseListState({ category: "../admin" }).category).toBeNull();
    expect(parseListState({ category: "Economy" }).category).toBeNull();
    expect(parseListState({ q: "축제", target: "passwordHash" }).search?.target).toBe("title_content");
    expect(parseListState({ q: "   " }).search).toBeNull();
    expect(parseListState({ target: "title" }).search).toBeNull();
  });

  it("caps a keyword's length in the URL without splitting a character", () => {
    const keyword = parseListState({ q: "가".repeat(500) }).search!.keyword;
    expect(Array.from(keyword)).toHaveLength(200);
  });

  it("carries category and search in every link, in a stable order", () => {
    const state = { page: 3, sort: "title", order: "desc", category: "economy", search: { target: "title", keyword: "인천 축제" } } as const;
    expect(articleHref("news", 7, state)).toBe("/news/7?category=economy&target=title&q=%EC%9D%B8%EC%B2%9C+%EC%B6%95%EC%A0%9C&sort=title&order=desc&page=3");
    expect(sortHref("news", state, "views")).toBe("/news?category=economy&target=title&q=%EC%9D%B8%EC%B2%9C+%EC%B6%95%EC%A0%9C&sort=views");
    expect(boardHref("news", { ...state, search: { target: "title_content", keyword: "a&b=c" } })).toContain("q=a%26b%3Dc&");
  });

  it("round-trips through a URL", () => {
    const state = { page: 2, sort: "views", order: "asc", category: "society", search: { target: "comment", keyword: "좋은 기사" } } as const;
    const url = new URL(boardHref("news", state), "http://localhost");
    expect(parseListState(Object.fromEntries(url.searchParams))).toEqual(state);
  });
});
