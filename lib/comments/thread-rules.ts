/**
 * How deep replies nest on a board (Board.maxCommentDepth, as Rhymix's max_thread_depth):
 * 0 means no limit, 1 means no replies, N means a thread is at most N levels deep. A
 * top-level comment has depth 0, so a reply may be written at depth N − 1 at most.
 * Pure: the page hides the 답글 button with it and the data layer refuses with it.
 */
export const DEFAULT_MAX_COMMENT_DEPTH = 5;

/** Whether a comment at `parentDepth` may be answered on a board with this limit. */
export function canReplyAt(parentDepth: number, maxCommentDepth: number): boolean {
  if (!Number.isInteger(maxCommentDepth) || maxCommentDepth <= 0) return true;
  return parentDepth + 1 < maxCommentDepth;
}

/** Why a reply was refused, in Korean. */
export function replyDepthMessage(maxCommentDepth: number): string {
  return maxCommentDepth === 1
    ? "이 게시판에서는 댓글에 답글을 달 수 없습니다."
    : `이 게시판에서는 답글을 ${maxCommentDepth}단계까지만 이어 달 수 있습니다.`;
}

/** Comments edited after they were written show "(수정됨)"; a save within this margin is the write itself. */
const EDIT_MARGIN_MS = 1_000;

export function wasEdited(createdAt: Date, updatedAt: Date): boolean {
  return updatedAt.getTime() - createdAt.getTime() > EDIT_MARGIN_MS;
}
