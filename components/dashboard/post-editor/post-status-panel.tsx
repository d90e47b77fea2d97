import Link from "next/link";
import { canOnArticle, type Actor } from "@/lib/auth/permissions";
import type { EditablePost } from "@/lib/data/post-editing";
import { formatDateTime } from "@/lib/format";
import { POST_STATUS_LABELS } from "@/lib/posts/post-status";
import { StatusChangeButton } from "./status-change-button";

/** Beside the editor: where the article stands, where to see it, and the status changes. */
export function PostStatusPanel({ actor, post }: { actor: Actor; post: EditablePost }) {
  const mayDelete = canOnArticle(actor, "delete", post);
  const mayRestore = canOnArticle(actor, "restore", post);
  return (
    <section aria-labelledby="post-status-heading" className="rounded border border-gray-200 bg-white p-4 text-sm">
      <h2 id="post-status-heading" className="font-bold text-gray-900">
        기사 상태
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-gray-700">
        <dt className="text-gray-500">상태</dt>
        <dd data-testid="post-status" className="font-semibold">
          {POST_STATUS_LABELS[post.status]}
        </dd>
        <dt className="text-gray-500">글쓴이</dt>
        <dd>{post.authorName}</dd>
        {post.publishedAt && post.status !== "draft" && (
          <>
            <dt className="text-gray-500">{post.status === "scheduled" ? "발행 예정" : "발행"}</dt>
            <dd>{formatDateTime(post.publishedAt)}</dd>
          </>
        )}
        <dt className="text-gray-500">마지막 저장</dt>
        <dd>{formatDateTime(post.updatedAt)}</dd>
      </dl>
      <ul className="mt-3 space-y-1">
        {post.status === "published" && (
          <li>
            <Link href={`/${post.boardSlug}/${post.id}`} className="text-brand-700 underline" target="_blank">
              사이트에서 보기
            </Link>
          </li>
        )}
        <li>
          <Link href={`/dashboard/posts/${post.id}/revisions`} className="text-brand-700 underline">
            수정 기록
          </Link>
        </li>
        <li>
          <Link href={`/dashboard/posts/${post.id}/stats`} className="text-brand-700 underline">
            조회 통계
          </Link>
        </li>
      </ul>
      <div className="mt-4 flex flex-wrap gap-2 border-t border-gray-200 pt-3">
        {(post.status === "published" || post.status === "scheduled") && (
          <StatusChangeButton postId={post.id} change="unpublish" label={post.status === "scheduled" ? "예약 취소" : "게시 취소"} confirmText="독자에게 보이지 않게 하고 임시저장 상태로 돌립니다. 계속할까요?" />
        )}
        {post.status !== "deleted" && mayDelete && (
          <StatusChangeButton postId={post.id} change="delete" label="삭제" className="btn-danger" confirmText="기사를 삭제할까요? 편집자가 복원할 수 있습니다." />
        )}
        {post.status === "deleted" && mayRestore && <StatusChangeButton postId={post.id} change="restore" label="복원" />}
      </div>
    </section>
  );
}
