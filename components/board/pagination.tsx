import Link from "next/link";
import { boardHref, type ListState } from "@/lib/board/list-state";
import { pageWindow } from "@/lib/board/pagination";
import { ListStateFields } from "./list-state-fields";

type PaginationProps = {
  boardSlug: string;
  state: ListState;
  pageCount: number;
  pageLinkCount: number;
};

const linkClass = "inline-flex min-w-9 items-center justify-center rounded px-2 py-1.5 hover:bg-brand-50 hover:text-brand-700";
const disabledClass = "inline-flex min-w-9 items-center justify-center rounded px-2 py-1.5 text-gray-300";

/**
 * "처음 이전 1 … 5 6 [7] 8 … 28 다음 마지막" and a "/ 28" page-jump box. Plain links and a
 * GET form: all of it works without JavaScript.
 */
export function Pagination({ boardSlug, state, pageCount, pageLinkCount }: PaginationProps) {
  const { page } = state;
  const { first, last } = pageWindow(page, pageCount, pageLinkCount);
  const href = (target: number) => boardHref(boardSlug, { ...state, page: target });
  const pages = Array.from({ length: last - first + 1 }, (_, index) => first + index);

  const step = (label: string, text: string, target: number, enabled: boolean, rel?: "prev" | "next") =>
    enabled ? (
      <Link href={href(target)} className={linkClass} aria-label={label} rel={rel}>
        {text}
      </Link>
    ) : (
      <span className={disabledClass} aria-disabled="true" aria-label={label}>
        {text}
      </span>
    );

  return (
    <div className="mt-6 flex flex-col items-center gap-3 text-sm">
      <nav aria-label="게시판 페이지">
        <ul className="flex flex-wrap items-center justify-center gap-0.5">
          <li>{step("첫 페이지", "« 처음", 1, page > 1)}</li>
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
          <li>{step("마지막 페이지", "마지막 »", pageCount, page < pageCount)}</li>
        </ul>
      </nav>
      <form method="get" action={`/${boardSlug}`} className="flex items-center gap-1.5" aria-label="페이지 바로 가기">
        <ListStateFields state={state} omit={["page"]} />
        <label htmlFor="page-jump" className="sr-only">
          이동할 페이지 (1–{pageCount})
        </label>
        <input
          id="page-jump"
          name="page"
          type="number"
          inputMode="numeric"
          min={1}
          max={pageCount}
          defaultValue={page}
          className="w-20 rounded border border-gray-300 px-2 py-1 text-right"
        />
        <span className="text-gray-600">/ {pageCount}</span>
        <button type="submit" className="rounded border border-gray-300 px-3 py-1 hover:bg-gray-50">
          이동
        </button>
      </form>
    </div>
  );
}
