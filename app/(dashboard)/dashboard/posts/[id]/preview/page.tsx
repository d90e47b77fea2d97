import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleContent } from "@/components/article/article-content";
import { requireUser } from "@/lib/auth/require-user";
import { findPreview } from "@/lib/data/post-editing";
import { formatDateTime } from "@/lib/format";
import { POST_STATUS_LABELS } from "@/lib/posts/post-status";
import { parsePostIdParam } from "@/lib/validations/dashboard";

export const metadata = { title: "미리보기" };

/**
 * The article as readers would see it, with the writer's latest text (their autosave when it
 * is newer than the stored article). The body is the same sanitized HTML the public page shows.
 */
export default async function PreviewPostPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parsePostIdParam((await params).id);
  if (id === null) notFound();
  const article = await findPreview(user, id);
  if (!article) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <p role="status" className="mb-6 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        미리보기입니다 ({POST_STATUS_LABELS[article.status]}
        {article.fromAutosave ? ", 자동 저장된 수정본" : ""}). 독자에게는 아직 보이지 않을 수 있습니다.{" "}
        <Link href={`/dashboard/posts/${article.id}/edit`} className="font-semibold underline">
          편집으로 돌아가기
        </Link>
      </p>
      <article aria-labelledby="article-title" className="rounded border border-gray-200 bg-white p-6">
        <header className="border-b border-gray-300 pb-4">
          <p className="text-sm font-semibold text-brand-600">{article.boardTitle}</p>
          <h1 id="article-title" className="mt-1 text-2xl font-bold leading-snug text-gray-900 sm:text-3xl">
            {article.title || "(제목 없음)"}
          </h1>
          {article.subtitle && <p className="mt-2 text-lg text-gray-700">{article.subtitle}</p>}
          <p className="mt-4 text-sm text-gray-600">
            <span className="font-semibold text-gray-800">{article.authorName}</span>
            {article.publishedAt && <span className="ml-4">{formatDateTime(article.publishedAt)}</span>}
          </p>
        </header>
        <ArticleContent leadImage={article.leadImage} bodyHtml={article.bodyHtml} tags={article.tags} />
      </article>
    </div>
  );
}
