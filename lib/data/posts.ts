import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { BoardSummary } from "@/lib/data/boards";
import { toUploadedImage, type UploadedImage } from "@/lib/data/media";
import { isDefaultOrder, type ListState, type SortKey, type SortOrder } from "@/lib/board/list-state";
import { clampPage, pageCountOf, pageOfPosition } from "@/lib/board/pagination";
import { parseKeyword } from "@/lib/search/tokens";
import type { Sql } from "@/lib/db/sql";
import { BoardMemory, boardListsGeneration } from "@/lib/board/board-memory";
import { ANCHOR_SPACING, anchorKey, forgetAnchor, recallAnchor, rememberAnchor } from "@/lib/board/list-anchors";
import { listTotalKey, listTotalOf, type ListTotal } from "@/lib/board/list-totals";
import {
  FEW_MATCHES,
  isArticleTextTarget,
  listCount,
  listPageIds,
  listPageIdsFrom,
  listRowsOf,
  listRowsOfPage,
  neighbourId,
  noticeRows,
  rowsBefore,
  SEARCH_RESULT_LIMIT,
  searchMatchesUpTo,
  type ListFilter,
  type ListOrder,
  type ListSearchFilter,
} from "./list-query";

/** Articles readers may see: published (drafts, scheduled and deleted articles have other statuses). */
const visible = { status: "published" } as const;

export type ListRow = {
  id: number;
  title: string;
  authorName: string;
  publishedAt: Date;
  viewCount: number;
  commentCount: number;
};

const listRowFields = {
  id: true,
  title: true,
  publishedAt: true,
  viewCount: true,
  commentCount: true,
  author: { select: { displayName: true } },
} as const;

type ListRowRecord = {
  id: number;
  title: string;
  publishedAt: Date | null;
  viewCount: number;
  commentCount: number;
  author: { displayName: string };
};

function toListRow(record: ListRowRecord): ListRow {
  return {
    id: record.id,
    title: record.title,
    authorName: record.author.displayName,
    // Published articles always have a publication time; fall back to the epoch defensively.
    publishedAt: record.publishedAt ?? new Date(0),
    viewCount: record.viewCount,
    commentCount: record.commentCount,
  };
}

/** A list row as the raw list queries return it (list-query.ts listRowsOf, noticeRows). */
type ListRowColumns = {
  id: number | bigint;
  title: string;
  authorName: string;
  publishedAt: Date | string | number | null;
  viewCount: number | bigint;
  commentCount: number | bigint;
};

function listRowOfColumns(columns: ListRowColumns): ListRow {
  return {
    id: Number(columns.id),
    title: columns.title,
    authorName: columns.authorName,
    publishedAt: columns.publishedAt === null ? new Date(0) : new Date(columns.publishedAt),
    viewCount: Number(columns.viewCount),
    commentCount: Number(columns.commentCount),
  };
}

/**
 * List rows read with raw SQL: a list page runs on every request, and Prisma's query API
 * compiles each query in JavaScript (more time than the SQL takes for 20 rows by id).
 */
const listRows = async (query: Sql) => (await db.$queryRaw<ListRowColumns[]>(query)).map(listRowOfColumns);

export type BoardPage = {
  rows: ListRow[];
  notices: ListRow[];
  /** Articles in the whole list (notices not included). */
  total: number;
  /** True when a search matched more than it shows: `total` is then its newest SEARCH_RESULT_LIMIT. */
  totalIsLimited: boolean;
  page: number;
  pageCount: number;
  state: ListState;
  /** Why a search found nothing to look for (a Korean message for the search form), or null. */
  searchError: string | null;
};

const count = async (query: Sql) => Number((await db.$queryRaw<{ count: number | bigint }[]>(query))[0].count);
const ids = async (query: Sql) => (await db.$queryRaw<{ id: number | bigint }[]>(query)).map((row) => Number(row.id));

/** How many rows a list holds; memoized per request (the list and prev/next both ask). */
const countList = cache(async (filterKey: string) => count(listCount(db.engine, JSON.parse(filterKey) as ListFilter)));

/** How many articles a search of article text matches in the index, up to FEW_MATCHES + 1; memoized per request. */
const countMatchesUpTo = cache(async (probeKey: string) => {
  const { target, terms } = JSON.parse(probeKey) as Pick<ListSearchFilter, "target" | "terms">;
  return isArticleTextTarget(target) ? count(searchMatchesUpTo(db.engine, target, terms)) : null;
});

type ResolvedList =
  | { filter: ListFilter; total: number; totalIsLimited: boolean; searchError: null }
  | { filter: null; total: 0; totalIsLimited: false; searchError: string };

/**
 * Resolves a list state against a board: its category id, its search terms and how many rows
 * it holds. A search decides here how it reads its results (findSearch). What a list holds is
 * remembered for a minute or until the board's next write (lib/board/list-totals.ts).
 */
