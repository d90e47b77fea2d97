import { PostEditorForm } from "@/components/dashboard/post-editor/post-editor-form";
import { canOnArticle } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/require-user";
import { listBoardsForEditor } from "@/lib/data/post-editing";

export const metadata = { title: "새 기사 쓰기" };

export default async function NewPostPage({ searchParams }: { searchParams: Promise<{ board?: string | string[] }> }) {
  const user = await requireUser();
  const boards = await listBoardsForEditor();
  const requested = (await searchParams).board;
  const boardSlug = boards.find((board) => board.slug === requested)?.slug ?? boards[0]?.slug ?? "";
  return (
    <div>
      <h1 className="mb-4 text-xl font-bold text-gray-900">새 기사 쓰기</h1>
      <PostEditorForm
        boards={boards}
        canSetNotice={canOnArticle(user, "set-notice", { authorId: user.id })}
        initial={{
          id: null,
          title: "",
          subtitle: "",
          bodyHtml: "",
          boardSlug,
          categoryId: null,
          leadImage: null,
          tags: [],
          isNotice: false,
          status: "draft",
          publishAt: "",
          pendingAutosave: null,
        }}
      />
    </div>
  );
}
