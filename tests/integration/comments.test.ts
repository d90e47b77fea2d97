/**
 * Writing comments through the data layer, on a real database of each engine. This file makes
 * its own throwaway database (migrated, with a few boards and posts of its own) instead of
 * writing to the shared seeded one: it needs boards with other reply depths and changes comment
 * counts, which the board-list tests running beside it assert on.
 */
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommentActor, CommentWriteResult } from "@/lib/data/comment-writes";
import type { CommentNode } from "@/lib/data/comments";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let writes: typeof import("@/lib/data/comment-writes");
let getCommentThread: (postId: number) => Promise<CommentNode[]>;

let authorId = 0;
const boards = { five: 0, one: 0, two: 0, unlimited: 0 };
let draftPostId = 0;

let visitorCounter = 0;
/** A guest with a visitor key of their own, so the 15-second rule never gets in the way. */
const guest = (): CommentActor => ({ user: null, visitorKey: `visitor-${++visitorCounter}` });
const member = (id: number, role: "reporter" | "editor" | "admin" = "reporter"): CommentActor => ({
  user: { id, role },
  visitorKey: `visitor-${++visitorCounter}`,
});

let userCounter = 0;
/** A user of their own for each test, so one test's comments never hold up another's (15 s rule). */
async function newUser(displayName: string, role: "reporter" | "editor" | "admin" = "reporter"): Promise<number> {
  const loginId = `user-${++userCounter}`;
  return (await db.user.create({ data: { loginId, displayName, role, passwordHash: "!" }, select: { id: true } })).id;
}

async function newPost(boardId: number, status = "published"): Promise<number> {
  const post = await db.post.create({
    data: { boardId, authorId, title: "댓글 시험 기사", bodyHtml: "<p>본문</p>", status, publishedAt: new Date() },
    select: { id: true },
  });
  return post.id;
}

function ok(result: CommentWriteResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result;
}

async function guestComment(postId: number, options: { parentId?: number | null; body?: string; password?: string; actor?: CommentActor } = {}) {
  return writes.createComment(
    { postId, parentId: options.parentId ?? null, body: options.body ?? "좋은 기사 잘 읽었습니다.", guest: { name: "독자", password: options.password ?? "1234" } },
    options.actor ?? guest(),
  );
}

/** The invariant: the counter equals the visible comments, and only visible comments are searchable. */
async function expectExactCounts(postId: number) {
  const [post, visible, documents] = await Promise.all([
    db.post.findUniqueOrThrow({ where: { id: postId }, select: { commentCount: true } }),
    db.comment.count({ where: { postId, status: "visible" } }),
    db.commentSearch.count({ where: { postId } }),
  ]);
  expect(post.commentCount).toBe(visible);
  expect(documents).toBe(visible);
  return visible;
}

const flatten = (nodes: CommentNode[]): CommentNode[] => nodes.flatMap((node) => [node, ...flatten(node.replies)]);

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "comments" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  if ((await db.board.count()) !== 0) throw new Error("the comments test must run on its own empty database");
  writes = await import("@/lib/data/comment-writes");
  ({ getCommentThread } = await import("@/lib/data/comments"));

  authorId = await newUser("기사 쓴 기자");
  const makeBoard = async (slug: string, maxCommentDepth: number, position: number) =>
    (await db.board.create({ data: { slug, title: slug, maxCommentDepth, position }, select: { id: true } })).id;
  boards.five = await makeBoard("five", 5, 0);
  boards.one = await makeBoard("one", 1, 1);
  boards.two = await makeBoard("two", 2, 2);
  boards.unlimited = await makeBoard("unlimited", 0, 3);
  draftPostId = await newPost(boards.five, "draft");
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