export async function resolveList(board: BoardSummary, state: ListState): Promise<ResolvedList> {
  const category = state.category ? board.categories.find((candidate) => candidate.slug === state.category) : undefined;
  const base = { boardId: board.id, categoryId: category?.id ?? null };
  let search: ListSearchFilter | null = null;
  if (state.search) {
    const parsed = parseKeyword(state.search.keyword);
    if (!parsed.ok) return { filter: null, total: 0, totalIsLimited: false, searchError: parsed.message };
    search = { ...state.search, terms: parsed.terms, drive: "matches" };
  }
  const key = listTotalKey(board.slug, { categoryId: base.categoryId, search });
  const found = await listTotalOf(key, async () =>
    search ? findSearch(base, search) : { total: await countList(JSON.stringify({ ...base, search: null })), totalIsLimited: false, drive: null },
  );
  const filter: ListFilter = { ...base, search: search && { ...search, drive: found.drive ?? "matches" } };
  return { filter, total: found.total, totalIsLimited: found.totalIsLimited, searchError: null };
}

/**
 * How a search reads its results and how many it has. A search of article text asks the index
 * for at most FEW_MATCHES + 1 matches; with more, it walks the list and counts its newest
 * SEARCH_RESULT_LIMIT results. Other searches, and text searches with few matches, count them all.
 */
async function findSearch(base: Omit<ListFilter, "search">, search: ListSearchFilter): Promise<ListTotal> {
  const walking: ListFilter = { ...base, search: { ...search, drive: "list" } };
  const indexMatches = await countMatchesUpTo(JSON.stringify({ target: search.target, terms: search.terms }));
  if (indexMatches !== null && indexMatches > FEW_MATCHES) {
    const found = await countList(JSON.stringify(walking));
    return { drive: "list", total: Math.min(found, SEARCH_RESULT_LIMIT), totalIsLimited: found > SEARCH_RESULT_LIMIT };
  }
  const total = await countList(JSON.stringify({ ...base, search }));
  return { drive: total > FEW_MATCHES ? "list" : "matches", total, totalIsLimited: false };
}

/**
 * The rows `offset` … `offset + limit` of a list, ids and rows in one statement
 * (listRowsOfPage). Near the top, or in a search, with OFFSET; further down, from the nearest
 * remembered anchor above (lib/board/list-anchors.ts), found with one OFFSET walk the first
 * time. A short read from an anchor (it was deleted or moved since) forgets it and reads with
 * OFFSET.
 */
async function pageRows(board: BoardSummary, filter: ListFilter, order: ListOrder, limit: number, offset: number, total: number): Promise<ListRow[]> {
  const rowsOf = (pageIds: Sql) => listRows(listRowsOfPage(pageIds, order));
  if (filter.search || offset < ANCHOR_SPACING) return rowsOf(listPageIds(db.engine, filter, order, limit, offset));
  const block = Math.floor(offset / ANCHOR_SPACING);
  const key = anchorKey(board.slug, JSON.stringify([filter.categoryId, order.sort, order.order]), block);
  let anchorId = recallAnchor(key);
  if (anchorId === null) {
    const generation = boardListsGeneration(board.slug);
    [anchorId] = await ids(listPageIds(db.engine, filter, order, 1, block * ANCHOR_SPACING));
    if (anchorId === undefined) return [];
    rememberAnchor(key, anchorId, generation);
  }
  const rows = await rowsOf(listPageIdsFrom(db.engine, filter, order, anchorId, limit, offset - block * ANCHOR_SPACING));
  if (rows.length >= Math.min(limit, total - offset)) return rows;
  forgetAnchor(key);
  return rowsOf(listPageIds(db.engine, filter, order, limit, offset));
}

/** Pinned notices show above the board's own order, unfiltered by search, on page 1 or every page as the board is set. */
function showsNotices(board: BoardSummary, state: ListState, page: number): boolean {
  return isDefaultOrder(state) && state.search === null && (page === 1 || board.noticesOnEveryPage);
}

