import Link from "next/link";
import { pageWindow } from "@/lib/board/pagination";

const linkClass = "inline-flex min-w-9 items-center justify-center rounded px-2 py-1.5 hover:bg-brand-50 hover:text-brand-700";
const disabledClass = "inline-flex min-w-9 items-center justify-center rounded px-2 py-1.5 text-gray-300";

type PageLinksProps = {
  /** The navigation's accessible name ("게시판 페이지"). */
  label: string;
  page: number;
  pageCount: number;
  /** How many numbered links at most, centred on the current page. */
  linkCount: number;
  href: (page: number) => string;
  /** Also « 처음 and 마지막 » (the public board has them, the dashboard's lists do not). */
  firstAndLast?: boolean;
  className?: string;
};

/**
 * "‹ 이전 1 … 5 6 [7] 8 … 28 다음 ›" (with « 처음 / 마지막 » when asked): plain links, so paging
 * works without JavaScript. The public board's pagination and the dashboard's lists share it.
 */
export function PageLinks({ label, page, pageCount, linkCount, href, firstAndLast = false, className }: PageLinksProps) {
  const { first, last } = pageWindow(page, pageCount, linkCount);
  const pages = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const step = (stepLabel: string, text: string, target: number, enabled: boolean, rel?: "prev" | "next") =>
    enabled ? (
      <Link href={href(target)} className={linkClass} aria-label={stepLabel} rel={rel}>
        {text}
      </Link>
    ) : (
      <span className={disabledClass} aria-disabled="true" aria-label={stepLabel}>
        {text}
      </span>
    );
  return (
    <nav aria-label={label} className={className}>
      <ul className="flex flex-wrap items-center justify-center gap-0.5">
        {firstAndLast && <li>{step("첫 페이지", "« 처음", 1, page > 1)}</li>}
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
        {firstAndLast && <li>{step("마지막 페이지", "마지막 »", pageCount, page < pageCount)}</li>}
      </ul>
    </nav>
  );
}