describe("writing a comment", () => {
  it("a guest comments: the comment, its search document and the count are written together", async () => {
    const postId = await newPost(boards.five);
    const actor = guest();
    const result = ok(await guestComment(postId, { body: "인천 뿌리산업 소식 반갑습니다", password: "s3cret", actor }));
    expect(result).toMatchObject({ postId, boardSlug: "five", changed: true });

    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.commentId } });
    expect(stored).toMatchObject({ postId, parentId: null, depth: 0, userId: null, guestName: "독자", status: "visible", visitorKey: actor.visitorKey });
    expect(stored.passwordHash).not.toContain("s3cret");
    expect(await bcrypt.compare("s3cret", stored.passwordHash!)).toBe(true);
    const document = await db.commentSearch.findUniqueOrThrow({ where: { commentId: result.commentId } });
    expect(document.postId).toBe(postId);
    expect(document.bodyTokens).toContain("뿌리");

    expect(await expectExactCounts(postId)).toBe(1);
    const [node] = await getCommentThread(postId);
    expect(node).toMatchObject({ id: result.commentId, authorName: "독자", isGuest: true, userId: null, isEdited: false, isDeleted: false });
  });

  it("a signed-in user comments as themselves, without a name or password", async () => {
    const postId = await newPost(boards.five);
    const reporter = await newUser("김기자");
    const result = ok(await writes.createComment({ postId, parentId: null, body: "기자 댓글", guest: { name: "가짜", password: "1234" } }, member(reporter)));
    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.commentId } });
    expect(stored).toMatchObject({ userId: reporter, guestName: null, passwordHash: null });
    const [node] = await getCommentThread(postId);
    expect(node).toMatchObject({ authorName: "김기자", isGuest: false, userId: reporter });
  });

  it("refuses a guest without a name and password", async () => {
    const postId = await newPost(boards.five);
    const result = await writes.createComment({ postId, parentId: null, body: "이름 없음", guest: null }, guest());
    expect(result).toMatchObject({ ok: false, code: "guest-required" });
  });

  it("only published articles take comments", async () => {
    expect(await guestComment(draftPostId)).toMatchObject({ ok: false, code: "closed", message: "댓글을 달 수 없는 글입니다." });
    expect(await guestComment(99_999_999)).toMatchObject({ ok: false, code: "closed" });
    expect(await db.comment.count({ where: { postId: draftPostId } })).toBe(0);
  });
});

describe("replies", () => {
  it("nest under what they answer, one level deeper each", async () => {
    const postId = await newPost(boards.five);
    const top = ok(await guestComment(postId));
    const reply = ok(await guestComment(postId, { parentId: top.commentId, body: "동의합니다" }));
    const replyToReply = ok(await guestComment(postId, { parentId: reply.commentId, body: "저도요" }));
    const depths = await db.comment.findMany({ where: { postId }, orderBy: { id: "asc" }, select: { depth: true, parentId: true } });
    expect(depths).toEqual([
      { depth: 0, parentId: null },
      { depth: 1, parentId: top.commentId },
      { depth: 2, parentId: reply.commentId },
    ]);
    const thread = await getCommentThread(postId);
    expect(thread).toHaveLength(1);
    expect(thread[0].replies[0].id).toBe(reply.commentId);
    expect(thread[0].replies[0].replies[0].id).toBe(replyToReply.commentId);
    expect(await expectExactCounts(postId)).toBe(3);
  });

  it("stop at the board's depth: 5 levels by default", async () => {
    const postId = await newPost(boards.five);
    let parentId: number | null = null;
    for (let depth = 0; depth < 5; depth += 1) parentId = ok(await guestComment(postId, { parentId })).commentId;
    const refused = await guestComment(postId, { parentId });
    expect(refused).toMatchObject({ ok: false, code: "reply-refused", message: "이 게시판에서는 답글을 5단계까지만 이어 달 수 있습니다." });
    expect(await expectExactCounts(postId)).toBe(5);
  });

  it("are refused on a board that takes none (1) and past the second level on a board of 2", async () => {
    const noReplies = await newPost(boards.one);
    const top = ok(await guestComment(noReplies));
    expect(await guestComment(noReplies, { parentId: top.commentId })).toMatchObject({
      ok: false,
      code: "reply-refused",
      message: "이 게시판에서는 댓글에 답글을 달 수 없습니다.",
    });

    const twoLevels = await newPost(boards.two);
    const first = ok(await guestComment(twoLevels));
    const second = ok(await guestComment(twoLevels, { parentId: first.commentId }));
    expect(await guestComment(twoLevels, { parentId: second.commentId })).toMatchObject({ ok: false, code: "reply-refused" });
  });

  it("nest without limit on a board of 0", async () => {
    const postId = await newPost(boards.unlimited);
    let parentId: number | null = null;
    for (let depth = 0; depth < 9; depth += 1) parentId = ok(await guestComment(postId, { parentId })).commentId;
    expect((await db.comment.findUniqueOrThrow({ where: { id: parentId! } })).depth).toBe(8);
  });

  it("answer only a visible comment of the same article", async () => {
    const postId = await newPost(boards.five);
    const otherPostId = await newPost(boards.five);
    const elsewhere = ok(await guestComment(otherPostId));
    expect(await guestComment(postId, { parentId: elsewhere.commentId })).toMatchObject({ ok: false, code: "reply-refused" });
    expect(await guestComment(postId, { parentId: 99_999_999 })).toMatchObject({ ok: false, code: "reply-refused" });
    const deleted = ok(await guestComment(postId));
    ok(await writes.deleteComment({ commentId: deleted.commentId, password: "1234" }, guest()));
    expect(await guestComment(postId, { parentId: deleted.commentId })).toMatchObject({
      ok: false,
      message: "삭제되었거나 숨겨진 댓글에는 답글을 달 수 없습니다.",
    });
  });
});

