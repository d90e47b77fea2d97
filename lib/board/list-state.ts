/**
 * The state of a board list as it travels in the URL: page, sort column and direction.
 * Parsing never throws: anything malformed falls back to a sane default, so no query
 * string a reader types can break a page.
 */
import { z } from "zod";

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

export type ListState = { page: number; sort: SortKey; order: SortOrder };

type SearchParamValue = string | string[] | undefined;
export type RawSearchParams = Record<string, SearchParamValue>;

const first = (value: SearchParamValue) => (Array.isArray(value) ? value[0] : value);

const sortSchema = z.enum(SORT_KEYS);
const orderSchema = z.enum(["asc", "desc"]);

export function parseListState(params: RawSearchParams): ListState {
  const sort = sortSchema.safeParse(first(params.sort));
  const sortKey = sort.success ? sort.data : DEFAULT_SORT;
  const order = orderSchema.safeParse(first(params.order));
  // Whole numbers only ("2", not "2.5", "1e3" or "-1"); huge ones become the last page later.
  const rawPage = first(params.page)?.trim() ?? "";
  const page = /^\d+$/.test(rawPage) ? Math.min(Math.max(Number(rawPage), 1), MAX_PAGE) : 1;
  return {
    page,
    sort: sortKey,
    order: order.success ? order.data : DEFAULT_ORDER[sortKey],
  };
}

/** True when the list is in the board's own order (notices are pinned only there). */
export function isDefaultOrder(state: Pick<ListState, "sort" | "order">): boolean {
  return state.sort === DEFAULT_SORT && state.order === DEFAULT_ORDER[DEFAULT_SORT];
}

/** Query string for a list state, leaving out whatever is the default. */
export function listQuery(state: Partial<ListState>): string {
  const query = new URLSearchParams();
  const sort = state.sort ?? DEFAULT_SORT;
  if (sort !== DEFAULT_SORT) query.set("sort", sort);
  if (state.order && state.order !== DEFAULT_ORDER[sort]) query.set("order", state.order);
  if (state.page && state.page > 1) query.set("page", String(state.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function boardHref(boardSlug: string, state: Partial<ListState> = {}): string {
  return `/${boardSlug}${listQuery(state)}`;
}

/** An article link that carries the list the reader came from. */
export function articleHref(boardSlug: string, postId: number, state: Partial<ListState> = {}): string {
  return `/${boardSlug}/${postId}${listQuery(state)}`;
}

/** Where a column header leads: that column in its default direction, or reversed when already sorted by it. */
export function sortHref(boardSlug: string, current: ListState, column: SortKey): string {
  const order: SortOrder =
    current.sort === column ? (current.order === "asc" ? "desc" : "asc") : DEFAULT_ORDER[column];
  return boardHref(boardSlug, { sort: column, order });
}
