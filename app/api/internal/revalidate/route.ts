import { revalidatePath, revalidateTag } from "next/cache";
import { forgetBoardAnchors } from "@/lib/board/list-anchors";
import { boardOfTag, isCacheTag } from "@/lib/cache-tags";
import { isInternalToken } from "@/lib/internal/internal-requests";

/**
 * Expires cached pages in this server process, for work started outside a request (Next only
 * lets a request revalidate): the second expiry after a write, and invalidations heard from
 * other app instances (lib/cache/cross-instance-revalidation.ts). Body, a CacheInvalidation:
 * `expire` tags expired at once, `refresh` tags marked stale (served once more, then rebuilt),
 * `layout: true` every page (a header change). A board's tag also forgets where its deep list
 * pages start (lib/board/list-anchors.ts). Only this site's internal token is answered;
 * anyone else gets a 404.
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
  for (const tag of [...expire, ...refresh]) {
    const board = boardOfTag(tag);
    if (board) forgetBoardAnchors(board);
  }
  return Response.json({ expired: expire, refreshed: refresh, layout });
}
