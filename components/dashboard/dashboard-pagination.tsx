import Link from "next/link";
import { pageWindow } from "@/lib/board/pagination";
import { dashboardPostsHref, type DashboardPostsParams } from "@/lib/validations/dashboard";

type DashboardPaginationProps = {
  /** The list's page ("/dashboard/posts") and its state in the URL. */
  path: string;
  params: DashboardPostsParams;
  pageCount: number;
  /** An id on the page to land on (the table's section), so a page link does not start at the top. */
  fragment?: string;
};

const PAGE_LINKS = 7;
const linkClass = "inline-flex min-w-9 items-center justify-center rounded px-2 py-1.5 hover:bg-brand-50 hover:text-brand-700";
const disabledClass = "inline-flex min-w-9 items-center justify-center rounded px-2 py-1.5 text-gray-300";

/** ‹ 이전 · 1 … 4 5 [6] 7 8 … 20 · 다음 ›: plain links that keep the list's state (works without JavaScript). */
export function DashboardPagination({ path, params, pageCount, fragment }: DashboardPaginationProps) {
  if (pageCount <= 1) return null;
  const { page } = params;
  const { first, last } = pageWindow(page, pageCount, PAGE_LINKS);
  const href = (target: number) => dashboardPostsHref(path, { ...params, page: target }, fragment);
  const pages = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const step = (label: string, text: string, target: number, enabled: boolean, rel: "prev" | "next") =>
    enabled ? (
      <Link href={href(target)} className={linkClass} aria-label={label} rel={rel}>
        {text}
      </Link>
    ) : (
      <span className={disabledClass} aria-disabled="true">
        {text}
      </span>
    );
  return (
    <nav aria-label="기사 목록 페이지" className="mt-4 text-sm">
      <ul className="flex flex-wrap items-center justify-center gap-0.5">
        <li>{step("이전 페이지", "‹ 이전", page - 1, page > 1, "prev")}</li>
        {first > 1 && (
          <>
            <li>
              <Link href={href(1)} className={linkClass} aria-label="1 페이지">
                1
              </Link>
            </li>
            {first > 2 && <li aria-hidden="true" className="px-1 text-gray-400">…</li>}
          </>
        )}
        {pages.map((target) => (
          <li key={target}>
            {target === page ? (
              <span aria-current="page" className="inline-flex min-w-9 items-center justify-center rounded bg-brand-700 px-2 py-1.5 font-bold text-white">
                {target}
              </span>
            ) : (
              <Link href={href(target)} className={linkClass} aria-label={`${target} 페이지`}>
                {target}
              </Link>
            )}
          </li>
        ))}
        {last < pageCount && (
          <>
            {last < pageCount - 1 && <li aria-hidden="true" className="px-1 text-gray-400">…</li>}
            <li>
              <Link href={href(pageCount)} className={linkClass} aria-label={`${pageCount} 페이지`}>
                {pageCount}
              </Link>
            </li>
          </>
        )}
        <li>{step("다음 페이지", "다음 ›", page + 1, page < pageCount, "next")}</li>
      </ul>
    </nav>
  );
}
