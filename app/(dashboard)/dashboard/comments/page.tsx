import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlockCommenterForm } from "@/components/dashboard/comments/block-commenter-form";
import { CommentModerationButtons } from "@/components/dashboard/comments/comment-moderation-buttons";
import { UnblockCommenterForm } from "@/components/dashboard/comments/unblock-commenter-form";
import { requireModerator } from "@/lib/auth/require-user";
import { listActiveBlocks, listModerationComments, type ActiveBlock, type ModerationCommentRow } from "@/lib/data/moderation";
import { formatDateTime, isoKoreanTime } from "@/lib/format";
import {
  COMMENT_STATUS_FILTER_LABELS,
  COMMENT_STATUS_FILTERS,
  moderationHref,
  parseModerationQuery,
  type CommentStatus,
  type ModerationQuery,
} from "@/lib/validations/moderation";

export const metadata: Metadata = { title: "댓글 관리" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * 댓글 관리 (editors and admins): the newest comments of every board, 30 to a page, with
 * 숨기기 / 복원 / 삭제 and 작성자 차단 on each, and the blocks that hold now. Every form
 * posts to a server action and works without JavaScript.
 */
export default async function CommentModerationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireModerator();
  const query = parseModerationQuery(await searchParams);
  const [page, blocks] = await Promise.all([listModerationComments(user, query), listActiveBlocks(user)]);
  // The role was checked above; a refusal here means the account changed since: no page for them.
  if (!page.ok || !blocks.ok) notFound();

  return (
    <div className="space-y-8">
      <section aria-labelledby="comments-title" className="space-y-4">
        <h1 id="comments-title" className="text-xl font-bold text-gray-900">
          댓글 관리
        </h1>
        <ModerationFilter query={query} boards={page.boards} />
        {page.rows.length === 0 ? (
          <p className="rounded border border-gray-200 bg-white px-4 py-8 text-center text-sm text-gray-600">조건에 맞는 댓글이 없습니다.</p>
        ) : (
          <ol className="divide-y divide-gray-200 rounded border border-gray-200 bg-white">
            {page.rows.map((row) => (
              <ModerationRow key={row.id} row={row} />
            ))}
          </ol>
        )}
        <Pager query={query} newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
      </section>
      <BlockList blocks={blocks.blocks} />
    </div>
  );
}

