import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { editPostHref } from "@/components/dashboard/dashboard-post-table";
import { PostStatusBadge } from "@/components/dashboard/post-status-badge";
import { StatFigures } from "@/components/dashboard/stat-figures";
import { ViewsChart } from "@/components/dashboard/views-chart";
import { requireUser } from "@/lib/auth/require-user";
import { articleHref } from "@/lib/board/list-state";
import { dashboardStats, STATS_DAYS } from "@/lib/data/dashboard-posts";
import { formatDateTime, isoKoreanTime } from "@/lib/format";
import { parsePostIdParam } from "@/lib/validations/dashboard";

export const metadata: Metadata = { title: "기사 통계" };

/**
 * One article's numbers: views in all, in the last 30 and 7 days, comments, and its 30-day
 * chart. Only for whoever may see its stats (its reporter, editors, admins); for anyone else,
 * as for an article that does not exist, the page is a 404.
 */
export default async function PostStatsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const postId = parsePostIdParam((await params).id);
  if (postId === null) notFound();
  const stats = await dashboardStats(user, { postId });
  if (!stats.ok) notFound();
  const { article } = stats;

  return (
    <div className="space-y-6">
      <p>
        <Link href="/dashboard/posts" className="text-sm text-gray-600 underline-offset-2 hover:text-brand-700 hover:underline">
          ‹ 기사 목록
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-semibold text-brand-700">기사 통계</p>
        <h1 className="text-2xl font-bold text-gray-900">{article.title}</h1>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-gray-600">
          <PostStatusBadge status={article.status} />
          <span>{article.board.title}</span>
          <span aria-hidden="true">·</span>
          <span>{article.authorName}</span>
          {article.publishedAt && article.status !== "draft" && (
            <>
              <span aria-hidden="true">·</span>
              <span>
                {article.status === "scheduled" ? "게시 예정" : "게시"}{" "}
                <time dateTime={isoKoreanTime(article.publishedAt)}>{formatDateTime(article.publishedAt)}</time>
              </span>
            </>
          )}
          <span aria-hidden="true">·</span>
          <span>
            수정 <time dateTime={isoKoreanTime(article.updatedAt)}>{formatDateTime(article.updatedAt)}</time>
          </span>
        </p>
        <p className="flex gap-2 text-sm">
          <Link href={editPostHref(article.id)} className="rounded border border-gray-300 bg-white px-3 py-1 hover:bg-gray-100">
            수정
          </Link>
          {article.status === "published" && (
            <Link href={articleHref(article.board.slug, article.id)} className="rounded border border-gray-300 bg-white px-3 py-1 hover:bg-gray-100">
              사이트에서 보기
            </Link>
          )}
        </p>
      </header>

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="sr-only">
          합계
        </h2>
        <StatFigures
          figures={[
            { label: "누적 조회", value: article.viewCount },
            { label: `최근 ${STATS_DAYS}일 조회`, value: stats.totalViews },
            { label: "최근 7일 조회", value: stats.weekViews },
            { label: "댓글", value: article.commentCount },
          ]}
        />
      </section>

      <section aria-labelledby="views-heading" className="rounded border border-gray-200 bg-white p-4">
        <h2 id="views-heading" className="text-lg font-bold text-gray-900">
          최근 {STATS_DAYS}일 조회 수
        </h2>
        <ViewsChart days={stats.days} label={`이 기사의 최근 ${STATS_DAYS}일 일별 조회 수`} />
      </section>
    </div>
  );
}