describe("one comment per 15 seconds", () => {
  it("per visitor, with the seconds left in the message", async () => {
    const postId = await newPost(boards.five);
    const actor = guest();
    const start = new Date();
    ok(await guestComment(postId, { actor }));
    const tooSoon = await writes.createComment(
      { postId, parentId: null, body: "또 씁니다", guest: { name: "독자", password: "1234" } },
      actor,
      new Date(start.getTime() + 4_200),
    );
    expect(tooSoon).toMatchObject({ ok: false, code: "flood", retryAfterSeconds: 11 });
    expect(!tooSoon.ok && tooSoon.message).toBe("댓글은 15초에 한 번 쓸 수 있습니다. 11초 후에 다시 시도해 주세요.");
    // Another visitor is not held up; the same visitor may write again after 15 seconds.
    ok(await guestComment(postId));
    ok(await writes.createComment({ postId, parentId: null, body: "이제 됩니다", guest: { name: "독자", password: "1234" } }, actor, new Date(start.getTime() + 15_500)));
    expect(await expectExactCounts(postId)).toBe(3);
  });

  it("per signed-in user, from any browser; a deleted comment still counts", async () => {
    const postId = await newPost(boards.five);
    const reporter = await newUser("박기자");
    const first = ok(await writes.createComment({ postId, parentId: null, body: "첫 댓글", guest: null }, member(reporter)));
    ok(await writes.deleteComment({ commentId: first.commentId, password: "" }, member(reporter)));
    const again = await writes.createComment({ postId, parentId: null, body: "다시", guest: null }, member(reporter));
    expect(again).toMatchObject({ ok: false, code: "flood" });
  });

  it("holds when one visitor posts several at once: exactly one gets through", async () => {
    const postId = await newPost(boards.five);
    const actor = guest();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => guestComment(postId, { actor, body: `동시에 ${i}` })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.code === "flood")).toBe(true);
    expect(await expectExactCounts(postId)).toBe(1);
  });
});

describe("editing", () => {
  it("with the right password changes the text and its search document, and marks it edited", async () => {
    const postId = await newPost(boards.five);
    const created = ok(await guestComment(postId, { body: "처음 쓴 글", password: "pass1234" }));
    const later = new Date(Date.now() + 60_000);
    const edited = ok(await writes.editComment({ commentId: created.commentId, body: "고쳐 쓴 글 축제", password: "pass1234" }, guest(), later));
    expect(edited.changed).toBe(true);
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.commentId } })).body).toBe("고쳐 쓴 글 축제");
    expect((await db.commentSearch.findUniqueOrThrow({ where: { commentId: created.commentId } })).bodyTokens).toContain("축제");
    const [node] = await getCommentThread(postId);
    expect(node).toMatchObject({ body: "고쳐 쓴 글 축제", isEdited: true });
    expect(await expectExactCounts(postId)).toBe(1);
  });

  it("with a wrong or missing password changes nothing", async () => {
    const postId = await newPost(boards.five);
    const created = ok(await guestComment(postId, { body: "원래 글", password: "right-one" }));
    expect(await writes.editComment({ commentId: created.commentId, body: "바꾼 글", password: "wrong-one" }, guest())).toMatchObject({
      ok: false,
      code: "wrong-password",
      field: "password",
      message: "비밀번호가 맞지 않습니다.",
    });
    expect(await writes.editComment({ commentId: created.commentId, body: "바꾼 글", password: "" }, guest())).toMatchObject({
      ok: false,
      code: "password-required",
    });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: created.commentId } });
    expect(stored.body).toBe("원래 글");
    expect(stored.updatedAt.getTime()).toBe(stored.createdAt.getTime());
  });

  it("of a member's comment: only by that member; editors delete but do not edit", async () => {
    const postId = await newPost(boards.five);
    const [reporter, otherReporter, editor] = [await newUser("김기자"), await newUser("박기자"), await newUser("편집자", "editor")];
    const created = ok(await writes.createComment({ postId, parentId: null, body: "회원 글", guest: null }, member(reporter)));
    ok(await writes.editComment({ commentId: created.commentId, body: "회원이 고친 글", password: "" }, member(reporter)));
    expect(await writes.editComment({ commentId: created.commentId, body: "남이 고친 글", password: "" }, member(otherReporter))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await writes.editComment({ commentId: created.commentId, body: "편집자가 고친 글", password: "" }, member(editor, "editor"))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await writes.editComment({ commentId: created.commentId, body: "손님이 고친 글", password: "1234" }, guest())).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.commentId } })).body).toBe("회원이 고친 글");
  });

  it("is refused on a deleted comment", async () => {
    const postId = await newPost(boards.five);
    const created = ok(await guestComment(postId));
    ok(await writes.deleteComment({ commentId: created.commentId, password: "1234" }, guest()));
    expect(await writes.editComment({ commentId: created.commentId, body: "살려내기", password: "1234" }, guest())).toMatchObject({
      ok: false,
      code: "not-found",
    });
  });
});

