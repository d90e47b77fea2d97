/**
 * Comment moderation through the data layer (lib/data/moderation.ts) on a real database of each
 * engine, on a throwaway database of its own (it changes comment counts, which the board-list
 * tests beside it assert on): hide, restore and delete keep Post.commentCount and the search
 * documents exact, also when editors act at once; blocks stop a guest commenter and lapse;
 * every function refuses a reporter and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommentActor, CommentWriteResult } from "@/lib/data/comment-writes";
import type { StaffActor } from "@/lib/data/staff-access";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { MODERATION_PAGE_SIZE, parseModerationQuery, type ModerationQuery } from "@/lib/validations/moderation";
import { commenterKey } from "@/lib/visitors/visitor-key";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let writes: typeof import("@/lib/data/comment-writes");
let moderation: typeof import("@/lib/data/moderation");

let authorId = 0;
let boardId = 0;
let otherBoardId = 0;
let editor: StaffActor;
let admin: StaffActor;
let reporter: StaffActor;

let addressCounter = 0;
/** A guest at an address of their own (a commenter key, as the comment action makes it). */
const guestAt = (address = `198.51.100.${++addressCounter % 250}:${addressCounter}`): CommentActor => ({
  user: null,
  visitorKey: commenterKey("moderation-test-secret", address),
});

let userCounter = 0;
async function newUser(role: StaffActor["role"], displayName = `${role} ${userCounter + 1}`): Promise<StaffActor> {
  const user = await db.user.create({
    data: { loginId: `mod_${role}_${++userCounter}`, displayName, role, passwordHash: "!" },
    select: { id: true, role: true },
  });
  return { id: user.id, role };
}

async function newPost(onBoard = boardId, status = "published"): Promise<number> {
  const post = await db.post.create({
    data: { boardId: onBoard, authorId, title: "관리 시험 기사", bodyHtml: "<p>본문</p>", status, publishedAt: new Date() },
    select: { id: true },
  });
  return post.id;
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** A comment (at `at`: one commenter writing again waits out the 15-second rule). */
async function comment(postId: number, actor: CommentActor = guestAt(), body = "관리할 댓글입니다", at = new Date()): Promise<number> {
  const result: CommentWriteResult = await writes.createComment(
    { postId, parentId: null, body, guest: actor.user ? null : { name: "독자", password: "1234" } },
    actor,
    at,
  );
  return ok(result).commentId;
}

const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** The invariant: the counter equals the visible comments, and only visible comments are searchable. */
async function expectExactCounts(postId: number) {
  const [post, visible, documents, visibleWithDocument] = await Promise.all([
    db.post.findUniqueOrThrow({ where: { id: postId }, select: { commentCount: true } }),
    db.comment.count({ where: { postId, status: "visible" } }),
    db.commentSearch.count({ where: { postId } }),
    db.commentSearch.count({ where: { postId, comment: { status: "visible" } } }),
  ]);
  expect(post.commentCount).toBe(visible);
  expect(documents).toBe(visible);
  expect(visibleWithDocument).toBe(visible);
  return visible;
}

const statusOf = async (commentId: number) => (await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true } })).status;
const query = (overrides: Partial<ModerationQuery> = {}): ModerationQuery => ({ ...parseModerationQuery({}), ...overrides });

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "moderation" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  if ((await db.board.count()) !== 0) throw new Error("the moderation test must run on its own empty database");
  writes = await import("@/lib/data/comment-writes");
  moderation = await import("@/lib/data/moderation");

  authorId = (await newUser("reporter", "기사 쓴 기자")).id;
  boardId = (await db.board.create({ data: { slug: "local", title: "지역", position: 0 }, select: { id: true } })).id;
  otherBoardId = (await db.board.create({ data: { slug: "opinion", title: "오피니언", position: 1 }, select: { id: true } })).id;
  editor = await newUser("editor", "편집자");
  admin = await newUser("admin", "관리자");
  reporter = await newUser("reporter", "기자");
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

