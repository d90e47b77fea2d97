import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { BoardSummary } from "@/lib/data/boards";
import { isDefaultOrder, type ListState, type SortKey, type SortOrder } from "@/lib/board/list-state";
import { clampPage, pageCountOf, pageOfPosition } from "@/lib/board/pagination";

/** The column each sort key orders by; ties are broken by id in the same direction. */
const SORT_COLUMN = {
  number: "publishedAt",
  date: "publishedAt",
  title: "title",
  views: "viewCount",
  comments: "commentCount",
} as const satisfies Record<SortKey, string>;

type SortColumn = (typeof SORT_COLUMN)[SortKey];

/** Articles readers may see: published (drafts, scheduled and deleted articles have other statuses). */
const visible = { status: "published" } as const;

/** The numbered rows of a board list: visible articles that are not pinned notices. */
function listedIn(boardId: number) {
  return { boardId, ...visible, isNotice: false } as const;
}

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

export type BoardPage = {
  rows: ListRow[];
  notices: ListRow[];
  /** Numbered articles in the whole list (notices not included). */
  total: number;
  page: number;
  pageCount: number;
  state: ListState;
};

/**
 * One page of a board list. A page past the end shows the last page; notices are pinned
 * above the default order (on every page, or page 1 only, as the board is set).
 */
export async function getBoardPage(board: BoardSummary, requested: ListState): Promise<BoardPage> {
  const total = await db.post.count({ where: listedIn(board.id) });
  const pageCount = pageCountOf(total, board.rowsPerPage);
  const page = clampPage(requested.page, pageCount);
  const state = { ...requested, page };
  const column: SortColumn = SORT_COLUMN[state.sort];
  const showNotices = isDefaultOrder(state) && (page === 1 || board.noticesOnEveryPage);

  const [rows, notices] = await Promise.all([
    db.post.findMany({
      where: listedIn(board.id),
      orderBy: [{ [column]: state.order }, { id: state.order }],
      skip: (page - 1) * board.rowsPerPage,
      take: board.rowsPerPage,
      select: listRowFields,
    }),
    showNotices
      ? db.post.findMany({
          where: { boardId: board.id, ...visible, isNotice: true },
          orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
          select: listRowFields,
        })
      : Promise.resolve([]),
  ]);
  return { rows: rows.map(toListRow), notices: notices.map(toListRow), total, page, pageCount, state };
}

export type Article = ListRow & {
  boardId: number;
  subtitle: string;
  bodyHtml: string;
  isNotice: boolean;
  updatedAt: Date;
};

/**
 * A visible article of the given board, or null (drafts, deleted and other boards' ids are not
 * found). Memoized per request: the article page's metadata and body read it once.
 */
export const findArticle = cache(async (boardId: number, postId: number): Promise<Article | null> => {
  if (!Number.isSafeInteger(postId) || postId < 1) return null;
  const record = await db.post.findFirst({
    where: { id: postId, boardId, ...visible },
    select: { ...listRowFields, boardId: true, subtitle: true, bodyHtml: true, isNotice: true, updatedAt: true },
  });
  if (!record) return null;
  return {
    ...toListRow(record),
    boardId: record.boardId,
    subtitle: record.subtitle,
    bodyHtml: record.bodyHtml,
    isNotice: record.isNotice,
    updatedAt: record.updatedAt,
  };
});

/**
 * The list page an article sits on in the given order: the rows before it, counted with the
 * same index the list reads (sort column, then id), so it costs one index range count.
 * Notices are not in the numbered list; they sit on page 1.
 */
export async function findPageOfArticle(
  board: BoardSummary,
  article: Pick<Article, "id" | "title" | "publishedAt" | "viewCount" | "commentCount" | "isNotice">,
  sort: SortKey,
  order: SortOrder,
): Promise<number> {
  if (article.isNotice) return 1;
  const column = SORT_COLUMN[sort];
  const value = {
    publishedAt: article.publishedAt,
    title: article.title,
    viewCount: article.viewCount,
    commentCount: article.commentCount,
  }[column];
  const before = order === "desc" ? "gt" : "lt";
  const rowsBefore = await db.post.count({
    where: {
      ...listedIn(board.id),
      OR: [{ [column]: { [before]: value } }, { [column]: value, id: { [before]: article.id } }],
    },
  });
  return pageOfPosition(rowsBefore, board.rowsPerPage);
}
