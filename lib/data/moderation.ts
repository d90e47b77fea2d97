import "server-only";
import { forgetBoardLists } from "@/lib/board/board-memory";
import { db } from "@/lib/db";
import { commentSearchDocument } from "@/lib/search/documents";
import {
  blockExpiry,
  MODERATION_PAGE_SIZE,
  type BlockCommenterInput,
  type CommentStatus,
  type ModerationOperation,
  type ModerationQuery,
} from "@/lib/validations/moderation";
import { isCommenterKey } from "@/lib/visitors/visitor-key";
import { refusal, refuseUnlessModerator, TRANSACTION_OPTIONS, type Refusal, type StaffActor } from "./staff-access";

/**
 * Comment moderation for editors and admins: the newest comments of every board, hiding,
 * restoring and deleting them, and blocking a guest commenter by their commenter key
 * (lib/visitors/visitor-key.ts commenterKey; lib/data/comment-writes.ts refuses their comments).
 * Every function takes the acting user, checks their role against the database itself
 * (lib/data/staff-access.ts) and returns a Refusal instead of throwing.
 *
 * Post.commentCount always equals the post's visible comments, and only visible comments have
 * a search document, as in lib/data/comment-writes.ts: a change of status is a conditional
 * update from the status read before (`WHERE id = ? AND status = <it>`), and only the
 * transaction whose update changed the row moves the counter and the search document. Two
 * editors hiding one comment at once: the second update matches nothing (PostgreSQL re-checks
 * the row after the first commits; SQLite runs one writer at a time), so nothing counts twice.
 * Moderation keeps a comment's updatedAt, which says when its writer last edited it.
 */

export type ModerationCommentRow = {
  id: number;
  /** The start of the body, on one line. */
  excerpt: string;
  status: CommentStatus;
  author: { kind: "guest"; name: string } | { kind: "member"; name: string; userId: number };
  createdAt: Date;
  post: { id: number; title: string; isPublished: boolean };
  board: { slug: string; title: string };
  /** 작성자 차단 applies: a guest's comment that carries a commenter key. */
  blockable: boolean;
  /** The block on its writer that holds now, if any. */
  activeBlock: { id: number; expiresAt: Date | null } | null;
};

export type ModerationPage = {
  ok: true;
  rows: ModerationCommentRow[];
  /** `after` for the page of newer comments, or null on the newest page. */
  newerCursor: number | null;
  /** `before` for the page of older comments, or null on the oldest page. */
  olderCursor: number | null;
  /** Every board, in menu order, for the filter. */
  boards: { slug: string; title: string }[];
};

const EXCERPT_LENGTH = 120;

export function commentExcerpt(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}

/** Blocks that hold at `now`: no end, or an end still to come. */
const activeBlockWhere = (now: Date) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

const asStatus = (status: string): CommentStatus => (status === "visible" || status === "hidden" ? status : "deleted");