describe("hiding, restoring and deleting", () => {
  it("keep the article's count and search documents exact at every step", async () => {
    const postId = await newPost();
    const [first, second, third] = [await comment(postId), await comment(postId), await comment(postId)];
    expect(await expectExactCounts(postId)).toBe(3);

    const hidden = ok(await moderation.moderateComment(editor, { commentId: first, operation: "hide" }));
    expect(hidden).toMatchObject({ changed: true, status: "hidden", postId, boardSlug: "local", message: "댓글을 숨겼습니다." });
    expect(await expectExactCounts(postId)).toBe(2);

    // Again: already hidden, nothing moves.
    expect(ok(await moderation.moderateComment(editor, { commentId: first, operation: "hide" }))).toMatchObject({
      changed: false,
      message: "이미 숨겨진 댓글입니다.",
    });
    expect(await expectExactCounts(postId)).toBe(2);

    expect(ok(await moderation.moderateComment(admin, { commentId: first, operation: "restore" }))).toMatchObject({ changed: true, status: "visible" });
    expect(await expectExactCounts(postId)).toBe(3);
    expect(await db.commentSearch.findUnique({ where: { commentId: first } })).not.toBeNull();

    expect(ok(await moderation.moderateComment(editor, { commentId: second, operation: "delete" }))).toMatchObject({ changed: true, status: "deleted" });
    expect(await expectExactCounts(postId)).toBe(2);
    expect(ok(await moderation.moderateComment(editor, { commentId: second, operation: "restore" }))).toMatchObject({ changed: true, status: "visible" });
    expect(await expectExactCounts(postId)).toBe(3);

    // Hidden, then deleted: counted out once, not twice.
    ok(await moderation.moderateComment(editor, { commentId: third, operation: "hide" }));
    expect(ok(await moderation.moderateComment(editor, { commentId: third, operation: "delete" }))).toMatchObject({ changed: true, status: "deleted" });
    expect(await expectExactCounts(postId)).toBe(2);
    // A deleted comment is not hidden (restore it first); nothing changes.
    expect(await moderation.moderateComment(editor, { commentId: third, operation: "hide" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await statusOf(third)).toBe("deleted");
    expect(await expectExactCounts(postId)).toBe(2);
  });

  it("keep when the writer last edited it, so a restored comment is not marked (수정됨)", async () => {
    const postId = await newPost();
    const commentId = await comment(postId);
    const before = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { updatedAt: true } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    ok(await moderation.moderateComment(editor, { commentId, operation: "hide" }));
    ok(await moderation.moderateComment(editor, { commentId, operation: "restore" }));
    const after = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { updatedAt: true } });
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });

  it("report an unknown comment", async () => {
    expect(await moderation.moderateComment(editor, { commentId: 99_999_999, operation: "hide" })).toMatchObject({
      ok: false,
      code: "not-found",
      message: "댓글을 찾을 수 없습니다.",
    });
  });

  it("two editors hiding one comment at once count it out once", async () => {
    const postId = await newPost();
    const commentId = await comment(postId);
    await comment(postId);
    const results = await Promise.all([
      moderation.moderateComment(editor, { commentId, operation: "hide" }),
      moderation.moderateComment(admin, { commentId, operation: "hide" }),
    ]);
    expect(results.map((result) => ok(result).changed).filter(Boolean)).toHaveLength(1);
    expect(await statusOf(commentId)).toBe("hidden");
    expect(await expectExactCounts(postId)).toBe(1);
  });

  it("many hides, restores and deletes at once leave the counts exact", async () => {
    const postId = await newPost();
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await comment(postId, guestAt(), `동시 관리 ${i}`));
    const operations = ["hide", "hide", "restore", "delete", "restore", "hide"] as const;
    const results = await Promise.all(
      ids.flatMap((commentId, index) =>
        operations.map((_, step) =>
          moderation.moderateComment(step % 2 ? editor : admin, { commentId, operation: operations[(index + step) % operations.length] }),
        ),
      ),
    );
    expect(results.every((result) => result.ok || result.code === "conflict")).toBe(true);
    await expectExactCounts(postId);
    // And once more, everything restored: all twelve count again.
    await Promise.all(ids.map((commentId) => moderation.moderateComment(editor, { commentId, operation: "restore" })));
    expect(await expectExactCounts(postId)).toBe(12);
  });
});

