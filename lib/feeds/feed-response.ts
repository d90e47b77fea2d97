import "server-only";
import { unstable_cache } from "next/cache";
import { boardTag, tagCachedRender } from "@/lib/cache-tags";
import { BOARD_SLUG_PATTERN, findBoardBySlug, listBoards } from "@/lib/data/boards";
import { FEED_CONTENT_TYPES, type FeedFormat } from "@/lib/seo/site-paths";
import { boardFeedXml, siteFeedXml } from "./feed-documents";

/**
 * The feed routes' answers (app/feeds/[format], which next.config.ts serves at /rss.xml and
 * /atom.xml, and app/(site)/[board]/rss.xml, …/atom.xml).
 *
 * Caching: the routes are cached route handlers (`revalidate`, no params at build), so Next
 * serves a feed from its full-route cache like an article page: the first request renders it,
 * later ones get the stored XML (x-nextjs-cache: HIT) without running the handler. The cache
 * entry carries the tags of the boards the feed shows (lib/cache-tags.ts boardTag): they are
 * those of the unstable_cache read of the XML below, which Next collects onto the route's entry
 * (as tagCachedRender does for pages). Every article write calls revalidateArticle(boardSlug,
 * id), which marks its board's tag stale ("max": the next request still gets the old feed and
 * it is rebuilt in the background), and the scheduler's route does the same when it publishes;
 * so a feed is rebuilt after a change, not on every poll. An hour's revalidate (the routes' and
 * the XML's) bounds anything a tag misses (the site feed is tagged with the boards that existed
 * when it was built). Readers and proxies may keep an answer for 5 minutes (Cache-Control, which
 * Next keeps on the cached answer). Nothing here reads the request: links are absolute from
 * SITE_URL (lib/site-config.ts).
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
  // An unknown slug is a 404 the route's cache keeps too: tagged before the lookup, so making
  // that board (its first article write) clears it, as for the cached board page.
  if (BOARD_SLUG_PATTERN.test(boardSlug)) await tagCachedRender([boardTag(boardSlug)]);
  const board = await findBoardBySlug(boardSlug);
  if (!board) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const xml = await unstable_cache(async () => (await boardFeedXml(board.slug, format)) ?? "", ["feed", "board", board.slug, format], {
    tags: [boardTag(board.slug)],
    revalidate: SERVER_REVALIDATE_SECONDS,
  })();
  return feedResponse(format, xml);
}