function ModerationFilter({ query, boards }: { query: ModerationQuery; boards: { slug: string; title: string }[] }) {
  return (
    <form method="get" action="/dashboard/comments" aria-label="댓글 거르기" className="flex flex-wrap items-end gap-3 text-sm">
      <div>
        <label htmlFor="filter-status" className="block font-semibold text-gray-800">
          상태
        </label>
        <select id="filter-status" name="status" defaultValue={query.status} className="mt-1 rounded border border-gray-300 bg-white px-2 py-1.5">
          {COMMENT_STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {COMMENT_STATUS_FILTER_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-board" className="block font-semibold text-gray-800">
          게시판
        </label>
        <select id="filter-board" name="board" defaultValue={query.board ?? ""} className="mt-1 rounded border border-gray-300 bg-white px-2 py-1.5">
          <option value="">모든 게시판</option>
          {boards.map((board) => (
            <option key={board.slug} value={board.slug}>
              {board.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800">
        보기
      </button>
    </form>
  );
}

const STATUS_BADGES: Record<CommentStatus, { label: string; className: string }> = {
  visible: { label: "공개", className: "bg-green-50 text-green-800" },
  hidden: { label: "숨김", className: "bg-yellow-50 text-yellow-900" },
  deleted: { label: "삭제됨", className: "bg-gray-100 text-gray-700" },
};

function ModerationRow({ row }: { row: ModerationCommentRow }) {
  const badge = STATUS_BADGES[row.status];
  const articleHref = `/${row.board.slug}/${row.post.id}`;
  return (
    <li className="space-y-2 px-4 py-3" aria-labelledby={`comment-${row.id}-excerpt`}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-gray-600">
        <span className={`rounded px-1.5 py-0.5 font-semibold ${badge.className}`}>{badge.label}</span>
        <span>{row.board.title}</span>
        <span aria-hidden="true">·</span>
        {row.post.isPublished ? (
          <Link href={row.status === "visible" ? `${articleHref}#comment-${row.id}` : articleHref} className="font-semibold text-brand-700 hover:underline">
            {row.post.title}
          </Link>
        ) : (
          <span>
            {row.post.title} <span className="text-gray-500">(공개되지 않은 기사)</span>
          </span>
        )}
        <span aria-hidden="true">·</span>
        <time dateTime={isoKoreanTime(row.createdAt)}>{formatDateTime(row.createdAt)}</time>
      </p>
      <p className="text-sm">
        <strong className="font-semibold text-gray-900">{row.author.name}</strong>{" "}
        <span className="text-xs text-gray-500">{row.author.kind === "guest" ? "손님" : "회원"}</span>
        {row.activeBlock && (
          <span className="ml-2 rounded bg-orange-50 px-1.5 py-0.5 text-xs font-semibold text-notice">
            차단됨{row.activeBlock.expiresAt ? ` (${formatDateTime(row.activeBlock.expiresAt)}까지)` : " (영구)"}
          </span>
        )}
      </p>
      <p id={`comment-${row.id}-excerpt`} className="break-words text-[15px] text-gray-800">
        {row.excerpt || <span className="text-gray-500">(내용 없음)</span>}
      </p>
      <CommentModerationButtons commentId={row.id} status={row.status} />
      {row.blockable && !row.activeBlock && <BlockCommenterForm commentId={row.id} />}
    </li>
  );
}

function Pager({ query, newerCursor, olderCursor }: { query: ModerationQuery; newerCursor: number | null; olderCursor: number | null }) {
  if (newerCursor === null && olderCursor === null) return null;
  const filters = { status: query.status, board: query.board };
  return (
    <nav aria-label="댓글 목록 쪽" className="flex justify-between text-sm font-semibold">
      {newerCursor !== null ? (
        <Link href={moderationHref({ ...filters, after: newerCursor })} className="rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-100">
          ← 최근 댓글
        </Link>
      ) : (
        <span />
      )}
      {olderCursor !== null && (
        <Link href={moderationHref({ ...filters, before: olderCursor })} className="rounded border border-gray-300 bg-white px-3 py-1.5 hover:bg-gray-100">
          이전 댓글 →
        </Link>
      )}
    </nav>
  );
}

function BlockList({ blocks }: { blocks: ActiveBlock[] }) {
  return (
    <section aria-labelledby="blocks-title" className="space-y-3">
      <h2 id="blocks-title" className="text-lg font-bold text-gray-900">
        차단한 작성자
      </h2>
      {blocks.length === 0 ? (
        <p className="text-sm text-gray-600">지금 차단된 작성자가 없습니다.</p>
      ) : (
        <ul className="divide-y divide-gray-200 rounded border border-gray-200 bg-white">
          {blocks.map((block) => (
            <li key={block.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm">
              <div className="space-y-1">
                <p>
                  <strong className="font-semibold">{block.latestComment?.guestName ?? "손님"}</strong>
                  <span className="text-gray-600"> · 댓글 {block.commentCount}개</span>
                </p>
                {block.latestComment && <p className="text-gray-700">최근 댓글: {block.latestComment.excerpt}</p>}
                <p className="text-xs text-gray-600">
                  {block.expiresAt ? `${formatDateTime(block.expiresAt)}까지` : "영구 차단"} · {formatDateTime(block.createdAt)}{" "}
                  {block.blockedBy} 차단
                  {block.reason && ` · 사유: ${block.reason}`}
                </p>
              </div>
              <UnblockCommenterForm blockId={block.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
