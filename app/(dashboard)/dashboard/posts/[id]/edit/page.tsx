import { notFound } from "next/navigation";
import { PostEditorForm } from "@/components/dashboard/post-editor/post-editor-form";
import { PostStatusPanel } from "@/components/dashboard/post-editor/post-status-panel";
import { canOnArticle } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/require-user";
import { findEditablePost, listBoardsForEditor } from "@/lib/data/post-editing";
import { parsePostIdParam } from "@/lib/validations/dashboard";
import { koreanLocalTimeValue } from "@/lib/validations/post";

export const metadata = { title: "기사 수정" };

/** What the last action did, said once above the form (?saved=…). */
const SAVED_MESSAGES: Record<string, string> = {
  save: "저장했습니다.",
  publish: "발행했습니다. 사이트에 바로 보입니다.",
  schedule: "예약했습니다. 정한 시각에 자동으로 발행됩니다.",
  unpublish: "게시를 취소했습니다. 이제 임시저장 상태입니다.",
  delete: "삭제했습니다.",
  restore: "복원했습니다.",
};

export default async function EditPostPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const user = await requireUser();
  const id = parsePostIdParam((await params).id);
  if (id === null) notFound();
  const [post, boards] = await Promise.all([findEditablePost(user, id), listBoardsForEditor()]);
  if (!post) notFound();
  const saved = (await searchParams).saved;
  const savedMessage = typeof saved === "string" ? SAVED_MESSAGES[saved] : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold text-gray-900">기사 수정</h1>
      {savedMessage && (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          {savedMessage}
        </p>
      )}
      <PostStatusPanel actor={user} post={post} />
      {post.status === "deleted" ? (
        <p className="rounded border border-gray-200 bg-white p-4 text-sm text-gray-700">삭제된 기사는 복원한 뒤 고칠 수 있습니다.</p>
      ) : (
        <PostEditorForm
          // A fresh form after every save (the redirect back here brings the stored article).
          key={post.updatedAt.toISOString()}
          boards={boards}
          canSetNotice={canOnArticle(user, "set-notice", post)}
          initial={{
            id: post.id,
            title: post.title,
            subtitle: post.subtitle,
            bodyHtml: post.bodyHtml,
            boardSlug: post.boardSlug,
            categoryId: post.categoryId,
            leadImage: post.leadImage,
            tags: post.tags,
            isNotice: post.isNotice,
            status: post.status,
            publishAt: post.status === "scheduled" && post.publishedAt ? koreanLocalTimeValue(post.publishedAt) : "",
            pendingAutosave: post.pendingAutosave ? { ...post.pendingAutosave, savedAt: post.pendingAutosave.savedAt.toISOString() } : null,
          }}
        />
      )}
    </div>
  );
}
