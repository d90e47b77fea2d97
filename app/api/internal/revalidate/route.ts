import { revalidatePath, revalidateTag } from "next/cache";
import { forgetBoardLists } from "@/lib/board/board-memory";
import { boardOfTag, boardTag, isCacheTag } from "@/lib/cache-tags";
import { forgetRememberedBoards } from "@/lib/data/boards";
import { isInternalToken } from "@/lib/internal/internal-requests";

/**
 * Expires cached pages in this server process, for work started outside a request (Next only
 * lets a request revalidate): the second expiry after a write, and invalidations heard from
 * other app instances (lib/cache/cross-instance-revalidation.ts). Body, a CacheInvalidation:
 * `expire` tags expired at once, `refresh` tags marked stale (served once more, then rebuilt),
 * `layout: true` every page (a header change). A board's tag also forgets what this process
 * remembers of its lists: totals, notices, where deep pages start (lib/board/board-memory.ts).
 * An expired board tag (its settings or categories changed) or the layout (the menu) also
 * drops the boards this process keeps in memory (lib/data/boards.ts). Only this site's internal token is answered; anyone else gets a 404.
 */
export const dynamic = "force-dynamic";

const tagsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter(isCacheTag) : []);

export async function POST(request: Request) {
  if (!(await isInternalToken(request.headers.get("x-internal-token")))) {
    return new Response("Not Found", { status: 404 });
  }
  const body = (await request.json().catch(() => null)) as { expire?: unknown; refresh?: unknown; layout?: unknown } | null;
  const expire = tagsIn(body?.expire);
  const refresh = tagsIn(body?.refresh);
  const layout = body?.layout === true;
  for (const tag of expire) revalidateTag(tag, { expire: 0 });
  for (const tag of refresh) revalidateTag(tag, "max");
  if (layout) revalidatePath("/", "layout");
  const boardsChanged = layout || expire.some((tag) => boardOfTag(tag) !== null && tag === boardTag(boardOfTag(tag)!));
  if (boardsChanged) forgetRememberedBoards();
  for (const tag of [...expire, ...refresh]) {
    const board = boardOfTag(tag);
    if (board) forgetBoardLists(board);
  }
  return Response.json({ expired: expire, refreshed: refresh, layout });
}
