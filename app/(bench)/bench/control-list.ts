/**
 * The fixed list the benchmark's control pages render: the demo board with the seed page's 20
 * rows and three notices, as page 1 of a 100,000-article board. Same components and about the
 * same bytes as the real /news page 1, and no database: `npm run bench` prints both sizes.
 */
import type { Metadata } from "next";
import { parseListState } from "@/lib/board/list-state";
import type { BoardSummary } from "@/lib/data/boards";
import type { BoardPage, ListRow } from "@/lib/data/posts";
import { DEMO_BOARD, DEMO_CATEGORIES } from "@/lib/seed/seed-site";
import { SEED_PAGE_ROWS } from "@/lib/seed/seed-page";
import { boardListMetadata } from "@/lib/seo/list-seo";

const TOTAL = 100_000;

export const CONTROL_BOARDS_MENU = [{ slug: DEMO_BOARD.slug, title: DEMO_BOARD.title }];

export const CONTROL_BOARD: BoardSummary = {
  id: 1,
  ...DEMO_BOARD,
  rowsPerPage: 20,
  pageLinkCount: 10,
  noticesOnEveryPage: true,
  maxCommentDepth: 5,
  categories: DEMO_CATEGORIES.map((category, index) => ({ id: index + 1, ...category })),
};

/** "2020.09.14" at 14:00 Korean time. */
const koreanDay = (day: string) => new Date(`${day.replaceAll(".", "-")}T14:00:00+09:00`);

const rows: ListRow[] = SEED_PAGE_ROWS.map((row, index) => ({
  id: TOTAL + 3 - index,
  title: row.title,
  authorName: row.author,
  publishedAt: koreanDay(row.date),
  viewCount: row.views * 7,
  commentCount: index % 3,
}));

const notices: ListRow[] = ["[공지] 지역뉴스 게시판 이용 안내", "[공지] 기사 제보 및 보도자료 접수 안내", "[공지] 댓글 운영 원칙"].map(
  (title, index) => ({ id: index + 1, title, authorName: "관리자", publishedAt: koreanDay("2020.01.02"), viewCount: 300 + index, commentCount: 0 }),
);

const state = parseListState({});

export const CONTROL_LIST: BoardPage = {
  rows,
  notices,
  total: TOTAL,
  totalIsLimited: false,
  page: 1,
  pageCount: Math.ceil(TOTAL / CONTROL_BOARD.rowsPerPage),
  state,
  searchError: null,
};

/** The real list page's metadata, kept out of search engines. */
export const CONTROL_METADATA: Metadata = { ...boardListMetadata(CONTROL_BOARD, state), robots: { index: false, follow: false } };
