/**
 * Addresses of the comment forms on an article page, for readers without JavaScript: each
 * comment's 답글 / 수정 / 삭제 is a link that opens that form on the page (?reply=<id>, ?edit=<id>,
 * ?delete=<id>), and each form posts back to the same address (useActionState's permalink), so
 * a refused post comes back with that form open and its message. Those addresses carry no
 * fragment on purpose: a fragment would stop the browser from focusing the form's autofocus
 * field (HTML skips autofocus when the URL targets an element), and that focus is what brings
 * the form, or the field in error, into view. Successes redirect to #comment-<id>. The list
 * state in the query travels along. Pure.
 */
import { listParams, type ListState, type RawSearchParams } from "@/lib/board/list-state";

export const COMMENT_MODES = ["reply", "edit", "delete"] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];
export type OpenCommentForm = { mode: CommentMode; commentId: number };

/** The list part of an article URL's query, in its one canonical spelling ("" for the default list). */
export function listQueryOf(state: ListState): string {
  return new URLSearchParams(listParams(state)).toString();
}

/** The form a query opens (?reply=12), or null. The first valid mode wins. */
export function openCommentForm(query: RawSearchParams): OpenCommentForm | null {
  for (const mode of COMMENT_MODES) {
    const raw = query[mode];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value && /^[1-9]\d{0,8}$/.test(value)) return { mode, commentId: Number(value) };
  }
  return null;
}

/** An address on the article page: the list query, then a form to open, then a fragment if any. */
export function articlePageHref(articlePath: string, listQuery: string, open: OpenCommentForm | null, fragment?: string): string {
  const params = new URLSearchParams(listQuery);
  if (open) params.set(open.mode, String(open.commentId));
  const query = params.toString();
  return `${articlePath}${query ? `?${query}` : ""}${fragment ? `#${fragment}` : ""}`;
}

/** Where a comment's forms sit on the page (the fragment links land on). */
export const commentAnchor = (commentId: number) => `comment-${commentId}`;
export const replyAnchor = (commentId: number) => `reply-${commentId}`;
export const COMMENT_FORM_ANCHOR = "comment-form";