/** The list rows of the given ids, in the order of the ids. */
async function rowsByIds(postIds: number[]): Promise<ListRow[]> {
  if (postIds.length === 0) return [];
  const byId = new Map((await listRows(listRowsOf(postIds))).map((row) => [row.id, row]));
  return postIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A board's pinned notices, remembered for a minute like its totals (lib/board/board-memory.ts):
 * they head every first page, and change only by a write to the board, which forgets them. Their
 * view counts are then up to a minute old, as on the board's cached first page.
 */
const rememberedNotices = new BoardMemory<ListRow[]>({ ttlMs: 60_000, maxEntries: 1_000 });

async function noticesOf(board: BoardSummary): Promise<ListRow[]> {
  return rememberedNotices.recallOrFind(BoardMemory.key(board.slug, "notices"), () => listRows(noticeRows(board.id)));
}

/**
 * One page of a board list: the board's own order or a sort, within a category or a search.
 * A page past the end shows the last page; an unknown category shows the whole board.
 */
export async function getBoardPage(board: BoardSummary, requested: ListState): Promise<BoardPage> {
  const { filter, total, totalIsLimited, searchError } = await resolveList(board, requested);
  if (!filter) {
    return { rows: [], notices: [], total: 0, totalIsLimited: false, page: 1, pageCount: 1, state: { ...requested, page: 1 }, searchError };
  }
  const known = { ...requested, category: filter.categoryId === null ? null : requested.category };
  const pageCount = pageCountOf(total, board.rowsPerPage);
  const page = clampPage(requested.page, pageCount);
  const state = { ...known, page };
  const [rows, notices] = await Promise.all([
    total === 0 ? Promise.resolve([]) : pageRows(board, filter, state, board.rowsPerPage, (page - 1) * board.rowsPerPage, total),
    showsNotices(board, state, page) ? noticesOf(board) : Promise.resolve([]),
  ]);
  return { rows, notices, total, totalIsLimited, page, pageCount, state, searchError: null };
}

export type Article = ListRow & {
  boardId: number;
  subtitle: string;
  bodyHtml: string;
  isNotice: boolean;
  updatedAt: Date;
  leadImage: UploadedImage | null;
  /** In the order the writer gave them. */
  tags: string[];
};

/**
 * A visible article of the given board, or null (drafts, deleted and other boards' ids are not
 * found). Memoized per request: the article page's metadata and body read it once.
 */
export const findArticle = cache(async (boardId: number, postId: number): Promise<Article | null> => {
  if (!Number.isSafeInteger(postId) || postId < 1) return null;
  const record = await db.post.findFirst({
    where: { id: postId, boardId, ...visible },
    select: {
      ...listRowFields,
      boardId: true,
      subtitle: true,
      bodyHtml: true,
      isNotice: true,
      updatedAt: true,
      leadImage: { select: { id: true, key: true, width: true, height: true, widths: true, alt: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { position: "asc" } },
    },
  });
  if (!record) return null;
  return {
    ...toListRow(record),
    boardId: record.boardId,
    subtitle: record.subtitle,
    bodyHtml: record.bodyHtml,
    isNotice: record.isNotice,
    updatedAt: record.updatedAt,
    leadImage: record.leadImage ? toUploadedImage(record.leadImage) : null,
    tags: record.tags.map((entry) => entry.tag.name),
  };
});

/**
 * The list page an article sits on in the given list: the rows before it, counted off the
 * same index the list reads, so it costs one index range count. Notices sit on page 1.
 */
export async function findPageOfArticle(board: BoardSummary, article: Pick<Article, "id" | "isNotice">, state: ListState): Promise<number> {
  if (article.isNotice) return 1;
  const { filter } = await resolveList(board, state);
  if (!filter) return 1;
  return pageOfPosition(await count(rowsBefore(db.engine, filter, state, article.id)), board.rowsPerPage);
}

export type Neighbour = { id: number; title: string };
export type Neighbours = { previous: Neighbour | null; next: Neighbour | null };

/**
 * The articles just above and below this one in the list the reader came from (same board,
 * category, sort and search), across page edges. Where notices are pinned (the board's own
 * order), they come first: the first numbered article's previous is the last notice.
 */
export async function findNeighbours(board: BoardSummary, article: Pick<Article, "id" | "isNotice">, state: ListState): Promise<Neighbours> {
  const { filter } = await resolveList(board, state);
  if (!filter) return { previous: null, next: null };
  const pinsNotices = showsNotices(board, state, 1);
  const titled = async (id: number | undefined) => (id === undefined ? null : ((await rowsByIds([id]))[0] ?? null));

  if (article.isNotice) {
    // A notice's neighbours are the notices around it, then the top of the numbered list.
    const notices = pinsNotices ? await noticesOf(board) : [];
    const index = notices.findIndex((notice) => notice.id === article.id);
    if (index === -1) return { previous: null, next: null };
    const after = notices[index + 1] ?? (await titled((await ids(listPageIds(db.engine, filter, state, 1, 0)))[0]));
    return { previous: notices[index - 1] ?? null, next: after };
  }
  const [previousId, nextId] = await Promise.all([
    ids(neighbourId(db.engine, filter, state, article.id, "previous")),
    ids(neighbourId(db.engine, filter, state, article.id, "next")),
  ]);
  const previous = previousId.length > 0 ? await titled(previousId[0]) : pinsNotices ? ((await noticesOf(board)).at(-1) ?? null) : null;
  return { previous: previous && { id: previous.id, title: previous.title }, next: nextId.length > 0 ? await titled(nextId[0]) : null };
}
