import type { BoardSummary } from "@/lib/data/boards";
import type { BoardPage } from "@/lib/data/posts";
import { SEARCH_TARGET_LABELS } from "@/lib/board/list-state";
import { formatCount } from "@/lib/format";
import { BoardSearchForm } from "./board-search-form";
import { BoardTable } from "./board-table";
import { CategoryTabs } from "./category-tabs";
import { Pagination } from "./pagination";

type BoardListSectionProps = {
  board: BoardSummary;
  list: BoardPage;
  /** The heading level: h1 on the board page, h2 under an article. */
  headingLevel: "h1" | "h2";
  currentPostId?: number;
};

/**
 * A board's list with its heading, category tabs, total, pagination and search box: the board
 * page, and the list under an article.
 */
export function BoardListSection({ board, list, headingLevel: Heading, currentPostId }: BoardListSectionProps) {
  const { search } = list.state;
  return (
    <section aria-labelledby="board-list-title" className="print:hidden">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
        <div>
          <Heading id="board-list-title" className="text-xl font-bold text-gray-900">
            {board.title}
          </Heading>
          {board.description && <p className="mt-1 text-sm text-gray-600">{board.description}</p>}
        </div>
        <p className="text-sm text-gray-600" aria-live="polite">
          {search ? (
            <>
              {SEARCH_TARGET_LABELS[search.target]}에서 ‘<strong className="text-gray-900">{search.keyword}</strong>’ 검색 결과{" "}
              {list.totalIsLimited && "최근 "}
            </>
          ) : (
            "전체 "
          )}
          <strong className="text-gray-900">{formatCount(list.total)}</strong>건 · {list.page} / {list.pageCount} 페이지
        </p>
        {list.totalIsLimited && (
          <p className="w-full text-xs text-gray-500">
            찾은 글이 많아 최근 {formatCount(list.total)}건만 보여 드립니다. 더 오래된 글은 검색어를 더 자세히 입력해 찾아 주세요.
          </p>
        )}
      </div>
      <CategoryTabs boardSlug={board.slug} categories={board.categories} state={list.state} />
      <BoardTable boardSlug={board.slug} boardTitle={board.title} list={list} rowsPerPage={board.rowsPerPage} currentPostId={currentPostId} />
      <Pagination boardSlug={board.slug} state={list.state} pageCount={list.pageCount} pageLinkCount={board.pageLinkCount} />
      <BoardSearchForm boardSlug={board.slug} state={list.state} error={list.searchError} />
    </section>
  );
}
