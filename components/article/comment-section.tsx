import type { CommentNode } from "@/lib/data/comments";
import { formatCount, formatDateTime, isoKoreanTime } from "@/lib/format";

/** The comments under an article, replies indented under what they answer. */
export function CommentSection({ comments, commentCount }: { comments: CommentNode[]; commentCount: number }) {
  return (
    <section id="comments" aria-labelledby="comments-title" className="mt-10 border-t-2 border-gray-800 pt-4">
      <h2 id="comments-title" className="text-lg font-bold">
        댓글 <span className="text-notice">{formatCount(commentCount)}</span>
      </h2>
      {comments.length === 0 ? (
        <p className="py-6 text-sm text-gray-500">아직 댓글이 없습니다.</p>
      ) : (
        <ol className="mt-2 divide-y divide-gray-100">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
    </section>
  );
}

function CommentItem({ comment }: { comment: CommentNode }) {
  return (
    <li id={`comment-${comment.id}`} className="py-3">
      {comment.isDeleted ? (
        <p className="text-sm italic text-gray-400">삭제된 댓글입니다.</p>
      ) : (
        <>
          <p className="flex flex-wrap items-baseline gap-2 text-sm">
            <span className="font-semibold text-gray-800">{comment.authorName}</span>
            <time dateTime={isoKoreanTime(comment.createdAt)} className="text-gray-500">
              {formatDateTime(comment.createdAt)}
            </time>
          </p>
          <p className="mt-1 whitespace-pre-line text-[15px] text-gray-800">{comment.body}</p>
        </>
      )}
      {comment.replies.length > 0 && (
        <ol className="mt-2 border-l-2 border-gray-200 pl-4" aria-label="답글">
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} />
          ))}
        </ol>
      )}
    </li>
  );
}
