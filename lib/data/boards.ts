import "server-only";
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

/**
 * Every board with its categories, in menu order, kept in this process's memory: every public
 * page reads the boards menu and its board, and they change only when an admin edits boards.
 * A site has a handful of boards, so all of them are read at once (one query, and an unknown
 * slug in a URL costs nothing). The promise is kept, not its result, so a read in flight when
 * a write forgets the boards is not kept either. Forgotten by the board writes
 * (lib/data/admin-boards.ts) and, for writes made on another instance, by the internal revalidate
 * route; kept at most REMEMBERED_BOARDS_TTL_MS in any case (a board changed by hand or a script).
 * On globalThis, so every route bundle of this process shares one copy.
 */
const REMEMBERED_BOARDS_TTL_MS = 5 * 60_000;

type RememberedBoards = { boards: Promise<BoardSummary[]>; readAt: number };
const processState = globalThis as unknown as { newsroomRememberedBoards?: RememberedBoards | null };

function allBoards(now = Date.now()): Promise<BoardSummary[]> {
  const remembered = processState.newsroomRememberedBoards;
  if (remembered && now - remembered.readAt <= REMEMBERED_BOARDS_TTL_MS) return remembered.boards;
  const boards = db.board.findMany({ select: boardSummary, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const entry: RememberedBoards = { boards, readAt: now };
  processState.newsroomRememberedBoards = entry;
  // A failed read is not kept: the next page asks the database again.
  boards.catch(() => {
    if (processState.newsroomRememberedBoards === entry) processState.newsroomRememberedBoards = null;
  });
  return boards;
}

/** After a write to any board, its categories or the menu order, here or on another instance. */
export function forgetRememberedBoards(): void {
  processState.newsroomRememberedBoards = null;
}

export async function findBoardBySlug(slug: string): Promise<BoardSummary | null> {
  if (!BOARD_SLUG_PATTERN.test(slug)) return null;
  return (await allBoards()).find((board) => board.slug === slug) ?? null;
}

/** Boards in menu order; the first is the site's front page. */
export async function listBoards(): Promise<Pick<BoardSummary, "slug" | "title">[]> {
  return (await allBoards()).map(({ slug, title }) => ({ slug, title }));
}

export async function findFrontPageBoard(): Promise<BoardSummary | null> {
  return (await allBoards())[0] ?? null;
}
