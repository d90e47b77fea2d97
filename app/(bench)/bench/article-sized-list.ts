/**
 * The list of the article-sized control (/bench/prerendered-article): the control list
 * (./control-list.ts) with more rows, its 20 rows again under other numbers past the 20th, so
 * the page's HTML is about an article page's size (~100 kB: an article shows its board's list
 * under it). `npm run bench` prints both sizes and compares each cached row with the control
 * closest to it in size.
 */
import type { BoardSummary } from "@/lib/data/boards";
import type { BoardPage } from "@/lib/data/posts";
import { CONTROL_BOARD, CONTROL_LIST } from "./control-list";

export const ARTICLE_SIZED_ROWS = 38;

export const ARTICLE_SIZED_BOARD: BoardSummary = { ...CONTROL_BOARD, rowsPerPage: ARTICLE_SIZED_ROWS };

const base = CONTROL_LIST.rows;

export const ARTICLE_SIZED_LIST: BoardPage = {
  ...CONTROL_LIST,
  rows: Array.from({ length: ARTICLE_SIZED_ROWS }, (_, index) => ({ ...base[index % base.length], id: base[0].id - index })),
  pageCount: Math.ceil(CONTROL_LIST.total / ARTICLE_SIZED_ROWS),
};