describe("deleting", () => {
  it("with a wrong password changes nothing; with the right one the comment, its document and one count go", async () => {
    const postId = await newPost(boards.five);
    const created = ok(await guestComment(postId, { password: "right-one" }));
    ok(await guestComment(postId));
    expect(await writes.deleteComment({ commentId: created.commentId, password: "wrong-one" }, guest())).toMatchObject({
      ok: false,
      code: "wrong-password",
      message: "비밀번호가 맞지 않습니다.",
    });
    expect(await expectExactCounts(postId)).toBe(2);

    const deleted = ok(await writes.deleteComment({ commentId: created.commentId, password: "right-one" }, guest()));
    expect(deleted.changed).toBe(true);
    expect((await db.comment.findUniqueOrThrow({ where: { id: created.commentId } })).status).toBe("deleted");
    expect(await db.commentSearch.findUnique({ where: { commentId: created.commentId } })).toBeNull();
    expect(await expectExactCounts(postId)).toBe(1);
    // Deleting it again finds nothing to delete and counts nothing.
    expect(await writes.deleteComment({ commentId: created.commentId, password: "right-one" }, guest())).toMatchObject({ ok: false, code: "not-found" });
    expect(await expectExactCounts(postId)).toBe(1);
  });

  it("leaves 삭제된 댓글입니다 in place while replies answer it, and nothing once they are gone", async () => {
    const postId = await newPost(boards.five);
    const top = ok(await guestComment(postId, { body: "지울 댓글" }));
    const reply = ok(await guestComment(postId, { parentId: top.commentId, body: "남을 답글" }));
    ok(await writes.deleteComment({ commentId: top.commentId, password: "1234" }, guest()));
    const [placeholder] = await getCommentThread(postId);
    expect(placeholder).toMatchObject({ id: top.commentId, isDeleted: true, removal: "deleted", body: "", authorName: "", userId: null });
    expect(placeholder.replies.map((node) => node.body)).toEqual(["남을 답글"]);
    expect(await expectExactCounts(postId)).toBe(1);

    ok(await writes.deleteComment({ commentId: reply.commentId, password: "1234" }, guest()));
    expect(await getCommentThread(postId)).toEqual([]);
    expect(await expectExactCounts(postId)).toBe(0);
  });

  it("editors and admins delete any comment without a password; other members only their own", async () => {
    const postId = await newPost(boards.five);
    const [reporter, otherReporter, editor, admin] = [
      await newUser("김기자"),
      await newUser("박기자"),
      await newUser("편집자", "editor"),
      await newUser("관리자", "admin"),
    ];
    const byGuest = ok(await guestComment(postId));
    const byReporter = ok(await writes.createComment({ postId, parentId: null, body: "기자 글", guest: null }, member(reporter)));
    const byOther = ok(await writes.createComment({ postId, parentId: null, body: "다른 기자 글", guest: null }, member(otherReporter)));

    expect(await writes.deleteComment({ commentId: byReporter.commentId, password: "" }, member(otherReporter))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await writes.deleteComment({ commentId: byReporter.commentId, password: "" }, guest())).toMatchObject({ ok: false, code: "forbidden" });
    ok(await writes.deleteComment({ commentId: byGuest.commentId, password: "" }, member(editor, "editor")));
    ok(await writes.deleteComment({ commentId: byReporter.commentId, password: "" }, member(admin, "admin")));
    ok(await writes.deleteComment({ commentId: byOther.commentId, password: "" }, member(otherReporter)));
    expect(await expectExactCounts(postId)).toBe(0);
  });
});

