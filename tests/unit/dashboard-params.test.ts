import { describe, expect, it } from "vitest";
import {
  DASHBOARD_SEARCH_MAX,
  dashboardPostsHref,
  normalizeTitleSearch,
  parseDashboardPostsParams,
  parsePostIdParam,
} from "@/lib/validations/dashboard";

describe("parseDashboardPostsParams", () => {
  it("opens everyone's non-deleted articles on page 1, unsearched", () => {
    expect(parseDashboardPostsParams({})).toEqual({ scope: "all", status: undefined, q: "", page: 1 });
  });

  it("reads scope, status, search and page", () => {
    expect(parseDashboardPostsParams({ scope: "mine", status: "deleted", q: "  광역버스  노선 ", page: "3" })).toEqual({
      scope: "mine",
      status: "deleted",
      q: "광역버스 노선",
      page: 3,
    });
  });

  it("falls back to the default for each bad value, keeping the good ones", () => {
    expect(parseDashboardPostsParams({ scope: "everyone", status: "archived", q: "버스", page: "2" })).toEqual({ scope: "all", status: undefined, q: "버스", page: 2 });
    expect(parseDashboardPostsParams({ status: "", scope: "" })).toMatchObject({ scope: "all", status: undefined });
    expect(parseDashboardPostsParams({ status: "DRAFT" }).status).toBeUndefined();
  });

  it.each([["abc"], ["-1"], ["0"], ["2.5"], ["1e3"], [""], [" "], ["0x10"], ["３"]])("reads page %j as 1", (page) => {
    expect(parseDashboardPostsParams({ page }).page).toBe(1);
  });

  it("keeps huge pages whole (the list then shows its last page)", () => {
    expect(parseDashboardPostsParams({ page: "99999999999999999999999" }).page).toBe(1_000_000);
  });

  it("makes a search with lone UTF-16 surrogates well-formed (the database driver refuses them; fast-check found it)", () => {
    const { q } = parseDashboardPostsParams({ q: ["\udfff\ud800인천"] });
    expect(q.isWellFormed()).toBe(true);
    expect(q).toBe("\ufffd\ufffd인천");
  });

  it("takes the first of repeated parameters", () => {
    expect(parseDashboardPostsParams({ status: ["draft", "deleted"], page: ["4", "9"], q: ["하나", "둘"] })).toMatchObject({ status: "draft", page: 4, q: "하나" });
  });

  it("cleans and bounds the search", () => {
    expect(normalizeTitleSearch("a\u0000b\u200Bc\td")).toBe("abc d");
    // A Mac's decomposed Hangul becomes ordinary syllables.
    expect(normalizeTitleSearch("\u1112\u1161\u11AB")).toBe("한");
    expect(parseDashboardPostsParams({ q: "가".repeat(500) }).q).toHaveLength(DASHBOARD_SEARCH_MAX);
  });
});

describe("dashboardPostsHref", () => {
  it("leaves out defaults", () => {
    expect(dashboardPostsHref("/dashboard/posts", { scope: "all", status: undefined, q: "", page: 1 })).toBe("/dashboard/posts");
  });

  it("writes what differs, and round-trips through the parser", () => {
    const params = { scope: "mine", status: "draft", q: "100% 달성 & 인천", page: 2 } as const;
    const href = dashboardPostsHref("/dashboard/posts", params, "list");
    expect(href).toBe("/dashboard/posts?scope=mine&status=draft&q=100%25+%EB%8B%AC%EC%84%B1+%26+%EC%9D%B8%EC%B2%9C&page=2#list");
    const query = new URL(href, "http://localhost").searchParams;
    expect(parseDashboardPostsParams(Object.fromEntries(query))).toEqual(params);
  });
});

describe("parsePostIdParam", () => {
  it("accepts positive whole numbers only", () => {
    expect(parsePostIdParam("42")).toBe(42);
    for (const bad of ["0", "-1", "1.5", "abc", "", "01", "1e3", "9999999999"]) expect(parsePostIdParam(bad)).toBeNull();
  });
});
