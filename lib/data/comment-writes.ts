import "server-only";
import { forgetBoardLists } from "@/lib/board/board-memory";
import bcrypt from "bcryptjs";
import { canModerate, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { canReplyAt, replyDepthMessage } from "@/lib/comments/thread-rules";
import { AttemptLimiter } from "@/lib/comments/password-attempts";
import { commentSearchDocument } from "@/lib/search/documents";

/**
 * Writing comments: create, edit, delete. Each function checks everything itself (the article
 * takes comments, the reply depth, flooding, a blocked guest, who may change what) and never throws on a
 * refusal: it returns a failure with a Korean message for the reader.
 *
 * Post.commentCount always equals the post's visible comments:
 *   - create inserts the comment, its search document and `commentCount + 1` in one transaction;
 *   - delete flips status visible → deleted with a conditional update, and only the transaction
 *     whose update changed the row removes the search document and does `commentCount − 1`.
 *     Two deletes of one comment at once: the second update matches nothing (PostgreSQL re-checks
 *     the row after the first commits; SQLite runs one writer at a time), so it decrements nothing.
 *   - an editor's hide, restore and delete (lib/data/moderation.ts) follow the same rule.
 * Counters are only ever incremented or decremented in SQL, never read, changed and written back.
 */

export type CommentActor = {
  /** The signed-in user (from the session, checked by the caller), or null for a guest. */
  user: { id: number; role: Role } | null;
  /**
   * The commenter key of the request (lib/visitors/visitor-key.ts commenterKey), stored in
   * Comment.visitorKey: flood control, password-guess limits and blocks (CommentBlock).
   */
  visitorKey: string;
};

export type CommentWriteCode =
  | "not-found"
  | "closed"
  | "reply-refused"
  | "flood"
  | "blocked"
  | "guest-required"
  | "forbidden"
  | "password-required"
  | "wrong-password"
  | "locked";

export type CommentWriteFailure = {
  ok: false;
  code: CommentWriteCode;
  message: string;
  /** The form field the message belongs to, when there is one. */
  field?: "body" | "guestName" | "password";
  retryAfterSeconds?: number;
};

export type CommentWriteResult =
  | { ok: true; commentId: number; postId: number; boardSlug: string; changed: boolean }
  | CommentWriteFailure;

/** One comment per visitor (and per signed-in user) this often, as WordPress throttles floods. */
export const COMMENT_INTERVAL_MS = 15_000;
/** bcrypt cost for guest comment passwords (the demo seed uses the same). */
const PASSWORD_HASH_COST = 10;
/** Interactive transactions here are a few statements; waiting longer means the database is stuck. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 } as const;

/** Wrong guesses per comment and visitor, and per comment from everyone (visitors can change their key). */
const PASSWORD_WINDOW_MS = 15 * 60_000;
const globalForLimits = globalThis as unknown as {
  commentPasswordLimits?: { perVisitor: AttemptLimiter; perComment: AttemptLimiter };
};
const passwordLimits = (globalForLimits.commentPasswordLimits ??= {
  perVisitor: new AttemptLimiter({ limit: 5, windowMs: PASSWORD_WINDOW_MS }),
  perComment: new AttemptLimiter({ limit: 20, windowMs: PASSWORD_WINDOW_MS }),
});

const fail = (code: CommentWriteCode, message: string, extra: Partial<CommentWriteFailure> = {}): CommentWriteFailure => ({
  ok: false,
  code,
  message,
  ...extra,
});

const isModerator = (user: CommentActor["user"]) => user !== null && canModerate(user.role);

const BLOCKED = () => fail("blocked", COMMENTER_BLOCKED_MESSAGE);
const NOT_FOUND = () => fail("not-found", "댓글을 찾을 수 없습니다. 이미 삭제되었을 수 있습니다.");
const CLOSED = () => fail("closed", "댓글을 달 수 없는 글입니다.");

export type NewComment = {
  postId: number;
  /** The comment this answers, or null for a top-level comment. */
  parentId: number | null;
  /** Normalized and validated (lib/validations/comment.ts). */
  body: string;
  /** Name and password of a guest; ignored when the actor is signed in. */
  guest: { name: string; password: string } | null;
};

function floodFailure(newest: Date | null, now: Date): CommentWriteFailure | null {
  if (!newest) return null;
  const waitMs = newest.getTime() + COMMENT_INTERVAL_MS - now.getTime();
  if (waitMs <= 0) return null;
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return fail("flood", `댓글은 15초에 한 번 쓸 수 있습니다. ${seconds}초 후에 다시 시도해 주세요.`, { retryAfterSeconds: seconds });
}

/** What a blocked commenter is told; it does not say for how long or why. */
export const COMMENTER_BLOCKED_MESSAGE = "댓글 작성이 제한되었습니다.";

/** Whether an editor's block on this commenter key (lib/data/moderation.ts) holds at `now`. */
async function isCommenterBlocked(commenterKey: string, now: Date): Promise<boolean> {
  const block = await db.commentBlock.findUnique({ where: { visitorKey: commenterKey }, select: { expiresAt: true } });
  return block !== null && (block.expiresAt === null || block.expiresAt > now);
}

type Reader = Pick<typeof db, "comment">;

/** The newest comment time of this visitor or user within the interval (indexes: visitorKey+createdAt, createdAt). */
async function newestRecentComment(reader: Reader, actor: CommentActor, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - COMMENT_INTERVAL_MS);
  // One after the other: inside a transaction both run on its one connection anyway.
  const byVisitor = await reader.comment.findFirst({
    where: { visitorKey: actor.visitorKey, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const byUser = actor.user
    ? await reader.comment.findFirst({
        where: { userId: actor.user.id, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
    : null;
  const times = [byVisitor?.createdAt, byUser?.createdAt].filter((time): time is Date => time instanceof Date);
  return times.length ? new Date(Math.max(...times.map((time) => time.getTime()))) : null;
}

export async function createComment(input: NewComment, actor: CommentActor, now: Date = new Date()): Promise<CommentWriteResult> {
  const post = await db.post.findUnique({
    where: { id: input.postId },
    select: { id: true, status: true, board: { select: { slug: true, maxCommentDepth: true } } },
  });
  if (!post || post.status !== "published") return CLOSED();

  let depth = 0;
  if (input.parentId !== null) {
    const parent = await db.comment.findUnique({
      where: { id: input.parentId },
      select: { postId: true, depth: true, status: true },
    });
    if (!parent || parent.postId !== post.id) return fail("reply-refused", "답글을 달 댓글을 찾을 수 없습니다.");
    if (parent.status !== "visible") return fail("reply-refused", "삭제되었거나 숨겨진 댓글에는 답글을 달 수 없습니다.");
    if (!canReplyAt(parent.depth, post.board.maxCommentDepth)) {
      return fail("reply-refused", replyDepthMessage(post.board.maxCommentDepth));
    }
    depth = parent.depth + 1;
  }

  if (!actor.user && !input.guest) return fail("guest-required", "이름과 비밀번호를 입력해 주세요.", { field: "guestName" });
  // Guests only: a signed-in user is answerable by their account (an admin disables it instead).
  if (!actor.user && (await isCommenterBlocked(actor.visitorKey, now))) return BLOCKED();

  // A cheap look before hashing the password; the transaction below looks again, atomically.
  const early = floodFailure(await newestRecentComment(db, actor, now), now);
  if (early) return early;

  const author = actor.user
    ? { userId: actor.user.id, guestName: null, passwordHash: null }
    : { userId: null, guestName: input.guest!.name, passwordHash: await bcrypt.hash(input.guest!.password, PASSWORD_HASH_COST) };

  const outcome = await db.$transaction(async (tx) => {
    // One comment at a time per author. SQLite: the driver runs one transaction at a time.
    // PostgreSQL: a transaction-scoped advisory lock on the author, so two posts sent at once
    // cannot both pass the interval check.
    if (db.engine === "postgresql") {
      const lockKey = actor.user ? `comment-author:user:${actor.user.id}` : `comment-author:visitor:${actor.visitorKey}`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
    }
    const flood = floodFailure(await newestRecentComment(tx, actor, now), now);
    if (flood) return flood;
    const comment = await tx.comment.create({
      data: {
        postId: post.id,
        parentId: input.parentId,
        depth,
        ...author,
        body: input.body,
        status: "visible",
        visitorKey: actor.visitorKey,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await tx.commentSearch.create({ data: { commentId: comment.id, postId: post.id, ...commentSearchDocument(input) } });
    await tx.post.update({ where: { id: post.id }, data: { commentCount: { increment: 1 } }, select: { id: true } });
    return comment.id;
  }, TRANSACTION_OPTIONS);

  if (typeof outcome !== "number") return outcome;
  forgetBoardLists(post.board.slug);
  return { ok: true, commentId: outcome, postId: post.id, boardSlug: post.board.slug, changed: true };
}

type ExistingComment = {
  id: number;
  postId: number;
  userId: number | null;
  passwordHash: string | null;
  body: string;
  status: string;
  post: { status: string; board: { slug: string } };
};

async function findComment(commentId: number): Promise<ExistingComment | null> {
  return db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      postId: true,
      userId: true,
      passwordHash: true,
      body: true,
      status: true,
      post: { select: { status: true, board: { select: { slug: true } } } },
    },
  });
}

/**
 * Whether the actor may change the comment: its author by session, a guest comment by its
 * password, and (for deleting only) an editor or admin any comment. Wrong guesses are counted.
 */
async function authorize(
  comment: ExistingComment,
  actor: CommentActor,
  password: string,
  { moderatorMay }: { moderatorMay: boolean },
  now: Date,
): Promise<CommentWriteFailure | null> {
  if (moderatorMay && isModerator(actor.user)) return null;
  if (comment.userId !== null) {
    if (actor.user?.id === comment.userId) return null;
    return fail(
      "forbidden",
      actor.user ? "다른 사람의 댓글은 수정하거나 삭제할 수 없습니다." : "회원이 쓴 댓글은 그 회원이 로그인해서 고칠 수 있습니다.",
    );
  }
  if (!comment.passwordHash) return fail("forbidden", "이 댓글은 관리자만 삭제할 수 있습니다.");
  if (!password) return fail("password-required", "비밀번호를 입력해 주세요.", { field: "password" });

  const visitorKey = `${comment.id}:${actor.visitorKey}`;
  const commentKey = String(comment.id);
  const at = now.getTime();
  const waitMs = Math.max(passwordLimits.perVisitor.retryAfterMs(visitorKey, at), passwordLimits.perComment.retryAfterMs(commentKey, at));
  if (waitMs > 0) {
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    return fail("locked", `비밀번호를 여러 번 틀렸습니다. ${minutes}분 후에 다시 시도해 주세요.`, {
      field: "password",
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
  // bcrypt.compare hashes the guess and compares the hashes in constant time.
  if (await bcrypt.compare(password, comment.passwordHash)) {
    passwordLimits.perVisitor.clear(visitorKey);
    return null;
  }
  passwordLimits.perVisitor.recordFailure(visitorKey, at);
  passwordLimits.perComment.recordFailure(commentKey, at);
  return fail("wrong-password", "비밀번호가 맞지 않습니다.", { field: "password" });
}

export type CommentEdit = { commentId: number; body: string; password: string };

/** Changes a visible comment's text (and its search document). Editors delete; only authors edit. */
export async function editComment(input: CommentEdit, actor: CommentActor, now: Date = new Date()): Promise<CommentWriteResult> {
  const comment = await findComment(input.commentId);
  if (!comment || comment.status !== "visible") return NOT_FOUND();
  if (comment.post.status !== "published") return CLOSED();
  const refused = await authorize(comment, actor, input.password, { moderatorMay: false }, now);
  if (refused) return refused;
  const done = { ok: true as const, commentId: comment.id, postId: comment.postId, boardSlug: comment.post.board.slug };
  if (input.body === comment.body) return { ...done, changed: false };

  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: comment.id, status: "visible" },
      data: { body: input.body, updatedAt: now },
    });
    if (count !== 1) return false;
    const document = commentSearchDocument(input);
    await tx.commentSearch.upsert({
      where: { commentId: comment.id },
      create: { commentId: comment.id, postId: comment.postId, ...document },
      update: document,
      select: { commentId: true },
    });
    return true;
  }, TRANSACTION_OPTIONS);
  if (!changed) return NOT_FOUND();
  forgetBoardLists(done.boardSlug);
  return { ...done, changed };
}

export type CommentDeletion = { commentId: number; password: string };

/**
 * Deletes a visible comment: its status becomes "deleted" (it stays as "삭제된 댓글입니다." while
 * replies answer it), its search document goes, and the article counts one comment fewer.
 * `changed` is false when another request deleted it first.
 */
export async function deleteComment(input: CommentDeletion, actor: CommentActor, now: Date = new Date()): Promise<CommentWriteResult> {
  const comment = await findComment(input.commentId);
  if (!comment || comment.status !== "visible") return NOT_FOUND();
  if (comment.post.status !== "published" && !isModerator(actor.user)) return CLOSED();
  const refused = await authorize(comment, actor, input.password, { moderatorMay: true }, now);
  if (refused) return refused;

  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: comment.id, status: "visible" },
      data: { status: "deleted", updatedAt: now },
    });
    if (count !== 1) return false;
    await tx.commentSearch.deleteMany({ where: { commentId: comment.id } });
    await tx.post.update({ where: { id: comment.postId }, data: { commentCount: { decrement: 1 } }, select: { id: true } });
    return true;
  }, TRANSACTION_OPTIONS);
  if (changed) forgetBoardLists(comment.post.board.slug);
  return { ok: true, commentId: comment.id, postId: comment.postId, boardSlug: comment.post.board.slug, changed };
}
