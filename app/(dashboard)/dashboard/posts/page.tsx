import type { Metadata } from "next";
import Link from "next/link";
import { DashboardPagination } from "@/components/dashboard/dashboard-pagination";
import { DashboardPostTable } from "@/components/dashboard/dashboard-post-table";
import { DashboardSearchForm } from "@/components/dashboard/dashboard-search-form";
import { PostStatusTabs } from "@/components/dashboard/post-status-tabs";
import { actsOnAnyArticle } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/require-user";
import type { RawSearchParams } from "@/lib/board/list-state";
import { countDashboardPostsByStatus, listDashboardPosts } from "@/lib/data/dashboard-posts";
import { formatCount } from "@/lib/format";
import { POST_STATUS_LABELS } from "@/lib/posts/post-status";
import { dashboardPostsHref, parseDashboardPostsParams, type DashboardPostsParams, type PostListScope } from "@/lib/validations/dashboard";

export const metadata: Metadata = { title: "기사 목록" };

const PATH = "/dashboard/posts";

const SCOPE_LABELS: Record<PostListScope, string> = { all: "전체 기사", mine: "내 기사" };

/**
 * 기사 목록: editors and admins see everyone's articles (or only their own), reporters their own;
 * status tabs, a title search and pages, all in the URL (?scope=mine&status=draft&q=…&page=2).
 */
export default async function DashboardPostsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  const choosesScope = actsOnAnyArticle(user.role);
  const requested = parseDashboardPostsParams(await searchParams);
  // A reporter's list is their own whatever the URL says; keep the URL free of a scope that does nothing.
  const params: DashboardPostsParams = choosesScope ? requested : { ...requested, scope: "all" };
  const [list, counts] = await Promise.all([
    listDashboardPosts(user, params),
    countDashboardPostsByStatus(user, { scope: params.scope, q: params.q }),
  ]);
  const listTitle = [list.ownOnly ? "내 기사" : "전체 기사", params.status ? POST_STATUS_LABELS[params.status] : null].filter(Boolean).join(" · ");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-gray-900">기사 목록</h1>
        <Link href="/dashboard/posts/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          새 기사 쓰기
        </Link>
      </div>

      {choosesScope && (
        <nav aria-label="기사 범위">
          <ul className="inline-flex rounded border border-gray-300 bg-white p-0.5 text-sm">
            {(["all", "mine"] as const).map((scope) => {
              const active = params.scope === scope;
              return (
                <li key={scope}>
                  <Link
                    href={dashboardPostsHref(PATH, { ...params, scope, page: 1 })}
                    aria-current={active ? "page" : undefined}
                    className={`inline-block rounded px-3 py-1.5 ${active ? "bg-brand-700 font-semibold text-white" : "text-gray-700 hover:bg-gray-100"}`}
                  >
                    {SCOPE_LABELS[scope]}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      <PostStatusTabs path={PATH} params={params} counts={counts} />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-gray-600" aria-live="polite">
          {params.q ? `‘${params.q}’ 검색 결과 ` : "모두 "}
          <strong className="font-semibold text-gray-900">{formatCount(list.total)}</strong>건
        </p>
        <DashboardSearchForm path={PATH} params={params} />
      </div>

      <DashboardPostTable list={list} title={listTitle} searching={params.q !== ""} />
      <DashboardPagination path={PATH} params={{ ...params, page: list.page }} pageCount={list.pageCount} />
    </div>
  );
}
