/**
 * Which public URLs Next's full-route cache serves: a board's first list page and a plain
 * article. next.config.ts rewrites them to the cached routes (app/(site)/[board]/cached and
 * app/(site)/[board]/[postId]/cached), and proxy.ts gives exactly those requests the cached
 * pages' script nonce (lib/security/content-security-policy.ts), so both read the rules here.
 * No imports: next.config.ts loads this file before any path alias exists.
 */

/**
 * Top-level addresses that are not boards: the app's own routes (app/), the files the site
 * serves at its root, and names kept for feeds and pages to come. A board there would never
 * be reached, or would hide the route (lib/validations/admin-boards.ts refuses them as slugs).
 */
export const RESERVED_BOARD_SLUGS = [
  "dashboard", "login", "logout", "api", "media", "_next", "feeds", "feed", "rss", "atom",
  "sitemap.xml", "robots.txt", "favicon.ico", "search", "print", "admin", "static", "tags", "tag",
  "sitemaps", "og", "bench",
] as const;

/**
 * Query keys of a board's list (lib/board/list-state.ts). A board URL with none of them is its
 * first page in the board's own order, the same for everyone: served by the cached route. With
 * any of them (another page, a sort, a category, a search) by the per-request route
 * app/(site)/[board]. Other keys (utm_…) are ignored by both, so they do not stop the cache.
 */
export const LIST_QUERY_KEYS = ["page", "sort", "order", "category", "target", "q"] as const;

/**
 * Query keys that make an article URL depend on the request: the list the reader came from
 * (above) and a comment form opened without JavaScript (lib/comments/comment-links.ts). An
 * article URL with none of them is served by the cached route; with any of them, by the
 * per-request route app/(site)/[board]/[postId].
 */
export const ARTICLE_QUERY_KEYS = [...LIST_QUERY_KEYS, "reply", "edit", "delete"] as const;

/** /<board>, as lib/data/boards.ts (BOARD_SLUG_PATTERN) reads it (path-to-regexp, for next.config.ts). */
export const BOARD_PATH = "/:board([a-z0-9][a-z0-9-]{0,39})";

/** /<board>/<id>, as the article page reads it. */
export const ARTICLE_PATH = `${BOARD_PATH}/:postId(\\d{1,9})`;

/** The same two, as regular expressions, for proxy.ts. */
const BOARD_PATH_PATTERN = /^\/([a-z0-9][a-z0-9-]{0,39})$/;
const ARTICLE_PATH_PATTERN = /^\/[a-z0-9][a-z0-9-]{0,39}\/\d{1,9}$/;

const hasNone = (searchParams: URLSearchParams, keys: readonly string[]) => keys.every((key) => !searchParams.has(key));

/** True when next.config.ts's rewrite sends this request to the cached article route. */
export function isCachedArticleUrl(pathname: string, searchParams: URLSearchParams): boolean {
  return ARTICLE_PATH_PATTERN.test(pathname) && hasNone(searchParams, ARTICLE_QUERY_KEYS);
}

/**
 * True when next.config.ts's rewrite sends this request to the cached first list page. The
 * rewrite only reaches addresses no route of app/ claims; the reserved names are those routes.
 */
export function isCachedListUrl(pathname: string, searchParams: URLSearchParams): boolean {
  const slug = BOARD_PATH_PATTERN.exec(pathname)?.[1];
  return slug !== undefined && !(RESERVED_BOARD_SLUGS as readonly string[]).includes(slug) && hasNone(searchParams, LIST_QUERY_KEYS);
}

/** True when the response comes from the full-route cache (and so carries the cached pages' nonce). */
export function isCachedPageUrl(pathname: string, searchParams: URLSearchParams): boolean {
  return isCachedArticleUrl(pathname, searchParams) || isCachedListUrl(pathname, searchParams);
}
