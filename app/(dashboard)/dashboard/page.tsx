import type { Metadata } from "next";
import Link from "next/link";
import { DashboardPagination } from "@/components/dashboard/dashboard-pagination";
import { DashboardPostTable } from "@/components/dashboard/dashboard-post-table";
import { DashboardSearchForm } from "@/components/dashboard/dashboard-search-form";
import { StatFigures } from "@/components/dashboard/stat-figures";
import { TopArticlesList } from "@/components/dashboard/top-articles-list";
import { ViewsChart } from "@/components/dashboard/views-chart";
import { actsOnAnyArticle } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/require-user";
import type { RawSearchParams } from "@/lib/board/list-state";
import { countDashboardPostsByStatus, dashboardStats, listDashboardPosts, STATS_DAYS } from "@/lib/data/dashboard-posts";
import { formatCount } from "@/lib/format";
import { POST_STATUS_LABELS, POST_STATUSES } from "@/lib/posts/post-status";
import { dashboardPostsHref, parseDashboardPostsParams, type DashboardPostsParams } from "@/lib/validations/dashboard";

export const metadata: Metadata = { title: "편집국 홈" };

const HOME = "/dashboard";
const MY_POSTS = "my-posts";

/**
 * The dashboard's home: headline numbers, the last 30 days of views as a chart, the week's
 * most-read articles and the user's own articles (search and pages in the URL: ?q=…&page=…).
 * Reporters see their own numbers; editors and admins the whole site's. Rendered in one pass,
 * without Suspense, so it arrives complete with or without JavaScript.
 */
export default async function DashboardHomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  const requested = parseDashboardPostsParams(await searchParams);
  const params: DashboardPostsParams = { scope: "mine", status: undefined, q: requested.q, page: requested.page };
  const siteWide = actsOnAnyArticle(user.role);
  const [stats, counts, list] = await Promise.all([
    dashboardStats(user),
    countDashboardPostsByStatus(user, { scope: siteWide ? "all" : "mine" }),
    listDashboardPosts(user, params),
  ]);
  const whose = siteWide ? "사이트 전체" : "내 기사";
  const statusHref = (status: (typeof POST_STATUSES)[number]) => dashboardPostsHref("/dashboard/posts", { scope: siteWide ? "all" : "mine", status });

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-gray-900">편집국 홈</h1>
        <Link href="/dashboard/posts/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          새 기사 쓰기
        </Link>
      </div>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="mb-3 text-lg font-bold text-gray-900">
          {whose} 현황
        </h2>
        <StatFigures
          figures={[
            ...(["published", "scheduled", "draft", "deleted"] as const).map((status) => ({
              label: POST_STATUS_LABELS[status],
              value: counts[status],
              href: statusHref(status),
            })),
            { label: `최근 ${STATS_DAYS}일 조회`, value: stats.totalViews },
          ]}
        />
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="views-heading" className="rounded border border-gray-200 bg-white p-4 lg:col-span-2">
          <h2 id="views-heading" className="text-lg font-bold text-gray-900">
            최근 {STATS_DAYS}일 조회 수 <span className="text-sm font-normal text-gray-500">{whose}</span>
          </h2>
          <ViewsChart days={stats.days} label={`${whose} 최근 ${STATS_DAYS}일 일별 조회 수`} />
        </section>
        <section aria-labelledby="top-heading" className="rounded border border-gray-200 bg-white p-4">
          <h2 id="top-heading" className="mb-2 text-lg font-bold text-gray-900">
            이번 주 많이 본 기사 <span className="text-sm font-normal text-gray-500">최근 7일</span>
          </h2>
          <TopArticlesList articles={stats.topThisWeek} />
        </section>
      </div>

      <section id={MY_POSTS} aria-labelledby="my-posts-heading" className="scroll-mt-4 space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="my-posts-heading" className="text-lg font-bold text-gray-900">
            내 기사{" "}
            <span className="text-sm font-normal text-gray-500">
              {params.q ? `‘${params.q}’ 검색 결과 ` : "모두 "}
              {formatCount(list.total)}건
            </span>
          </h2>
          <DashboardSearchForm path={HOME} params={params} fragment={MY_POSTS} />
        </div>
        <DashboardPostTable list={list} title="내 기사" searching={params.q !== ""} />
        <DashboardPagination path={HOME} params={{ ...params, page: list.page }} pageCount={list.pageCount} fragment={MY_POSTS} />
      </section>
    </div>
  );
}
