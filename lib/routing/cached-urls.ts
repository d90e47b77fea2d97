/**
 * Which article URLs Next's full-route cache serves. next.config.ts rewrites them to
 * app/(site)/[board]/[postId]/cached, and proxy.ts gives exactly those requests the cached
 * pages' script nonce (lib/security/content-security-policy.ts), so both read the rule here.
 * No imports: next.config.ts loads this file before any path alias exists.
 */

/**
 * Query keys that make an article URL depend on the request: the list the reader came from
 * (lib/board/list-state.ts) and a comment form opened without JavaScript
 * (lib/comments/comment-links.ts). An article URL with none of them is the same page for
 * everyone, so it is served by the cached route; with any of them, by the per-request route
 * app/(site)/[board]/[postId]. Other keys (utm_…) are ignored by both, so they do not stop the cache.
 */
export const ARTICLE_QUERY_KEYS = ["page", "sort", "order", "category", "target", "q", "reply", "edit", "delete"] as const;

/** /<board>/<id>, as lib/data/boards.ts (BOARD_SLUG_PATTERN) and the article page read them (path-to-regexp, for next.config.ts). */
export const ARTICLE_PATH = "/:board([a-z0-9][a-z0-9-]{0,39})/:postId(\\d{1,9})";

/** ARTICLE_PATH as a regular expression, for proxy.ts. */
const ARTICLE_PATH_PATTERN = /^\/[a-z0-9][a-z0-9-]{0,39}\/\d{1,9}$/;

/** True when next.config.ts's rewrite sends this request to the cached article route. */
export function isCachedArticleUrl(pathname: string, searchParams: URLSearchParams): boolean {
  return ARTICLE_PATH_PATTERN.test(pathname) && ARTICLE_QUERY_KEYS.every((key) => !searchParams.has(key));
}
