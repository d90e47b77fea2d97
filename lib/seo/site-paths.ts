/**
 * The public addresses of what the site publishes besides its pages: feeds, sitemaps and the
 * generated link-preview image. One list, so the routes (app/), the <link rel="alternate">
 * tags, robots.txt and the sitemap index cannot disagree. Paths here; absolute URLs come from
 * absoluteUrl (lib/site-config.ts). Pure.
 *
 * None of them can be a board: board slugs have no dot (BOARD_SLUG_PATTERN), and the
 * top-level folders without one, `og`, `sitemaps` and `feeds` (where next.config.ts rewrites
 * /rss.xml and /atom.xml), are reserved board slugs (lib/validations/admin-boards.ts).
 */

export type FeedFormat = "rss" | "atom";

export function isFeedFormat(value: string): value is FeedFormat {
  return value === "rss" || value === "atom";
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
};

/** A board's article: /news/123 (the canonical address; list state and forms live in the query). */
export function articlePath(boardSlug: string, postId: number): string {
  return `/${boardSlug}/${postId}`;
}

export function boardPath(boardSlug: string): string {
  return `/${boardSlug}`;
}

/** /rss.xml, /atom.xml for the whole site; /news/rss.xml, /news/atom.xml for a board. */
export function feedPath(format: FeedFormat, boardSlug: string | null = null): string {
  return `${boardSlug === null ? "" : `/${boardSlug}`}/${format}.xml`;
}

export const SITEMAP_INDEX_PATH = "/sitemap.xml";
export const NEWS_SITEMAP_PATH = "/sitemaps/news.xml";
export const PAGES_SITEMAP_PATH = "/sitemaps/pages.xml";

/** Article sitemap number `index`: /sitemaps/articles-0.xml … */
export function articleSitemapPath(index: number): string {
  return `/sitemaps/articles-${index}.xml`;
}

/** The chunk number in an article sitemap's file name (`articles-3.xml` → 3), or null. */
export function parseArticleSitemapName(name: string): number | null {
  const match = /^articles-(0|[1-9]\d{0,8})\.xml$/.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * The generated link-preview image of an article without a lead image. `version` (the
 * article's last change) is in the query so an edited headline gets a new address: social
 * sites and browsers keep images by URL, and the route lets them keep it for a day.
 */
export function articleOgImagePath(postId: number, version?: Date): string {
  return `/og/article/${postId}${version ? `?v=${version.getTime().toString(36)}` : ""}`;
}
