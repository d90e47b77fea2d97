import { boardHref, type ListState } from "@/lib/board/list-state";
import { ListStateFields } from "./list-state-fields";
import { PageLinks } from "./page-links";

type PaginationProps = {
  boardSlug: string;
  state: ListState;
  pageCount: number;
  pageLinkCount: number;
};

/**
 * "처음 이전 1 … 5 6 [7] 8 … 28 다음 마지막" and a "/ 28" page-jump box. Plain links and a
 * GET form: all of it works without JavaScript.
 */
export function Pagination({ boardSlug, state, pageCount, pageLinkCount }: PaginationProps) {
  const { page } = state;
  const href = (target: number) => boardHref(boardSlug, { ...state, page: target });
  return (
    <div className="mt-6 flex flex-col items-center gap-3 text-sm">
      <PageLinks label="게시판 페이지" page={page} pageCount={pageCount} linkCount={pageLinkCount} href={href} firstAndLast />
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