describe("the moderation list", () => {
  it("shows the newest comments first, with article, board, author and status, and filters by status and board", async () => {
    const postId = await newPost(otherBoardId);
    const member = await newUser("reporter", "댓글 쓴 회원");
    const guestComment = await comment(postId, guestAt(), "첫 줄\n\n둘째 줄");
    const memberComment = await comment(postId, { user: member, visitorKey: commenterKey("s", "192.0.2.1") }, "회원 댓글");
    ok(await moderation.moderateComment(editor, { commentId: guestComment, operation: "hide" }));

    const page = ok(await moderation.listModerationComments(editor, query({ board: "opinion" })));
    expect(page.rows.map((row) => row.id)).toEqual([memberComment, guestComment]);
    expect(page.rows[0]).toMatchObject({
      author: { kind: "member", name: "댓글 쓴 회원", userId: member.id },
      status: "visible",
      post: { id: postId, title: "관리 시험 기사", isPublished: true },
      board: { slug: "opinion", title: "오피니언" },
      blockable: false,
    });
    expect(page.rows[1]).toMatchObject({ author: { kind: "guest", name: "독자" }, status: "hidden", excerpt: "첫 줄 둘째 줄", blockable: true, activeBlock: null });
    expect(page.boards.map((board) => board.slug)).toEqual(["local", "opinion"]);

    const hiddenOnly = ok(await moderation.listModerationComments(editor, query({ board: "opinion", status: "hidden" })));
    expect(hiddenOnly.rows.map((row) => row.id)).toEqual([guestComment]);
    const everywhere = ok(await moderation.listModerationComments(editor, query({ status: "hidden" })));
    expect(everywhere.rows.every((row) => row.status === "hidden")).toBe(true);
    expect(everywhere.rows.some((row) => row.board.slug === "local")).toBe(true);
    expect(ok(await moderation.listModerationComments(editor, query({ board: "no-such-board" }))).rows).toEqual([]);
  });

  it("pages by keyset, 30 at a time, forwards and back, without gaps or repeats", async () => {
    const boardIdForPaging = (await db.board.create({ data: { slug: "paging", title: "쪽 넘김", position: 9 }, select: { id: true } })).id;
    const postId = await newPost(boardIdForPaging);
    // A member's comments (no password to hash), 16 seconds apart for the 15-second rule.
    const member = await newUser("reporter");
    const ids: number[] = [];
    for (let i = 0; i < MODERATION_PAGE_SIZE * 2 + 5; i++) {
      ids.push(await comment(postId, { user: member, visitorKey: commenterKey("s", "192.0.2.77") }, `쪽 ${i}`, secondsFromNow(i * 16)));
    }
    const newestFirst = [...ids].reverse();

    const first = ok(await moderation.listModerationComments(editor, query({ board: "paging" })));
    expect(first.rows.map((row) => row.id)).toEqual(newestFirst.slice(0, 30));
    expect(first.newerCursor).toBeNull();
    const second = ok(await moderation.listModerationComments(editor, query({ board: "paging", before: first.olderCursor })));
    expect(second.rows.map((row) => row.id)).toEqual(newestFirst.slice(30, 60));
    const third = ok(await moderation.listModerationComments(editor, query({ board: "paging", before: second.olderCursor })));
    expect(third.rows.map((row) => row.id)).toEqual(newestFirst.slice(60));
    expect(third.olderCursor).toBeNull();
    // Back up from the last page.
    const back = ok(await moderation.listModerationComments(editor, query({ board: "paging", after: third.newerCursor })));
    expect(back.rows.map((row) => row.id)).toEqual(newestFirst.slice(30, 60));
    expect(back.newerCursor).toBe(newestFirst[30]);
  });
});

