import "server-only";
import { unstable_cache } from "next/cache";
import { boardTag } from "@/lib/cache-tags";
import { findBoardBySlug, listBoards } from "@/lib/data/boards";
import { FEED_CONTENT_TYPES, type FeedFormat } from "@/lib/seo/site-paths";
import { boardFeedXml, siteFeedXml } from "./feed-documents";

/**
 * The feed routes' answers (app/rss.xml, app/atom.xml, app/(site)/[board]/rss.xml, …/atom.xml).
 *
 * Caching: each feed's XML is kept in Next's data cache (unstable_cache) under the tags of the
 * boards it shows (lib/cache-tags.ts boardTag). Every article write already calls
 * revalidateArticle(boardSlug, id), which marks its board's tag stale ("max": the next request
 * still gets the old feed and refreshes it in the background), and the scheduler's route does
 * the same when it publishes; so a feed is rebuilt after a change, not on every poll. An hour's
 * revalidate bounds anything a tag misses (the site feed is tagged with the boards that existed
 * when it was built). Readers and proxies may keep an answer for 5 minutes (Cache-Control).
 */
const SERVER_REVALIDATE_SECONDS = 3600;
const CACHE_CONTROL = "public, max-age=300, s-maxage=300, stale-while-revalidate=600";

function feedResponse(format: FeedFormat, xml: string): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": `${FEED_CONTENT_TYPES[format]}; charset=utf-8`,
      "Cache-Control": CACHE_CONTROL,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export async function siteFeedResponse(format: FeedFormat): Promise<Response> {
  const tags = (await listBoards()).map((board) => boardTag(board.slug));
  const xml = await unstable_cache(() => siteFeedXml(format), ["feed", "site", format], { tags, revalidate: SERVER_REVALIDATE_SECONDS })();
  return feedResponse(format, xml);
}

export async function boardFeedResponse(boardSlug: string, format: FeedFormat): Promise<Response> {
  // The board is looked up outside the cache, so an unknown slug is a 404 that is never kept.
  const board = await findBoardBySlug(boardSlug);
  if (!board) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const xml = await unstable_cache(async () => (await boardFeedXml(board.slug, format)) ?? "", ["feed", "board", board.slug, format], {
    tags: [boardTag(board.slug)],
    revalidate: SERVER_REVALIDATE_SECONDS,
  })();
  return feedResponse(format, xml);
}
