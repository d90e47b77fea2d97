import { revalidateArticleOutsideAction } from "@/lib/cache-tags";
import { publishDuePosts } from "@/lib/data/scheduled-posts";
import { isInternalToken } from "@/lib/internal/internal-requests";

/**
 * Called by the server's own scheduler (lib/publishing/scheduler.ts) when a scheduled article
 * is due: publishes what is due and revalidates the pages that now show it as any publish
 * does (lib/cache-tags.ts), here and (on PostgreSQL) on the other app instances. When several
 * instances poll, only the one whose update published an article gets it back, and that one
 * tells the others. Anyone else gets a 404, as if the route did not exist.
 */
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!(await isInternalToken(request.headers.get("x-internal-token")))) {
    return new Response("Not Found", { status: 404 });
  }
  const published = await publishDuePosts();
  for (const post of published) revalidateArticleOutsideAction(post.boardSlug, post.id);
  return Response.json({ published: published.map((post) => post.id) });
}
