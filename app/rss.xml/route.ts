import { siteFeedResponse } from "@/lib/feeds/feed-response";

/** Read per request (never at build time, when there may be no database); lib/feeds and lib/sitemaps say what is cached. */
export const dynamic = "force-dynamic";

/** The whole site's RSS 2.0 feed: the newest 50 published articles of every board (lib/feeds). */
export function GET(): Promise<Response> {
  return siteFeedResponse("rss");
}
