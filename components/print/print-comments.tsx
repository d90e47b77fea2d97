import type { CommentNode } from "@/lib/data/comments";
import { formatCount, formatDateTime, isoKoreanTime } from "@/lib/format";

/**
 * The comment thread on paper (the print view with ?comments=1): who, when and what, replies
 * indented under what they answer. Plain text only: no links, buttons or forms.
 */
export function PrintComments({ comments, count }: { comments: CommentNode[]; count: number }) {
  return (
    <section className="print-comments" aria-labelledby="print-comments-title">
      <h2 id="print-comments-title">
        댓글 <span>{formatCount(count)}</span>
      </h2>
      {comments.length === 0 ? <p className="print-comments-empty">댓글이 없습니다.</p> : <CommentList comments={comments} />}
    </section>
  );
}

function CommentList({ comments }: { comments: CommentNode[] }) {
  return (
    <ol>
      {comments.map((comment) => (
        <li key={comment.id}>
          <div className="print-comment">
            {comment.isDeleted ? (
              <p className="print-comment-removed">{comment.removal === "hidden" ? "관리자가 숨긴 댓글입니다." : "삭제된 댓글입니다."}</p>
            ) : (
              <>
                <p className="print-comment-head">
                  <strong>{comment.authorName}</strong>
                  <span>{comment.isGuest ? "손님" : "회원"}</span>
                  <time dateTime={isoKoreanTime(comment.createdAt)}>{formatDateTime(comment.createdAt)}</time>
                  {comment.isEdited && <span>(수정됨)</span>}
                </p>
                <p className="print-comment-body">{comment.body}</p>
              </>
            )}
          </div>
          {comment.replies.length > 0 && <CommentList comments={comment.replies} />}
        </li>
      ))}
    </ol>
  );
}
