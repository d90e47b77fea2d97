import Link from "next/link";
import { articleHref, sortHref, type ListState, type SortKey } from "@/lib/board/list-state";
import { virtualNumber } from "@/lib/board/pagination";
import type { BoardPage, ListRow } from "@/lib/data/posts";
import { formatCount, formatDate, isoKoreanTime } from "@/lib/format";

type BoardTableProps = {
  boardSlug: string;
  boardTitle: string;
  list: BoardPage;
  rowsPerPage: number;
  /** The article being read, marked in the list under it. */
  currentPostId?: number;
};

/** The board list: 번호 · 제목 · 글쓴이 · 날짜 · 조회 수, with sortable column headers. */
export function BoardTable({ boardSlug, boardTitle, list, rowsPerPage, currentPostId }: BoardTableProps) {
  const { state } = list;
  const header = (key: SortKey, label: string, className: string) => {
    const active = state.sort === key;
    const ariaSort = active ? (state.order === "asc" ? "ascending" : "descending") : undefined;
    return (
      <th key={key} scope="col" className={`px-2 py-2.5 font-semibold ${className}`} aria-sort={ariaSort}>
        <Link href={sortHref(boardSlug, state, key)} className="inline-flex items-center gap-1 hover:text-brand-700" title={`${label} 순으로 정렬`}>
          {label}
          <SortMark active={active} order={state.order} />
        </Link>
      </th>
    );
  };

  return (
    <table className="w-full border-collapse text-[15px]">
      <caption className="sr-only">
        {boardTitle} 글 목록 (List of Articles), {list.page} / {list.pageCount} 페이지
      </caption>
      <thead className="border-y-2 border-gray-800 bg-gray-50 text-gray-700">
        <tr>
          {header("number", "번호", "w-20 text-center")}
          {header("title", "제목", "text-left")}
          <th scope="col" className="hidden w-32 px-2 py-2.5 text-center font-semibold sm:table-cell">
            글쓴이
          </th>
          {header("date", "날짜", "hidden w-28 text-center sm:table-cell")}
          {header("views", "조회 수", "w-20 text-center")}
        </tr>
      </thead>
      <tbody>
        {list.notices.map((row) => (
          <Row key={`notice-${row.id}`} row={row} href={articleHref(boardSlug, row.id, state)} label="공지" current={row.id === currentPostId} notice />
        ))}
        {list.rows.map((row, index) => (
          <Row
            key={row.id}
            row={row}
            href={articleHref(boardSlug, row.id, state)}
            label={String(virtualNumber(list.total, list.page, rowsPerPage, index))}
            current={row.id === currentPostId}
          />
        ))}
        {list.rows.length === 0 && (
          <tr>
            <td colSpan={5} className="py-12 text-center text-gray-500">
              {state.search ? "검색 결과가 없습니다." : "등록된 글이 없습니다."}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function SortMark({ active, order }: { active: boolean; order: ListState["order"] }) {
  if (!active) return <span aria-hidden="true" className="text-gray-300">↕</span>;
  return (
    <>
      <span aria-hidden="true">{order === "asc" ? "▲" : "▼"}</span>
      <span className="sr-only">{order === "asc" ? "(오름차순)" : "(내림차순)"}</span>
    </>
  );
}

function Row({ row, href, label, current, notice = false }: { row: ListRow; href: string; label: string; current: boolean; notice?: boolean }) {
  return (
    <tr className={`border-b border-gray-200 ${notice ? "bg-orange-50/60" : ""} ${current ? "bg-brand-50" : ""}`} aria-current={current ? "page" : undefined}>
      <td className="px-2 py-2.5 text-center text-sm text-gray-600">
        {notice ? <span className="rounded bg-notice px-1.5 py-0.5 text-xs font-bold text-white">공지</span> : current ? <span className="font-bold text-brand-700" title="지금 보는 글">»</span> : label}
      </td>
      <td className="px-2 py-2.5">
        <Link href={href} className={`hover:text-brand-700 hover:underline ${notice || current ? "font-semibold" : ""}`}>
          {row.title}
        </Link>
        {row.commentCount > 0 && (
          <span className="ml-1.5 text-sm font-semibold text-notice" aria-label={`댓글 ${row.commentCount}개`}>
            [{formatCount(row.commentCount)}]
          </span>
        )}
      </td>
      <td className="hidden px-2 py-2.5 text-center text-sm text-gray-700 sm:table-cell">{row.authorName}</td>
      <td className="hidden px-2 py-2.5 text-center text-sm text-gray-600 sm:table-cell">
        <time dateTime={isoKoreanTime(row.publishedAt)}>{formatDate(row.publishedAt)}</time>
      </td>
      <td className="px-2 py-2.5 text-center text-sm text-gray-600">{formatCount(row.viewCount)}</td>
    </tr>
  );
}
