import "server-only";
import { revalidatePath, revalidateTag, unstable_cache, updateTag } from "next/cache";

/**
 * Cache tags of the public pages Next keeps in its full-route cache (today: a plain article
 * URL, app/(site)/[board]/[postId]/cached). A cached page carries the tags of everything it
 * shows; a write revalidates the tags of what it changed:
 *
 * - `articleTag(id)`: the article itself (title, body, comments). Also on the 404 of an id
 *   that does not exist yet, so publishing it clears that 404.
 * - `boardTag(slug)`: the board's list under every article, previous/next, the board's settings.
 *
 * Writers: a comment (lib/actions/comments.ts) calls `revalidateArticle`; publishing, editing,
 * moving or deleting an article (the dashboard) is to call `revalidateArticle` for it, and for
 * its old board when it moves (the list under every article of the board changes too). A
 * change to the boards menu or the site name, shown in every header, is to call
 * `revalidatePath("/", "layout")`.
 */
export const articleTag = (postId: number) => `article:${postId}`;
export const boardTag = (boardSlug: string) => `board:${boardSlug}`;

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
 * After a write that changes an article as readers see it: its own page expires at once (the
 * next request renders it, so the writer reads their own write), and the other pages of its
 * board (whose list shows its title and counts) are refreshed in the background on their next
 * visit. Server Actions only (`updateTag` throws elsewhere); a Route Handler uses
 * `revalidateTag(articleTag(id), { expire: 0 })` instead.
 */
export function revalidateArticle(boardSlug: string, postId: number): void {
  updateTag(articleTag(postId));
  revalidateTag(boardTag(boardSlug), "max");
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
}

/** After a change to the boards menu (a new board, a title, the order): every page's header shows it. */
export function revalidateSiteMenu(): void {
  revalidatePath("/", "layout");
}
