import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffText } from "@/components/dashboard/post-editor/revision-diff-view";
import { StatusChangeButton } from "@/components/dashboard/post-editor/status-change-button";
import { requireUser } from "@/lib/auth/require-user";
import { diffRevisions } from "@/lib/content/revision-diff";
import { findEditablePost, findRevision, listRevisions } from "@/lib/data/post-editing";
import { formatDateTime } from "@/lib/format";
import { parsePostIdParam } from "@/lib/validations/dashboard";
import { postId as postIdSchema } from "@/lib/validations/post";

export const metadata = { title: "수정 기록" };

const KIND_LABELS: Record<string, string> = {
  save: "저장",
  autosave: "자동 저장",
  publish: "발행",
  schedule: "예약",
  restore: "되돌림",
};

/**
 * An article's revisions, newest first. `?compare=<id>` shows what changed from that revision
 * to the article as it is now, word by word, with a button to bring that revision back.
 */
export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ compare?: string | string[] }>;
}) {
  const user = await requireUser();
  const id = parsePostIdParam((await params).id);
  if (id === null) notFound();
  const [post, revisions] = await Promise.all([findEditablePost(user, id), listRevisions(user, id)]);
  if (!post || !revisions) notFound();
  const compareParam = postIdSchema.safeParse((await searchParams).compare);
  const compared = compareParam.success ? await findRevision(user, post.id, compareParam.data) : null;
  const diff = compared ? diffRevisions(compared, post) : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold text-gray-900">수정 기록: {post.title || "(제목 없음)"}</h1>
        <Link href={`/dashboard/posts/${post.id}/edit`} className="text-sm text-brand-700 underline">
          편집으로 돌아가기
        </Link>
      </div>

      {compared && diff && (
        <section aria-labelledby="diff-heading" className="rounded border border-gray-200 bg-white p-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="diff-heading" className="font-bold text-gray-900">
              {formatDateTime(compared.createdAt)} {KIND_LABELS[compared.kind] ?? compared.kind}({compared.authorName}) → 지금
            </h2>
            {post.status !== "deleted" && diff.changed && (
              <StatusChangeButton
                postId={post.id}
                revisionId={compared.id}
                label="이 판으로 되돌리기"
                className="btn-primary"
                confirmText={post.status === "published" ? "게시 중인 기사입니다. 이 판의 내용이 바로 사이트에 반영됩니다. 되돌릴까요?" : "이 판의 제목, 부제목, 본문으로 되돌릴까요?"}
              />
            )}
          </div>
          {!diff.changed ? (
            <p className="mt-3 text-sm text-gray-600">지금 내용과 같습니다.</p>
          ) : (
            <dl className="mt-3 space-y-3 text-[15px] leading-7 text-gray-800">
              <div>
                <dt className="text-sm font-semibold text-gray-500">제목</dt>
                <dd data-testid="diff-title">
                  <DiffText parts={diff.title} />
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-gray-500">부제목</dt>
                <dd>
                  <DiffText parts={diff.subtitle} />
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-gray-500">본문</dt>
                <dd data-testid="diff-body">
                  <DiffText parts={diff.body} />
                </dd>
              </div>
            </dl>
          )}
        </section>
      )}

      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">수정 기록, 최근 것부터</caption>
        <thead>
          <tr className="border-b border-gray-300 text-left text-gray-600">
            <th scope="col" className="px-3 py-2">시각</th>
            <th scope="col" className="px-3 py-2">종류</th>
            <th scope="col" className="px-3 py-2">저장한 사람</th>
            <th scope="col" className="px-3 py-2">제목</th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">비교</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.id} className={`border-b border-gray-100 ${revision.id === compared?.id ? "bg-brand-50" : ""}`}>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(revision.createdAt)}</td>
              <td className="px-3 py-2">{KIND_LABELS[revision.kind] ?? revision.kind}</td>
              <td className="px-3 py-2">{revision.authorName}</td>
              <td className="px-3 py-2">{revision.title || "(제목 없음)"}</td>
              <td className="px-3 py-2 text-right">
                <Link href={`/dashboard/posts/${post.id}/revisions?compare=${revision.id}`} className="text-brand-700 underline" aria-label={`${formatDateTime(revision.createdAt)} 판과 지금 비교`}>
                  지금과 비교
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
