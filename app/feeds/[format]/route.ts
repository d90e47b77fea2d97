import { siteFeedResponse } from "@/lib/feeds/feed-response";
import { isFeedFormat } from "@/lib/seo/site-paths";

/**
 * The whole site's feeds, /rss.xml (RSS 2.0) and /atom.xml (Atom 1.0): the newest 50 published
 * articles of every board (lib/feeds). next.config.ts rewrites those two addresses here (this
 * route's own addresses redirect back to them). Served from Next's full-route cache like the
 * article pages: nothing is rendered at build (there may be no database then; no params are
 * listed), the first request renders a feed and keeps it, tagged with every board's tag, so an
 * article write refreshes it (lib/feeds/feed-response.ts), or an hour passes.
 */
export const revalidate = 3600;
export const dynamicParams = true;

export async function generateStaticParams(): Promise<{ format: string }[]> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }): Promise<Response> {
  const { format } = await params;
  if (!isFeedFormat(format)) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return siteFeedResponse(format);
}