/** One page of comments across boards, newest first (keyset by id: any page costs the same). */
export async function listModerationComments(
  actor: StaffActor,
  query: ModerationQuery,
  now: Date = new Date(),
): Promise<ModerationPage | Refusal> {
  const refused = await refuseUnlessModerator(actor);
  if (refused) return refused;

  const boards = await db.board.findMany({ select: { id: true, slug: true, title: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const board = query.board === null ? null : boards.find((candidate) => candidate.slug === query.board);
  const listedBoards = boards.map(({ slug, title }) => ({ slug, title }));
  if (board === undefined) return { ok: true, rows: [], newerCursor: null, olderCursor: null, boards: listedBoards };

  const filter = {
    ...(query.status === "all" ? {} : { status: query.status }),
    ...(board ? { post: { boardId: board.id } } : {}),
  };
  const newerFirst = query.after === null;
  const records = await db.comment.findMany({
    where: {
      ...filter,
      ...(query.before !== null ? { id: { lt: query.before } } : {}),
      ...(query.after !== null ? { id: { gt: query.after } } : {}),
    },
    // Going back to newer comments reads upwards from the cursor, then turns the page around.
    orderBy: { id: newerFirst ? "desc" : "asc" },
    take: MODERATION_PAGE_SIZE,
    select: {
      id: true,
      body: true,
      status: true,
      guestName: true,
      userId: true,
      visitorKey: true,
      createdAt: true,
      user: { select: { displayName: true } },
      post: { select: { id: true, title: true, status: true, board: { select: { slug: true, title: true } } } },
    },
  });
  if (!newerFirst) records.reverse();

  const [newest, oldest] = [records[0], records.at(-1)];
  const [newer, older] = await Promise.all([
    newest ? db.comment.findFirst({ where: { ...filter, id: { gt: newest.id } }, select: { id: true } }) : null,
    oldest ? db.comment.findFirst({ where: { ...filter, id: { lt: oldest.id } }, select: { id: true } }) : null,
  ]);

  const blockableKeys = records.filter((record) => record.userId === null && isCommenterKey(record.visitorKey)).map((record) => record.visitorKey!);
  const blocks = blockableKeys.length
    ? await db.commentBlock.findMany({
        where: { visitorKey: { in: [...new Set(blockableKeys)] }, ...activeBlockWhere(now) },
        select: { id: true, visitorKey: true, expiresAt: true },
      })
    : [];
  const blockByKey = new Map(blocks.map((block) => [block.visitorKey, { id: block.id, expiresAt: block.expiresAt }]));

  const rows = records.map((record): ModerationCommentRow => {
    const blockable = record.userId === null && isCommenterKey(record.visitorKey);
    return {
      id: record.id,
      excerpt: commentExcerpt(record.body),
      status: asStatus(record.status),
      author:
        record.userId === null
          ? { kind: "guest", name: record.guestName ?? "손님" }
          : { kind: "member", name: record.user?.displayName ?? "(알 수 없는 회원)", userId: record.userId },
      createdAt: record.createdAt,
      post: { id: record.post.id, title: record.post.title, isPublished: record.post.status === "published" },
      board: record.post.board,
      blockable,
      activeBlock: blockable ? (blockByKey.get(record.visitorKey!) ?? null) : null,
    };
  });
  return {
    ok: true,
    rows,
    newerCursor: newer && newest ? newest.id : null,
    olderCursor: older && oldest ? oldest.id : null,
    boards: listedBoards,
  };
}

export type ModerationResult =
  | { ok: true; commentId: number; postId: number; boardSlug: string; status: CommentStatus; changed: boolean; message: string }
  | Refusal;

/** Which statuses each operation starts from, and where it leaves the comment. */
const TRANSITIONS: Record<ModerationOperation, { from: readonly CommentStatus[]; to: CommentStatus }> = {
  hide: { from: ["visible"], to: "hidden" },
  restore: { from: ["hidden", "deleted"], to: "visible" },
  delete: { from: ["visible", "hidden"], to: "deleted" },
};

const DONE_MESSAGES: Record<ModerationOperation, { changed: string; already: string }> = {
  hide: { changed: "댓글을 숨겼습니다.", already: "이미 숨겨진 댓글입니다." },
  restore: { changed: "댓글을 복원했습니다.", already: "이미 공개된 댓글입니다." },
  delete: { changed: "댓글을 삭제했습니다.", already: "이미 삭제된 댓글입니다." },
};

const COMMENT_NOT_FOUND = "댓글을 찾을 수 없습니다.";

/**
 * 숨기기 (visible → hidden), 복원 (hidden or deleted → visible), 삭제 (visible or hidden →
 * deleted). `changed` is false when the comment was already so, or another editor changed it
 * first. Hidden and deleted comments read the same to readers (a placeholder when replies
 * answer them); hidden says an editor did it and is the one to restore.
 */
export async function moderateComment(
  actor: StaffActor,
  input: { commentId: number; operation: ModerationOperation },
): Promise<ModerationResult> {
  const refused = await refuseUnlessModerator(actor);
  if (refused) return refused;
  const comment = await db.comment.findUnique({
    where: { id: input.commentId },
    select: { id: true, postId: true, body: true, status: true, updatedAt: true, post: { select: { board: { select: { slug: true } } } } },
  });
  if (!comment) return refusal("not-found", COMMENT_NOT_FOUND);

  const transition = TRANSITIONS[input.operation];
  const from = asStatus(comment.status);
  const messages = DONE_MESSAGES[input.operation];
  const done = (status: CommentStatus, changed: boolean) => ({
    ok: true as const,
    commentId: comment.id,
    postId: comment.postId,
    boardSlug: comment.post.board.slug,
    status,
    changed,
    message: changed ? messages.changed : messages.already,
  });
  if (from === transition.to) return done(from, false);
  if (!transition.from.includes(from)) return refusal("conflict", "삭제된 댓글은 숨길 수 없습니다. 복원한 뒤 숨겨 주세요.");

  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: comment.id, status: from },
      data: { status: transition.to, updatedAt: comment.updatedAt },
    });
    if (count !== 1) return false;
    if (from === "visible") {
      await tx.commentSearch.deleteMany({ where: { commentId: comment.id } });
      await tx.post.update({ where: { id: comment.postId }, data: { commentCount: { decrement: 1 } }, select: { id: true } });
    } else if (transition.to === "visible") {
      const document = commentSearchDocument(comment);
      await tx.commentSearch.upsert({
        where: { commentId: comment.id },
        create: { commentId: comment.id, postId: comment.postId, ...document },
        update: document,
        select: { commentId: true },
      });
      await tx.post.update({ where: { id: comment.postId }, data: { commentCount: { increment: 1 } }, select: { id: true } });
    }
    return true;
  }, TRANSACTION_OPTIONS);
  if (changed) {
    forgetBoardLists(comment.post.board.slug);
    return done(transition.to, true);
  }
  // Another editor got there first: say where the comment is now.
  const current = await db.comment.findUnique({ where: { id: comment.id }, select: { status: true } });
  if (!current) return refusal("not-found", COMMENT_NOT_FOUND);
  return { ...done(asStatus(current.status), false), message: "다른 사람이 먼저 이 댓글을 바꾸었습니다. 목록을 확인해 주세요." };
}