describe("password guessing", () => {
  it("locks a visitor out of a comment after five wrong passwords in fifteen minutes", async () => {
    const postId = await newPost(boards.five);
    const created = ok(await guestComment(postId, { password: "right-one" }));
    const guesser = guest();
    for (let i = 0; i < 5; i += 1) {
      expect(await writes.deleteComment({ commentId: created.commentId, password: `guess-${i}` }, guesser)).toMatchObject({ code: "wrong-password" });
    }
    const locked = await writes.deleteComment({ commentId: created.commentId, password: "right-one" }, guesser);
    expect(locked).toMatchObject({ ok: false, code: "locked", message: "비밀번호를 여러 번 틀렸습니다. 15분 후에 다시 시도해 주세요." });
    expect(await writes.editComment({ commentId: created.commentId, body: "바꿈", password: "right-one" }, guesser)).toMatchObject({ code: "locked" });
    // After the window the right password works again; another visitor was never locked out.
    const later = new Date(Date.now() + 15 * 60_000 + 1_000);
    ok(await writes.editComment({ commentId: created.commentId, body: "바꿈", password: "right-one" }, guesser, later));
    ok(await writes.deleteComment({ commentId: created.commentId, password: "right-one" }, guest()));
  });

  it("also limits a comment's guesses from everyone together (a guesser can change browsers)", async () => {
    const postId = await newPost(boards.five);
    const created = ok(await guestComment(postId, { password: "right-one" }));
    for (let i = 0; i < 20; i += 1) await writes.deleteComment({ commentId: created.commentId, password: `guess-${i}` }, guest());
    expect(await writes.deleteComment({ commentId: created.commentId, password: "right-one" }, guest())).toMatchObject({ code: "locked" });
    expect(await expectExactCounts(postId)).toBe(1);
  });
});

describe("at the same time", () => {
  it("keeps the count exact through 50 parallel comments and 30 parallel deletes of 12 of them", async () => {
    const postId = await newPost(boards.five);
    const editor = await newUser("편집자", "editor");
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => guestComment(postId, { body: `동시 댓글 ${i}` })));
    const ids = created.map((result) => ok(result).commentId);
    expect(new Set(ids).size).toBe(50);
    expect(await expectExactCounts(postId)).toBe(50);

    // 12 comments, each deleted two or three times at once (30 deletes): 6 by an editor, 6 by
    // their writers' password, and a few with a wrong password mixed in.
    const victims = ids.slice(0, 12);
    const deletes = victims.flatMap((commentId, index) => {
      const times = index % 2 === 0 ? 3 : 2;
      return Array.from({ length: times }, () =>
        index < 6
          ? writes.deleteComment({ commentId, password: "" }, member(editor, "editor"))
          : writes.deleteComment({ commentId, password: "1234" }, guest()),
      );
    });
    expect(deletes).toHaveLength(30);
    const wrongGuesses = ids.slice(12, 15).map((commentId) => writes.deleteComment({ commentId, password: "nope" }, guest()));
    const results = await Promise.all([...deletes, ...wrongGuesses]);

    const changed = results.filter((result) => result.ok && result.changed).map((result) => result.ok && result.commentId);
    expect(changed.sort()).toEqual([...victims].sort());
    for (const result of results.slice(0, 30)) {
      // The others found it already deleted (or lost the race to the conditional update).
      if (!(result.ok && result.changed)) expect(result.ok ? "unchanged" : result.code).toMatch(/unchanged|not-found/);
    }
    expect(await expectExactCounts(postId)).toBe(38);
    expect(await db.comment.count({ where: { id: { in: victims }, status: "deleted" } })).toBe(12);
  });
});
