/**
 * The state of a board list as it travels in the URL: page, sort column and direction,
 * category and search. Every link out of a list (pages, sorts, articles, prev/next) carries it,
 * so a reader moves through exactly the list they came from. Parsing never throws: anything
 * malformed falls back to a sane default, so no query string a reader types can break a page.
 */

export const SORT_KEYS = ["number", "title", "date", "views", "comments"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

/** The default list: newest first, as the board always opens. */
export const DEFAULT_SORT: SortKey = "number";

/** The direction a column sorts in when its header is first clicked. */
export const DEFAULT_ORDER: Record<SortKey, SortOrder> = {
  number: "desc",
  title: "asc",
  date: "desc",
  views: "desc",
  comments: "desc",
};

/** Deepest page a URL may name; anything larger is clamped to the last page anyway. */
const MAX_PAGE = 1_000_000;

/** What a search looks in: 제목+내용, 제목, 내용, 글쓴이, 댓글. */
export const SEARCH_TARGETS = ["title_content", "title", "content", "author", "comment"] as const;
export type SearchTarget = (typeof SEARCH_TARGETS)[number];
export const DEFAULT_SEARCH_TARGET: SearchTarget = "title_content";
export const SEARCH_TARGET_LABELS: Record<SearchTarget, string> = {
  title_content: "제목+내용",
  title: "제목",
  content: "내용",
  author: "글쓴이",
  comment: "댓글",
};

/** Longest keyword kept in a URL; the search itself explains the real limit (lib/search/tokens.ts). */
const MAX_KEYWORD_IN_URL = 200;

export type ListSearch = { target: SearchTarget; keyword: string };

export type ListState = {
  page: number;
  sort: SortKey;
  order: SortOrder;
  /** A category slug of the board, or null for all of it. */
  category: string | null;
  search: ListSearch | null;
};

type SearchParamValue = string | string[] | undefined;
export type RawSearchParams = Record<string, SearchParamValue>;

const first = (value: SearchParamValue) => (Array.isArray(value) ? value[0] : value);

/**
 * `value` when it is one of `allowed`, else undefined. A plain check, not zod: this module runs
 * in the browser too (the list's and the comment links' client components), where zod would
 * add ~30 kB gzipped to every board and article page.
 */
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}
const CATEGORY_SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function parseListState(params: RawSearchParams): ListState {
  const sortKey = oneOf(SORT_KEYS, first(params.sort)) ?? DEFAULT_SORT;
  const order = oneOf(["asc", "desc"] as const, first(params.order));
  // Whole numbers only ("2", not "2.5", "1e3" or "-1"); huge ones become the last page later.
  const rawPage = first(params.page)?.trim() ?? "";
  const page = /^\d+$/.test(rawPage) ? Math.min(Math.max(Number(rawPage), 1), MAX_PAGE) : 1;
  const category = first(params.category)?.trim() ?? "";
  const keyword = Array.from((first(params.q) ?? "").toWellFormed().trim()).slice(0, MAX_KEYWORD_IN_URL).join("");
  const target = oneOf(SEARCH_TARGETS, first(params.target));
  return {
    page,
    sort: sortKey,
    order: order ?? DEFAULT_ORDER[sortKey],
    category: CATEGORY_SLUG.test(category) ? category : null,
    search: keyword ? { target: target ?? DEFAULT_SEARCH_TARGET, keyword } : null,
  };
}

/** True when the list is in the board's own order (notices are pinned only there). */
export function isDefaultOrder(state: Pick<ListState, "sort" | "order">): boolean {
  return state.sort === DEFAULT_SORT && state.order === DEFAULT_ORDER[DEFAULT_SORT];
}

/** Query parameters for a list state, leaving out whatever is the default. */
export function listParams(state: Partial<ListState>): [string, string][] {
  const params: [string, string][] = [];
  if (state.category) params.push(["category", state.category]);
  if (state.search) {
    if (state.search.target !== DEFAULT_SEARCH_TARGET) params.push(["target", state.search.target]);
    params.push(["q", state.search.keyword]);
  }
  const sort = state.sort ?? DEFAULT_SORT;
  if (sort !== DEFAULT_SORT) params.push(["sort", sort]);
  if (state.order && state.order !== DEFAULT_ORDER[sort]) params.push(["order", state.order]);
  if (state.page && state.page > 1) params.push(["page", String(state.page)]);
  return params;
}

/** Query string for a list state ("?category=…&q=…&sort=…&page=…"), or "" for the default list. */
export function listQuery(state: Partial<ListState>): string {
  const text = new URLSearchParams(listParams(state)).toString();
  return text ? `?${text}` : "";
}

export function boardHref(boardSlug: string, state: Partial<ListState> = {}): string {
  return `/${boardSlug}${listQuery(state)}`;
}

/** An article link that carries the list the reader came from. */
export function articleHref(boardSlug: string, postId: number, state: Partial<ListState> = {}): string {
  return `/${boardSlug}/${postId}${listQuery(state)}`;
}

/**
 * Where a column header leads: that column in its default direction, or reversed when already
 * sorted by it; category and search stay, the page goes back to 1.
 */
export function sortHref(boardSlug: string, current: ListState, column: SortKey): string {
  const order: SortOrder =
    current.sort === column ? (current.order === "asc" ? "desc" : "asc") : DEFAULT_ORDER[column];
  return boardHref(boardSlug, { ...current, sort: column, order, page: 1 });
}