export type BlockResult = { ok: true; blockId: number; expiresAt: Date | null; message: string } | Refusal<"commentId">;

/**
 * 작성자 차단: stops the writer of this guest comment from commenting (by its commenter key)
 * until `duration` has passed, or for good. Blocking a commenter already blocked replaces that
 * block (new reason, new end). Members are not blocked by key: an admin disables the account.
 */
export async function blockCommenter(actor: StaffActor, input: BlockCommenterInput, now: Date = new Date()): Promise<BlockResult> {
  const refused = await refuseUnlessModerator(actor);
  if (refused) return refused;
  const comment = await db.comment.findUnique({ where: { id: input.commentId }, select: { userId: true, visitorKey: true } });
  if (!comment) return refusal("not-found", COMMENT_NOT_FOUND);
  if (comment.userId !== null) {
    return refusal("invalid", "회원의 댓글은 작성자 차단 대신 관리자가 계정을 사용 중지해 주세요.");
  }
  if (!isCommenterKey(comment.visitorKey)) {
    return refusal("invalid", "이 댓글에는 작성자를 알아볼 정보가 없어 차단할 수 없습니다.");
  }
  const expiresAt = blockExpiry(input.duration, now);
  const block = {
    reason: input.reason,
    blockedById: actor.id,
    createdAt: now,
    expiresAt,
  };
  const saved = await db.commentBlock.upsert({
    where: { visitorKey: comment.visitorKey },
    create: { visitorKey: comment.visitorKey, ...block },
    update: block,
    select: { id: true },
  });
  return { ok: true, blockId: saved.id, expiresAt, message: "작성자를 차단했습니다." };
}

export type UnblockResult = { ok: true; changed: boolean; message: string } | Refusal;

/** 차단 해제: the commenter may comment again at once. */
export async function unblockCommenter(actor: StaffActor, input: { blockId: number }): Promise<UnblockResult> {
  const refused = await refuseUnlessModerator(actor);
  if (refused) return refused;
  const { count } = await db.commentBlock.deleteMany({ where: { id: input.blockId } });
  return { ok: true, changed: count === 1, message: count === 1 ? "차단을 해제했습니다." : "이미 해제된 차단입니다." };
}

export type ActiveBlock = {
  id: number;
  reason: string;
  blockedBy: string;
  createdAt: Date;
  /** Null: until an editor lifts it. */
  expiresAt: Date | null;
  /**
   * The blocked commenter's newest guest comment, so editors know whom the block is on (members
   * writing from the same address are not blocked, and not counted).
   */
  latestComment: { id: number; guestName: string; excerpt: string; createdAt: Date } | null;
  /** How many guest comments they have written. */
  commentCount: number;
};

/** Blocks that hold now, newest first (at most `limit`). */
export async function listActiveBlocks(actor: StaffActor, now: Date = new Date(), limit = 100): Promise<{ ok: true; blocks: ActiveBlock[] } | Refusal> {
  const refused = await refuseUnlessModerator(actor);
  if (refused) return refused;
  const blocks = await db.commentBlock.findMany({
    where: activeBlockWhere(now),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  const editorIds = [...new Set(blocks.map((block) => block.blockedById))];
  const editors = editorIds.length
    ? await db.user.findMany({ where: { id: { in: editorIds } }, select: { id: true, displayName: true } })
    : [];
  const editorName = new Map(editors.map((editor) => [editor.id, editor.displayName]));
  const details = await Promise.all(
    blocks.map(async (block) => {
      const [latest, commentCount] = await Promise.all([
        db.comment.findFirst({
          where: { visitorKey: block.visitorKey, userId: null },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { id: true, guestName: true, body: true, createdAt: true },
        }),
        db.comment.count({ where: { visitorKey: block.visitorKey, userId: null } }),
      ]);
      return { latest, commentCount };
    }),
  );
  return {
    ok: true,
    blocks: blocks.map((block, index): ActiveBlock => {
      const { latest, commentCount } = details[index];
      return {
        id: block.id,
        reason: block.reason,
        blockedBy: editorName.get(block.blockedById) ?? "(알 수 없음)",
        createdAt: block.createdAt,
        expiresAt: block.expiresAt,
        latestComment: latest
          ? { id: latest.id, guestName: latest.guestName ?? "손님", excerpt: commentExcerpt(latest.body), createdAt: latest.createdAt }
          : null,
        commentCount,
      };
    }),
  };
}
