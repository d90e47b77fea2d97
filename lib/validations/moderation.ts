import { z } from "zod";
import { BAD_REQUEST_MESSAGE, idField, lineField } from "./dashboard-form";

/**
 * Comment moderation (댓글 관리): the list's filters as the address carries them, and the
 * schemas of its forms, shared by the forms (limits, labels) and the server actions.
 */

/** Where a comment stands: readers see visible ones; hidden (by an editor) and deleted ones are placeholders. */
export type CommentStatus = "visible" | "hidden" | "deleted";

/** Which comments the list shows. */
export const COMMENT_STATUS_FILTERS = ["all", "visible", "hidden", "deleted"] as const;
export type CommentStatusFilter = (typeof COMMENT_STATUS_FILTERS)[number];
export const COMMENT_STATUS_FILTER_LABELS: Record<CommentStatusFilter, string> = {
  all: "전체",
  visible: "공개",
  hidden: "숨김",
  deleted: "삭제됨",
};

export const MODERATION_PAGE_SIZE = 30;

/**
 * One page of the list: newest first, by keyset. `before` (older than that comment id) and
 * `after` (newer than it) move a page at a time without counting rows, however long the list.
 */
export type ModerationQuery = {
  status: CommentStatusFilter;
  /** A board's slug, or null for every board. */
  board: string | null;
  before: number | null;
  after: number | null;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const pageCursor = (value: string) => (/^[1-9]\d{0,9}$/.test(value) ? Number(value) : null);

/** The list's query from the page's address; anything malformed falls back to the default. */
export function parseModerationQuery(params: SearchParams): ModerationQuery {
  const status = first(params.status);
  const board = first(params.board);
  const before = pageCursor(first(params.before));
  return {
    status: (COMMENT_STATUS_FILTERS as readonly string[]).includes(status) ? (status as CommentStatusFilter) : "all",
    board: /^[a-z0-9][a-z0-9-]{0,39}$/.test(board) ? board : null,
    before,
    after: before === null ? pageCursor(first(params.after)) : null,
  };
}

/** The list's address for a query (default values left out). */
export function moderationHref(query: Partial<ModerationQuery>): string {
  const params = new URLSearchParams();
  if (query.status && query.status !== "all") params.set("status", query.status);
  if (query.board) params.set("board", query.board);
  if (query.before) params.set("before", String(query.before));
  else if (query.after) params.set("after", String(query.after));
  const search = params.toString();
  return `/dashboard/comments${search ? `?${search}` : ""}`;
}

/** What an editor can do to one comment. */
export const MODERATION_OPERATIONS = ["hide", "restore", "delete"] as const;
export type ModerationOperation = (typeof MODERATION_OPERATIONS)[number];
export const MODERATION_OPERATION_LABELS: Record<ModerationOperation, string> = {
  hide: "숨기기",
  restore: "복원",
  delete: "삭제",
};

/** How long a block lasts. */
export const BLOCK_DURATIONS = ["1d", "7d", "30d", "forever"] as const;
export type BlockDuration = (typeof BLOCK_DURATIONS)[number];
export const BLOCK_DURATION_LABELS: Record<BlockDuration, string> = { "1d": "1일", "7d": "7일", "30d": "30일", forever: "영구" };
const BLOCK_DURATION_DAYS: Record<BlockDuration, number | null> = { "1d": 1, "7d": 7, "30d": 30, forever: null };

/** When a block made at `now` ends, or null for one that lasts until an editor lifts it. */
export function blockExpiry(duration: BlockDuration, now: Date): Date | null {
  const days = BLOCK_DURATION_DAYS[duration];
  return days === null ? null : new Date(now.getTime() + days * 86_400_000);
}

export const BLOCK_REASON_MAX = 200;

export const ModerationSchema = z.object({
  commentId: idField,
  blockId: idField,
  operation: z.enum(MODERATION_OPERATIONS, { error: BAD_REQUEST_MESSAGE }),
  /** Optional: what the editors see in the block list (the commenter is never told). */
  reason: lineField(BLOCK_REASON_MAX, { tooLong: `차단 사유는 ${BLOCK_REASON_MAX}자까지 쓸 수 있습니다.` }),
  duration: z.enum(BLOCK_DURATIONS, { error: "차단 기간을 골라 주세요." }),
});

/** 숨기기, 복원, 삭제 of one comment (the button pressed says which). */
export const ModerateCommentSchema = ModerationSchema.pick({ commentId: true, operation: true });
/** 작성자 차단: the commenter key of this comment's writer. */
export const BlockCommenterSchema = ModerationSchema.pick({ commentId: true, reason: true, duration: true });
/** 차단 해제. */
export const UnblockCommenterSchema = ModerationSchema.pick({ blockId: true });

export const MODERATE_FIELDS = ["commentId", "operation"] as const;
export const BLOCK_FIELDS = ["commentId", "reason", "duration"] as const;
export const UNBLOCK_FIELDS = ["blockId"] as const;

export type ModerateCommentField = (typeof MODERATE_FIELDS)[number];
export type BlockCommenterField = (typeof BLOCK_FIELDS)[number];
export type UnblockCommenterField = (typeof UNBLOCK_FIELDS)[number];
export type BlockCommenterInput = z.infer<typeof BlockCommenterSchema>;
