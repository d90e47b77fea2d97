import "server-only";
import { revalidatePath, revalidateTag, unstable_cache, updateTag } from "next/cache";
import { announceToOtherInstances, expireAgainShortly } from "@/lib/cache/cross-instance-revalidation";

/**
 * Cache tags of the public pages Next keeps in its full-route cache (lib/routing/cached-urls.ts:
 * a plain article URL, app/(site)/[board]/[postId]/cached, and a board's first page,
 * app/(site)/[board]/cached) and of the feeds. A cached page carries the tags of everything it
 * shows; a write revalidates the tags of what it changed:
 *
 * - `articleTag(id)`: the article itself (title, body, comments). Also on the 404 of an id
 *   that does not exist yet, so publishing it clears that 404.
 * - `boardListTag(slug)`: the board's first list page, the page a reader opens the board on.
 * - `boardTag(slug)`: everything that shows the board's list or settings: the first page, the
 *   list under every article, previous/next, the feeds.
 *
 * Writers: a comment (lib/actions/comments.ts) calls `revalidateArticle`; publishing, editing,
 * moving or deleting an article (the dashboard) is to call `revalidateArticle` for it, and for
 * its old board when it moves (the list under every article of the board changes too). A
 * change to the boards menu or the site name, shown in every header, is to call
 * `revalidatePath("/", "layout")`.
 *
 * Each write expires its tags twice, at once and again 2 s later (renders in flight at the
 * write would store the old text; lib/cache/cross-instance-revalidation.ts expireAgainShortly),
 * and on PostgreSQL tells the other app instances to do the same
 * (announceToOtherInstances in the same module).
 */
export const articleTag = (postId: number) => `article:${postId}`;
export const boardTag = (boardSlug: string) => `board:${boardSlug}`;
export const boardListTag = (boardSlug: string) => `list:${boardSlug}`;

/** The board a board or list tag names (null for an article tag). */
export function boardOfTag(tag: string): string | null {
  return /^(?:board|list):(.+)$/.exec(tag)?.[1] ?? null;
}

/** An article or board tag as made above (the internal revalidate route accepts nothing else). */
export function isCacheTag(value: unknown): value is string {
  return typeof value === "string" && /^(article:[1-9]\d{0,9}|(board|list):[a-z0-9][a-z0-9-]{0,39})$/.test(value);
}

/**
 * Tags the page being rendered. Route-segment caching (`export const revalidate`) has no
 * `cacheTag()` (that needs Cache Components and 'use cache'); the tags of an `unstable_cache`
 * read made during the render are what Next stores on the page's cache entry, so this reads
 * a constant through one. Outside a cached render it does nothing useful and costs one cache lookup.
 */
export async function tagCachedRender(tags: string[]): Promise<void> {
  await unstable_cache(async () => true, ["render-tags", ...tags], { tags })();
}

/**
 * After a write that changes an article as readers see it: its own page and its board's first
 * page expire at once (the next request renders them, so the writer reads their own write),
 * and the board's other cached pages (the list under every article, the feeds) are refreshed
 * in the background on their next visit: one write must not make every article of the board
 * render again at once. Server Actions only (`updateTag` throws elsewhere); a Route Handler
 * calls `revalidateArticleOutsideAction`.
 */
export function revalidateArticle(boardSlug: string, postId: number): void {
  expireArticlePages(boardSlug, postId, updateTag);
}

/**
 * revalidateArticle for a Route Handler (the scheduler's publish-due route), where `updateTag`
 * is not allowed: the same tags, expired by `revalidateTag(tag, { expire: 0 })`.
 */
export function revalidateArticleOutsideAction(boardSlug: string, postId: number): void {
  expireArticlePages(boardSlug, postId, (tag) => revalidateTag(tag, { expire: 0 }));
}

function expireArticlePages(boardSlug: string, postId: number, expireNow: (tag: string) => void): void {
  const expire = [articleTag(postId), boardListTag(boardSlug)];
  for (const tag of expire) expireNow(tag);
  revalidateTag(boardTag(boardSlug), "max");
  expireAgainShortly(expire);
  announceToOtherInstances({ expire, refresh: [boardTag(boardSlug)] });
}

/**
 * After a change to a board's settings or categories (the admin's 게시판 page): every cached
 * page of the board (its articles show its title, tabs and reply depth) expires at once, so the
 * admin who changed a setting sees it on the next article they open (each page renders again
 * only when next visited; the list pages render per request anyway). Settings change rarely,
 * unlike comments, so no stale page is worth serving. Server Actions only, like revalidateArticle.
 */
export function revalidateBoard(boardSlug: string): void {
  updateTag(boardTag(boardSlug));
  expireAgainShortly([boardTag(boardSlug)]);
  announceToOtherInstances({ expire: [boardTag(boardSlug)] });
}

/** After a change to the boards menu (a new board, a title, the order): every page's header shows it. */
export function revalidateSiteMenu(): void {
  revalidatePath("/", "layout");
  announceToOtherInstances({ layout: true });
}