describe("blocking a commenter", () => {
  it("stops their next comment with a Korean message, changing nothing; others and members still comment", async () => {
    const postId = await newPost();
    const blocked = guestAt("203.0.113.50");
    const commentId = await comment(postId, blocked);
    const result = ok(await moderation.blockCommenter(editor, { commentId, reason: "욕설 반복", duration: "7d" }));
    expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);

    const before = await db.comment.count();
    const refused = await writes.createComment({ postId, parentId: null, body: "또 씁니다", guest: { name: "독자", password: "1234" } }, blocked, new Date(Date.now() + 60_000));
    expect(refused).toMatchObject({ ok: false, code: "blocked", message: "댓글 작성이 제한되었습니다." });
    expect(await db.comment.count()).toBe(before);
    expect(await expectExactCounts(postId)).toBe(1);

    // Another address comments as before; a signed-in member at the blocked address too.
    await comment(postId, guestAt("203.0.113.51"));
    const member = await newUser("reporter");
    await comment(postId, { user: member, visitorKey: blocked.visitorKey }, "회원은 계정으로 책임집니다", secondsFromNow(30));
    expect(await expectExactCounts(postId)).toBe(3);

    // The list marks the commenter blocked, and the block list names them.
    const page = ok(await moderation.listModerationComments(editor, query({ board: "local" })));
    expect(page.rows.find((row) => row.id === commentId)?.activeBlock).toMatchObject({ id: result.blockId });
    const blocks = ok(await moderation.listActiveBlocks(editor));
    expect(blocks.blocks.find((block) => block.id === result.blockId)).toMatchObject({
      reason: "욕설 반복",
      blockedBy: "편집자",
      latestComment: { guestName: "독자", id: commentId },
      // Their guest comment; the member at the same address is neither blocked nor counted.
      commentCount: 1,
    });

    // Lifted: they comment again.
    expect(ok(await moderation.unblockCommenter(admin, { blockId: result.blockId }))).toMatchObject({ changed: true });
    expect(ok(await moderation.unblockCommenter(admin, { blockId: result.blockId }))).toMatchObject({ changed: false });
    await comment(postId, blocked, "다시 씁니다", secondsFromNow(60));
  });

  it("lapses when its time is up; blocking again replaces the block", async () => {
    const postId = await newPost();
    const commenter = guestAt("203.0.113.60");
    const commentId = await comment(postId, commenter);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const expired = ok(await moderation.blockCommenter(editor, { commentId, reason: "", duration: "1d" }, twoDaysAgo));
    expect(ok(await moderation.listActiveBlocks(editor)).blocks.some((block) => block.id === expired.blockId)).toBe(false);
    await comment(postId, commenter, "기간이 끝났습니다", secondsFromNow(30));

    const forever = ok(await moderation.blockCommenter(admin, { commentId, reason: "광고", duration: "forever" }));
    expect(forever).toMatchObject({ blockId: expired.blockId, expiresAt: null });
    expect(await db.commentBlock.count({ where: { id: expired.blockId } })).toBe(1);
    const refused = await writes.createComment(
      { postId, parentId: null, body: "영구 차단", guest: { name: "독자", password: "1234" } },
      commenter,
      new Date(Date.now() + 400 * 86_400_000),
    );
    expect(refused).toMatchObject({ ok: false, code: "blocked" });
  });

  it("is refused for a member's comment and for a comment with no commenter key", async () => {
    const postId = await newPost();
    const member = await newUser("reporter");
    const memberComment = await comment(postId, { user: member, visitorKey: commenterKey("s", "192.0.2.9") });
    expect(await moderation.blockCommenter(editor, { commentId: memberComment, reason: "", duration: "1d" })).toMatchObject({ ok: false, code: "invalid" });
    // A comment from before commenter keys (a daily visitor key) or migrated without one.
    const blocksBefore = await db.commentBlock.count();
    const legacy = await db.comment.create({
      data: { postId, body: "옛 댓글", guestName: "옛 독자", visitorKey: "AbCdEfGhIjKlMnOpQrStUvWxYz012345" },
      select: { id: true },
    });
    const migrated = await db.comment.create({ data: { postId, body: "옮겨 온 댓글", guestName: "옛 독자" }, select: { id: true } });
    for (const commentId of [legacy.id, migrated.id]) {
      expect(await moderation.blockCommenter(editor, { commentId, reason: "", duration: "1d" })).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await db.commentBlock.count()).toBe(blocksBefore);
  });
});

describe("who may moderate", () => {
  it("a reporter is refused by every function and changes nothing", async () => {
    const postId = await newPost();
    const commentId = await comment(postId);
    const block = ok(await moderation.blockCommenter(editor, { commentId, reason: "", duration: "30d" }));
    const refusedMessage = "댓글 관리는 편집자와 관리자만 할 수 있습니다.";

    for (const operation of ["hide", "delete", "restore"] as const) {
      expect(await moderation.moderateComment(reporter, { commentId, operation })).toEqual({ ok: false, code: "forbidden", message: refusedMessage });
    }
    expect(await moderation.blockCommenter(reporter, { commentId, reason: "", duration: "1d" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await moderation.unblockCommenter(reporter, { blockId: block.blockId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await moderation.listModerationComments(reporter, query())).toMatchObject({ ok: false, code: "forbidden" });
    expect(await moderation.listActiveBlocks(reporter)).toMatchObject({ ok: false, code: "forbidden" });

    expect(await statusOf(commentId)).toBe("visible");
    expect(await expectExactCounts(postId)).toBe(1);
    expect(await db.commentBlock.findUniqueOrThrow({ where: { id: block.blockId } })).toMatchObject({ expiresAt: block.expiresAt });
  });

  it("the database's role counts, not the session's: a demoted or disabled editor is refused at once", async () => {
    const postId = await newPost();
    const commentId = await comment(postId);
    const demoted = await newUser("editor");
    await db.user.update({ where: { id: demoted.id }, data: { role: "reporter" } });
    expect(await moderation.moderateComment(demoted, { commentId, operation: "hide" })).toMatchObject({ ok: false, code: "forbidden" });
    const disabled = await newUser("editor");
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await moderation.moderateComment(disabled, { commentId, operation: "hide" })).toMatchObject({ ok: false, code: "forbidden" });
    // A session claiming more than the account has is refused too.
    expect(await moderation.moderateComment({ id: reporter.id, role: "admin" }, { commentId, operation: "hide" })).toMatchObject({ ok: false });
    expect(await statusOf(commentId)).toBe("visible");
    expect(await expectExactCounts(postId)).toBe(1);
  });
});
