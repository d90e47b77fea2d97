import { describe, expect, it } from "vitest";
import { articleHref, boardHref, isDefaultOrder, parseListState, sortHref } from "@/lib/board/list-state";

describe("parseListState", () => {
  it("opens the board in its own order on page 1", () => {
    expect(parseListState({})).toEqual({ page: 1, sort: "number", order: "desc" });
  });

  it("reads page, sort and order", () => {
    expect(parseListState({ page: "3", sort: "title", order: "desc" })).toEqual({ page: 3, sort: "title", order: "desc" });
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
    expect(parseListState({ sort: "passwordHash", order: "sideways" })).toEqual({ page: 1, sort: "number", order: "desc" });
    expect(parseListState({ sort: ["views", "title"], page: ["2", "5"] })).toEqual({ page: 2, sort: "views", order: "desc" });
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
    const state = { page: 4, sort: "number", order: "desc" } as const;
    expect(sortHref("news", state, "title")).toBe("/news?sort=title");
    expect(sortHref("news", { page: 1, sort: "title", order: "asc" }, "title")).toBe("/news?sort=title&order=desc");
    expect(sortHref("news", state, "number")).toBe("/news?order=asc");
  });

  it("knows the board's own order", () => {
    expect(isDefaultOrder({ sort: "number", order: "desc" })).toBe(true);
    expect(isDefaultOrder({ sort: "number", order: "asc" })).toBe(false);
    expect(isDefaultOrder({ sort: "title", order: "desc" })).toBe(false);
  });
});
