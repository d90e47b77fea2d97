import "server-only";
import { findBoardBySlug } from "@/lib/data/boards";
import { FEED_SIZE, latestArticles } from "@/lib/data/feeds";
import { boardPath, feedPath, type FeedFormat } from "@/lib/seo/site-paths";
import { siteConfig } from "@/lib/site-config";
import { renderFeed } from "./feed-xml";

/**
 * The site's feeds as documents: what the feed routes serve (through lib/feeds/feed-response.ts,
 * which caches them) and what the tests parse. The newest FEED_SIZE published articles,
 * newest first.
 */

/** The whole site's feed: /rss.xml, /atom.xml. */
export async function siteFeedXml(format: FeedFormat, now = new Date()): Promise<string> {
  const articles = await latestArticles(null, FEED_SIZE);
  const channel = { title: siteConfig.name, description: siteConfig.description, pagePath: "/", selfPath: feedPath(format) };
  return renderFeed(format, channel, articles, now);
}

/** A board's feed (/news/rss.xml, /news/atom.xml), or null when there is no such board. */
export async function boardFeedXml(boardSlug: string, format: FeedFormat, now = new Date()): Promise<string | null> {
  const board = await findBoardBySlug(boardSlug);
  if (!board) return null;
  const articles = await latestArticles(board.id, FEED_SIZE);
  const channel = {
    title: `${siteConfig.name} - ${board.title}`,
    description: board.description || siteConfig.description,
    pagePath: boardPath(board.slug),
    selfPath: feedPath(format, board.slug),
  };
  return renderFeed(format, channel, articles, now);
}
