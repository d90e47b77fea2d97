import Link from "next/link";
import { articleHref } from "@/lib/board/list-state";
import type { DashboardPostList, DashboardPostRow } from "@/lib/data/dashboard-posts";
import { formatCount, formatDateTime, isoKoreanTime } from "@/lib/format";
import { PostStatusBadge } from "./post-status-badge";

type DashboardPostTableProps = {
  list: DashboardPostList;
  /** What the table lists, for its caption: "내 기사", "전체 기사 중 임시저장". */
  title: string;
  /** Why there are no rows: a search that found nothing, or no articles yet. */
  searching: boolean;
};

/** The edit and stats pages of an article in the dashboard. */
export const editPostHref = (postId: number) => `/dashboard/posts/${postId}/edit`;
export const postStatsHref = (postId: number) => `/dashboard/posts/${postId}/stats`;

const actionClass = "rounded px-1.5 py-0.5 text-brand-700 underline-offset-2 hover:bg-brand-50 hover:underline";

/**
 * The dashboard's article table (home's 내 기사 and 기사 목록): title with board and byline,
 * status, views, comments, last change, and 수정 · 통계 · 보기 links.
 */
export function DashboardPostTable({ list, title, searching }: DashboardPostTableProps) {
  return (
    <div className="overflow-x-auto rounded border border-gray-200 bg-white">
      <table className="w-full min-w-[34rem] border-collapse text-sm">
        <caption className="sr-only">
          {title}: 모두 {formatCount(list.total)}건, {list.page} / {list.pageCount} 페이지
        </caption>
        <thead className="border-b border-gray-300 bg-gray-50 text-gray-700">
          <tr>
            <th scope="col" className="px-3 py-2.5 text-left font-semibold">
              제목
            </th>
            <th scope="col" className="w-20 px-2 py-2.5 text-center font-semibold">
              상태
            </th>
            <th scope="col" className="w-16 px-2 py-2.5 text-right font-semibold">
              조회
            </th>
            <th scope="col" className="hidden w-14 px-2 py-2.5 text-right font-semibold sm:table-cell">
              댓글
            </th>
            <th scope="col" className="hidden w-36 px-2 py-2.5 text-center font-semibold md:table-cell">
              수정 시각
            </th>
            <th scope="col" className="w-36 px-2 py-2.5 text-center font-semibold">
              관리
            </th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <PostRow key={row.id} row={row} showAuthor={!list.ownOnly} />
          ))}
          {list.rows.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-12 text-center text-gray-500">
                {searching ? "검색 결과가 없습니다." : "기사가 없습니다."}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function PostRow({ row, showAuthor }: { row: DashboardPostRow; showAuthor: boolean }) {
  const updated = <time dateTime={isoKoreanTime(row.updatedAt)}>{formatDateTime(row.updatedAt)}</time>;
  return (
    <tr className="border-b border-gray-100 last:border-b-0 hover:bg-gray-50">
      <td className="px-3 py-2.5">
        <span className={`font-medium ${row.status === "deleted" ? "text-gray-500 line-through decoration-gray-400" : "text-gray-900"}`}>{row.title}</span>
        <span className="mt-0.5 block text-xs text-gray-500">
          {row.board.title}
          {showAuthor && <> · {row.authorName}</>}
          <span className="md:hidden"> · {updated}</span>
        </span>
      </td>
      <td className="px-2 py-2.5 text-center">
        <PostStatusBadge status={row.status} />
      </td>
      <td className="px-2 py-2.5 text-right tabular-nums text-gray-700">{formatCount(row.viewCount)}</td>
      <td className="hidden px-2 py-2.5 text-right tabular-nums text-gray-700 sm:table-cell">{formatCount(row.commentCount)}</td>
      <td className="hidden px-2 py-2.5 text-center tabular-nums text-gray-600 md:table-cell">{updated}</td>
      <td className="px-2 py-2.5">
        <ul className="flex flex-wrap justify-center gap-x-0.5 whitespace-nowrap">
          <li>
            <Link href={editPostHref(row.id)} className={actionClass}>
              수정<span className="sr-only">: {row.title}</span>
            </Link>
          </li>
          <li>
            <Link href={postStatsHref(row.id)} className={actionClass}>
              통계<span className="sr-only">: {row.title}</span>
            </Link>
          </li>
          {row.status === "published" && (
            <li>
              <Link href={articleHref(row.board.slug, row.id)} className={actionClass}>
                보기<span className="sr-only">: {row.title} (사이트)</span>
              </Link>
            </li>
          )}
        </ul>
      </td>
    </tr>
  );
}
