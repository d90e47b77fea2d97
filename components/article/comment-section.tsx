import { parseListState, type RawSearchParams } from "@/lib/board/list-state";
import {
  articlePageHref,
  COMMENT_FORM_ANCHOR,
  commentAnchor,
  listQueryOf,
  openCommentForm,
  type OpenCommentForm,
} from "@/lib/comments/comment-links";
import { canReplyAt } from "@/lib/comments/thread-rules";
import type { BoardSummary } from "@/lib/data/boards";
import type { CommentNode } from "@/lib/data/comments";
import type { Article } from "@/lib/data/posts";
import { formatCount, formatDateTime, isoKoreanTime } from "@/lib/format";
import { CommentAnnouncer } from "./comment-announcer";
import { CommentBody } from "./comment-body";
import { CommentControls } from "./comment-controls";
import { CommentForm } from "./comment-form";

type CommentSectionProps = {
  board: Pick<BoardSummary, "slug" | "maxCommentDepth">;
  article: Pick<Article, "id" | "commentCount">;
  comments: CommentNode[];
  /** The article page's query: the list state (kept on every form) and ?reply= / ?edit= / ?delete=. */
  query: RawSearchParams;
};

type ThreadContext = {
  postId: number;
  articlePath: string;
  listQuery: string;
  maxCommentDepth: number;
  open: OpenCommentForm | null;
};

/**
 * The comments under an article, replies indented under what they answer, and the form for a
 * new one. The same for every reader (nothing here reads the session): the client leaves
 * switch to the signed-in variant in the browser.
 */
export function CommentSection({ board, article, comments, query }: CommentSectionProps) {
  const context: ThreadContext = {
    postId: article.id,
    articlePath: `/${board.slug}/${article.id}`,
    listQuery: listQueryOf(parseListState(query)),
    maxCommentDepth: board.maxCommentDepth,
    open: openCommentForm(query),
  };
  return (
    <section
      id="comments"
      aria-labelledby="comments-title"
      // On paper (Ctrl+P) an empty thread is only an invitation to write: left out.
      className={`mt-10 border-t-2 border-gray-800 pt-4 ${comments.length === 0 ? "print:hidden" : ""}`}
    >
      <h2 id="comments-title" tabIndex={-1} className="text-lg font-bold focus:outline-none">
        댓글 <span className="text-notice">{formatCount(article.commentCount)}</span>
      </h2>
      <CommentAnnouncer />
      {comments.length === 0 ? (
        <p className="py-6 text-sm text-gray-600">아직 댓글이 없습니다. 첫 댓글을 남겨 주세요.</p>
      ) : (
        <ol className="mt-2 divide-y divide-gray-100">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} context={context} />
          ))}
        </ol>
      )}
      <div id={COMMENT_FORM_ANCHOR} className="mt-4 scroll-mt-4 print:hidden">
        <h3 className="sr-only">댓글 쓰기</h3>
        <CommentForm
          postId={article.id}
          parentId={null}
          listQuery={context.listQuery}
          permalink={articlePageHref(context.articlePath, context.listQuery, null)}
        />
      </div>
    </section>
  );
}

/** Deeper replies stop moving right after this many levels, so a long thread stays readable on a phone. */
const MAX_INDENTED_DEPTH = 5;

function CommentItem({ comment, context }: { comment: CommentNode; context: ThreadContext }) {
  return (
    // The comment a link lands on (#comment-<id>), or the one just written (focused), is marked:
    // its own text, not the replies under it.
    <li
      id={commentAnchor(comment.id)}
      tabIndex={-1}
      className="scroll-mt-4 py-2 outline-none [&:focus>.comment-own]:bg-brand-50 [&:target>.comment-own]:bg-brand-50"
    >
      <div className="comment-own -mx-2 rounded px-2 py-1 transition-colors duration-700">
        {comment.isDeleted ? (
          <p className="py-1 text-sm italic text-gray-600">
            {comment.removal === "hidden" ? "관리자가 숨긴 댓글입니다." : "삭제된 댓글입니다."}
          </p>
        ) : (
          <>
            <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
              <span id={`${commentAnchor(comment.id)}-author`} className="font-semibold text-gray-900">
                {comment.authorName}
              </span>
              {comment.isGuest ? (
                <span className="rounded border border-gray-300 px-1 text-[11px] leading-4 text-gray-600">손님</span>
              ) : (
                <span className="rounded bg-brand-600 px-1 text-[11px] leading-4 font-semibold text-white">회원</span>
              )}
              <time dateTime={isoKoreanTime(comment.createdAt)} className="text-[13px] text-gray-600">
                {formatDateTime(comment.createdAt)}
              </time>
              {comment.isEdited && <span className="text-[13px] text-gray-600">(수정됨)</span>}
            </p>
            <CommentBody text={comment.body} />
            <CommentControls
              postId={context.postId}
              articlePath={context.articlePath}
              listQuery={context.listQuery}
              comment={{ id: comment.id, body: comment.body, isGuest: comment.isGuest, userId: comment.userId }}
              canReply={canReplyAt(comment.depth, context.maxCommentDepth)}
              initialMode={context.open?.commentId === comment.id ? context.open.mode : null}
            />
          </>
        )}
      </div>
      {comment.replies.length > 0 && (
        <ol
          className={`mt-2 divide-y divide-gray-100 border-l-2 border-gray-200 ${comment.depth < MAX_INDENTED_DEPTH ? "pl-4" : "pl-2"}`}
          aria-label={`${comment.isDeleted ? "삭제된 댓글" : `${comment.authorName} 님 댓글`}에 달린 답글`}
        >
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} context={context} />
          ))}
        </ol>
      )}
    </li>
  );
}
