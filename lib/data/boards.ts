import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

export type CategorySummary = { id: number; slug: string; name: string };

/** What the public pages need of a board. */
export type BoardSummary = {
  id: number;
  slug: string;
  title: string;
  description: string;
  rowsPerPage: number;
  pageLinkCount: number;
  noticesOnEveryPage: boolean;
  maxCommentDepth: number;
  /** In tab order. */
  categories: CategorySummary[];
};

const boardSummary = {
  id: true as const,
  slug: true,
  title: true,
  description: true,
  rowsPerPage: true,
  pageLinkCount: true,
  noticesOnEveryPage: true,
  maxCommentDepth: true,
  categories: { select: { id: true, slug: true, name: true }, orderBy: [{ position: "asc" as const }, { id: "asc" as const }] },
};

/** Board slugs are lower-case words; anything else in the URL is not a board. */
export const BOARD_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Memoized per request: a page's metadata and its body look the board up once. */
export const findBoardBySlug = cache(async (slug: string): Promise<BoardSummary | null> => {
  if (!BOARD_SLUG_PATTERN.test(slug)) return null;
  return db.board.findUnique({ where: { slug }, select: boardSummary });
});

/** Boards in menu order; the first is the site's front page. */
export async function listBoards(): Promise<Pick<BoardSummary, "slug" | "title">[]> {
  return db.board.findMany({ select: { slug: true, title: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
}

export async function findFrontPageBoard(): Promise<BoardSummary | null> {
  return db.board.findFirst({ select: boardSummary, orderBy: [{ position: "asc" }, { id: "asc" }] });
}
