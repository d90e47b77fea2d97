import Link from "next/link";
import type { PostStatusCounts } from "@/lib/data/dashboard-posts";
import { formatCount } from "@/lib/format";
import { POST_STATUS_LABELS, POST_STATUSES, type PostStatus } from "@/lib/posts/post-status";
import { dashboardPostsHref, type DashboardPostsParams } from "@/lib/validations/dashboard";

type PostStatusTabsProps = {
  path: string;
  params: DashboardPostsParams;
  /** Articles of each status in the list as searched, for the count beside each tab. */
  counts: PostStatusCounts;
};

/** 전체 · 임시저장 · 예약 · 게시됨 · 삭제됨 with their counts; the scope and search stay, the page starts over. */
export function PostStatusTabs({ path, params, counts }: PostStatusTabsProps) {
  const tabs: { status: PostStatus | undefined; label: string; count: number }[] = [
    { status: undefined, label: "전체", count: counts.draft + counts.scheduled + counts.published },
    ...POST_STATUSES.map((status) => ({ status, label: POST_STATUS_LABELS[status], count: counts[status] })),
  ];
  return (
    <nav aria-label="기사 상태" className="overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-gray-300 text-sm">
        {tabs.map((tab) => {
          const active = params.status === tab.status;
          return (
            <li key={tab.status ?? "all"}>
              <Link
                href={dashboardPostsHref(path, { scope: params.scope, q: params.q, status: tab.status })}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 ${
                  active ? "border-brand-700 font-bold text-brand-700" : "border-transparent text-gray-600 hover:border-gray-400 hover:text-gray-900"
                }`}
              >
                {tab.label}
                <span className={`rounded-full px-1.5 text-xs tabular-nums ${active ? "bg-brand-50 text-brand-800" : "bg-gray-100 text-gray-600"}`}>
                  {formatCount(tab.count)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
