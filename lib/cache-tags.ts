import "server-only";
import { revalidatePath, revalidateTag, unstable_cache, updateTag } from "next/cache";
import { postToSelf } from "@/lib/internal/internal-requests";

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

/** An article or board tag as made above (the internal revalidate route accepts nothing else). */
export function isCacheTag(value: unknown): value is string {
  return typeof value === "string" && /^(article:[1-9]\d{0,9}|board:[a-z0-9][a-z0-9-]{0,39})$/.test(value);
}

/**
 * A render that started before a write and finished after it is stored as fresh (Next dates a
 * cache entry by when it was stored), so it would serve the text from before the write, e.g.
 * a comment an editor has just hidden, until the page's next revalidation. So every write
 * expires its tags twice: at once, and again SECOND_EXPIRY_MS later, when any render that was
 * in flight at the write has been stored. Tags within one window are sent together.
 */
const SECOND_EXPIRY_MS = 2_000;
const pendingSecondExpiry = new Set<string>();
let secondExpiryTimer: NodeJS.Timeout | undefined;

function expireAgainShortly(tags: string[]): void {
  for (const tag of tags) pendingSecondExpiry.add(tag);
  if (secondExpiryTimer) return;
  secondExpiryTimer = setTimeout(() => {
    const batch = [...pendingSecondExpiry];
    pendingSecondExpiry.clear();
    secondExpiryTimer = undefined;
    void postToSelf("/api/internal/revalidate", { tags: batch });
  }, SECOND_EXPIRY_MS);
  secondExpiryTimer.unref();
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
 * After a write that changes an article as readers see it: its own page expires at once (the
 * next request renders it, so the writer reads their own write), and the other pages of its
 * board (whose list shows its title and counts) are refreshed in the background on their next
 * visit. Server Actions only (`updateTag` throws elsewhere); a Route Handler uses
 * `revalidateTag(articleTag(id), { expire: 0 })` instead.
 */
export function revalidateArticle(boardSlug: string, postId: number): void {
  updateTag(articleTag(postId));
  revalidateTag(boardTag(boardSlug), "max");
  expireAgainShortly([articleTag(postId)]);
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
}

/** After a change to the boards menu (a new board, a title, the order): every page's header shows it. */
export function revalidateSiteMenu(): void {
  revalidatePath("/", "layout");
}
