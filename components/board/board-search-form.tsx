import Link from "next/link";
import { boardHref, DEFAULT_SEARCH_TARGET, SEARCH_TARGET_LABELS, SEARCH_TARGETS, type ListState } from "@/lib/board/list-state";
import { MAX_KEYWORD_LENGTH } from "@/lib/search/tokens";
import { ListStateFields } from "./list-state-fields";

type BoardSearchFormProps = {
  boardSlug: string;
  state: ListState;
  /** Why the last search could not run, shown under the box. */
  error: string | null;
};

/**
 * The search box under the list: what to search in (제목+내용, 제목, 내용, 글쓴이, 댓글) and
 * the words. A GET form: results are an ordinary list URL that pages, sorts and links to
 * articles with the search kept, with or without JavaScript. The category stays.
 */
export function BoardSearchForm({ boardSlug, state, error }: BoardSearchFormProps) {
  const target = state.search?.target ?? DEFAULT_SEARCH_TARGET;
  return (
    <form method="get" action={`/${boardSlug}`} role="search" aria-label="게시판 검색" className="mt-6 flex flex-col items-center gap-2">
      <ListStateFields state={{ category: state.category, sort: state.sort, order: state.order }} omit={[]} />
      <div className="flex w-full max-w-lg flex-wrap items-stretch justify-center gap-1.5">
        <label htmlFor="search-target" className="sr-only">
          검색 범위
        </label>
        <select id="search-target" name="target" defaultValue={target} className="rounded border border-gray-300 bg-white px-2 py-1.5 text-sm">
          {SEARCH_TARGETS.map((value) => (
            <option key={value} value={value}>
              {SEARCH_TARGET_LABELS[value]}
            </option>
          ))}
        </select>
        <label htmlFor="search-keyword" className="sr-only">
          검색어
        </label>
        <input
          id="search-keyword"
          name="q"
          type="search"
          defaultValue={state.search?.keyword ?? ""}
          maxLength={MAX_KEYWORD_LENGTH * 2}
          placeholder="검색어"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "search-error" : undefined}
          className="min-w-0 flex-1 rounded border border-gray-300 px-3 py-1.5 text-sm"
        />
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
          검색
        </button>
      </div>
      {error && (
        <p id="search-error" role="alert" className="text-sm font-semibold text-notice">
          {error}
        </p>
      )}
      {state.search && (
        <Link href={boardHref(boardSlug, { category: state.category, sort: state.sort, order: state.order })} className="text-sm text-gray-600 underline hover:text-brand-700">
          검색 취소하고 전체 목록 보기
        </Link>
      )}
    </form>
  );
}
