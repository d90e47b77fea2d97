import { revalidateTag } from "next/cache";
import { isCacheTag } from "@/lib/cache-tags";
import { isInternalToken } from "@/lib/internal/internal-requests";

/**
 * The second expiry after a write (lib/cache-tags.ts, expireAgainShortly): expires the given
 * cache tags at once. Only this server's own token is answered; anyone else gets a 404.
 */
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!(await isInternalToken(request.headers.get("x-internal-token")))) {
    return new Response("Not Found", { status: 404 });
  }
  const body = (await request.json().catch(() => null)) as { tags?: unknown } | null;
  const tags = Array.isArray(body?.tags) ? body.tags.filter(isCacheTag) : [];
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ expired: tags });
}
