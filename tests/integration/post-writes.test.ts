/**
 * Writing articles through the data layer, on a real database of each engine: what each write
 * stores (sanitized body, search document, tags, revisions, status and publication time), the
 * scheduler's promotion, and the authorization matrix: every role × every article action ×
 * their own and someone else's article. A refused call must change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { PostWriteResult } from "@/lib/data/post-writes";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import type { PostFields } from "@/lib/validations/post";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let writes: typeof import("@/lib/data/post-writes");
let editing: typeof import("@/lib/data/post-editing");
let scheduled: typeof import("@/lib/data/scheduled-posts");
let posts: typeof import("@/lib/data/posts");

let boardId = 0;
let otherBoardId = 0;
let categoryId = 0;
const people = {} as Record<"reporter" | "otherReporter" | "editor" | "admin", Actor>;

async function newActor(loginId: string, role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { loginId, displayName: `${loginId} 이름`, role, passwordHash: "!" }, select: { id: true, displayName: true } });
  return { id: user.id, displayName: user.displayName, role };
}

const fields = (overrides: Partial<PostFields> = {}): PostFields => ({
  title: "시험 기사 제목",
  subtitle: "",
  boardSlug: "news",
  categoryId: null,
  bodyHtml: "<p>인천 광역버스 노선이 바뀝니다.</p>",
  leadImageId: null,
  tags: [],
  isNotice: false,
  ...overrides,
});

function ok(result: PostWriteResult | { ok: boolean }) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as Extract<PostWriteResult, { ok: true }>;
}

/** A post by `author` in the given status, made through the data layer itself. */
async function newPost(author: Actor, status: "draft" | "published" | "scheduled" | "deleted" = "draft", title = "원래 제목"): Promise<number> {
  const choice = status === "published" ? { kind: "publish" as const } : status === "scheduled" ? { kind: "schedule" as const, at: new Date(Date.now() + 3600_000) } : { kind: "save" as const };
  const created = ok(await writes.createPost(author, fields({ title }), choice));
  if (status === "deleted") await db.post.update({ where: { id: created.postId }, data: { status: "deleted", deletedAt: new Date() } });
  return created.postId;
}

/** Everything a write could change about a post, to prove a refused write changed nothing. */
async function snapshot(postId: number) {
  const post = await db.post.findUniqueOrThrow({
    where: { id: postId },
    select: { title: true, subtitle: true, bodyHtml: true, status: true, publishedAt: true, deletedAt: true, isNotice: true, boardId: true, updatedAt: true },
  });
  const [revisions, search, tags] = await Promise.all([
    db.postRevision.count({ where: { postId } }),
    db.postSearch.findUnique({ where: { postId } }),
    db.postTag.count({ where: { postId } }),
  ]);
  return { post, revisions, search, tags };
}

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "posts" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  writes = await import("@/lib/data/post-writes");
  editing = await import("@/lib/data/post-editing");
  scheduled = await import("@/lib/data/scheduled-posts");
  posts = await import("@/lib/data/posts");
  boardId = (await db.board.create({ data: { slug: "news", title: "뉴스", position: 0 }, select: { id: true } })).id;
  otherBoardId = (await db.board.create({ data: { slug: "life", title: "생활", position: 1 }, select: { id: true } })).id;
  categoryId = (await db.category.create({ data: { boardId, slug: "economy", name: "경제" }, select: { id: true } })).id;
  people.reporter = await newActor("reporter-a", "reporter");
  people.otherReporter = await newActor("reporter-b", "reporter");
  people.editor = await newActor("editor", "editor");
  people.admin = await newActor("admin", "admin");
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

describe("writing an article", () => {
  it("stores the body sanitized, with its search document, tags and a first revision", async () => {
    const result = ok(
      await writes.createPost(
        people.reporter,
        fields({
          title: "광역버스 노선 개편",
          bodyHtml: '<h1>큰 제목</h1><p onclick="steal()">본문<script>alert(1)</script> <a href="javascript:alert(1)">링크</a></p><img src="https://tracker.example/p.gif">',
          tags: ["교통", "인천"],
          categoryId,
        }),
        { kind: "save" },
      ),
    );
    const stored = await db.post.findUniqueOrThrow({ where: { id: result.postId }, include: { tags: { include: { tag: true }, orderBy: { position: "asc" } } } });
    expect(stored.status).toBe("draft");
    expect(stored.publishedAt).toBeNull();
    expect(stored.bodyHtml).toBe("<h2>큰 제목</h2><p>본문 <a>링크</a></p>");
    expect(stored.tags.map((entry) => entry.tag.name)).toEqual(["교통", "인천"]);
    expect(stored.categoryId).toBe(categoryId);
    const search = await db.postSearch.findUniqueOrThrow({ where: { postId: result.postId } });
    expect(search.titleTokens).toContain("광역");
    expect(await db.postRevision.count({ where: { postId: result.postId, kind: "save" } })).toBe(1);
  });

  it("refuses a category of another board, a missing lead image and publishing an empty body, storing nothing", async () => {
    const before = await db.post.count();
    const wrongCategory = await writes.createPost(people.reporter, fields({ boardSlug: "life", categoryId }), { kind: "save" });
    expect(wrongCategory).toMatchObject({ ok: false, field: "categoryId" });
    const missingImage = await writes.createPost(people.reporter, fields({ leadImageId: 999_999 }), { kind: "save" });
    expect(missingImage).toMatchObject({ ok: false, field: "leadImageId" });
    const empty = await writes.createPost(people.reporter, fields({ bodyHtml: "<p> </p><script>x</script>" }), { kind: "publish" });
    expect(empty).toMatchObject({ ok: false, field: "bodyHtml", message: "본문을 입력해 주세요." });
    expect(await db.post.count()).toBe(before);
  });

  it("publishing puts the article at the top of its board's list with the next number, and keeps its time when saved again", async () => {
    const postId = await newPost(people.reporter, "draft", "발행 시험");
    expect((await posts.getBoardPage((await import("@/lib/data/boards").then((m) => m.findBoardBySlug("news")))!, { page: 1, sort: "number", order: "desc", category: null, search: null })).rows.map((row) => row.id)).not.toContain(postId);
    ok(await writes.updatePost(people.reporter, postId, fields({ title: "발행 시험" }), { kind: "publish" }));
    const board = (await (await import("@/lib/data/boards")).findBoardBySlug("news"))!;
    const page = await posts.getBoardPage(board, { page: 1, sort: "number", order: "desc", category: null, search: null });
    expect(page.rows[0].id).toBe(postId);
    const { publishedAt } = await db.post.findUniqueOrThrow({ where: { id: postId }, select: { publishedAt: true } });
    ok(await writes.updatePost(people.reporter, postId, fields({ title: "발행 시험 (고침)" }), { kind: "save" }));
    const after = await db.post.findUniqueOrThrow({ where: { id: postId }, select: { publishedAt: true, status: true, title: true } });
    expect(after).toEqual({ publishedAt, status: "published", title: "발행 시험 (고침)" });
  });

  it("autosave keeps a draft in place but never changes a published article; the next save supersedes it", async () => {
    const draftId = await newPost(people.reporter, "draft");
    ok(await writes.autosavePost(people.reporter, { ...fields({ title: "자동 저장된 초안" }), postId: draftId }));
    ok(await writes.autosavePost(people.reporter, { ...fields({ title: "자동 저장된 초안 2" }), postId: draftId }));
    expect((await db.post.findUniqueOrThrow({ where: { id: draftId } })).title).toBe("자동 저장된 초안 2");
    expect(await db.postRevision.count({ where: { postId: draftId, kind: "autosave" } })).toBe(1);

    const publishedId = await newPost(people.reporter, "published", "게시된 제목");
    ok(await writes.autosavePost(people.reporter, { ...fields({ title: "아직 게시하지 않은 수정" }), postId: publishedId }));
    expect((await db.post.findUniqueOrThrow({ where: { id: publishedId } })).title).toBe("게시된 제목");
    const editable = await editing.findEditablePost(people.reporter, publishedId);
    expect(editable?.pendingAutosave?.title).toBe("아직 게시하지 않은 수정");
    ok(await writes.updatePost(people.reporter, publishedId, fields({ title: "정식 수정" }), { kind: "save" }));
    expect(await db.postRevision.count({ where: { postId: publishedId, kind: "autosave" } })).toBe(0);
    expect((await editing.findEditablePost(people.reporter, publishedId))?.pendingAutosave).toBeNull();
  });

  it("autosave of an empty new article stores nothing; with a title it becomes a draft", async () => {
    const before = await db.post.count();
    expect(await writes.autosavePost(people.reporter, { ...fields({ title: "", bodyHtml: "<p></p>" }), postId: null })).toMatchObject({ ok: true, postId: null });
    expect(await db.post.count()).toBe(before);
    const created = await writes.autosavePost(people.reporter, { ...fields({ title: "제목만 쓴 초안", bodyHtml: "" }), postId: null });
    expect(created.ok && created.postId).toBeGreaterThan(0);
    expect((await db.post.findUniqueOrThrow({ where: { id: (created as { postId: number }).postId } })).status).toBe("draft");
  });

  it("a 제목 search finds an article by the title it has now: the new one after an edit, and nothing once it is gone", async () => {
    const { findBoardBySlug } = await import("@/lib/data/boards");
    const { forgetBoardLists } = await import("@/lib/board/board-memory");
    const board = (await findBoardBySlug("news"))!;
    const found = async (keyword: string) =>
      (await posts.getBoardPage(board, { page: 1, sort: "number", order: "desc", category: null, search: { target: "title", keyword } })).rows.map((row) => row.id);
    const postId = await newPost(people.reporter, "published", "솔바람마을 첫 소식");
    expect(await found("솔바람")).toEqual([postId]);

    ok(await writes.updatePost(people.reporter, postId, fields({ title: "달빛나루 새 소식" }), { kind: "save" }));
    expect(await found("솔바람")).toEqual([]);
    expect(await found("빛나")).toEqual([postId]);

    // Removed for good (as a purge does), behind the data layer's back: its search rows go with it.
    await db.post.delete({ where: { id: postId } });
    forgetBoardLists("news");
    expect(await found("빛나")).toEqual([]);
    if (db.engine === "postgresql") {
      // 제목 searches read PostgreSQL's own title table (the search migration's triggers keep it).
      const [row] = await db.$queryRawUnsafe<{ titles: bigint; documents: bigint }[]>(
        `SELECT (SELECT COUNT(*) FROM "post_title_fts") AS "titles", (SELECT COUNT(*) FROM "PostSearch") AS "documents"`,
      );
      expect(Number(row.titles)).toBe(Number(row.documents));
    }
  });

  it("restoring a revision brings its text back and records the restore", async () => {
    const postId = await newPost(people.reporter, "published", "첫 판 제목");
    const first = (await db.postRevision.findFirstOrThrow({ where: { postId }, orderBy: { id: "asc" } })).id;
    ok(await writes.updatePost(people.reporter, postId, fields({ title: "둘째 판 제목", bodyHtml: "<p>바뀐 본문</p>" }), { kind: "save" }));
    ok(await writes.restoreRevision(people.reporter, postId, first));
    const post = await db.post.findUniqueOrThrow({ where: { id: postId } });
    expect(post.title).toBe("첫 판 제목");
    expect(post.status).toBe("published");
    expect((await db.postSearch.findUniqueOrThrow({ where: { postId } })).titleTokens.split(" ")).toContain("첫");
    const kinds = (await db.postRevision.findMany({ where: { postId }, orderBy: { id: "asc" }, select: { kind: true } })).map((revision) => revision.kind);
    expect(kinds).toEqual(["publish", "save", "restore"]);
    // A revision of another article is not found through this one.
    const otherPost = await newPost(people.reporter, "draft");
    expect(await writes.restoreRevision(people.reporter, otherPost, first)).toMatchObject({ ok: false, code: "not-found" });
  });

  it("a scheduled article is not public until its time, then the scheduler publishes it once", async () => {
    const at = new Date(Date.now() + 10 * 60_000);
    const created = ok(await writes.createPost(people.reporter, fields({ title: "예약 기사" }), { kind: "schedule", at }));
    expect(created.status).toBe("scheduled");
    expect(await posts.findArticle(boardId, created.postId)).toBeNull();
    expect(await scheduled.publishDuePosts(new Date(at.getTime() - 1000))).toEqual([]);
    const next = await scheduled.nextScheduledTime();
    expect(next!.getTime()).toBeLessThanOrEqual(at.getTime());
    const published = await scheduled.publishDuePosts(new Date(at.getTime() + 1000));
    expect(published).toContainEqual({ id: created.postId, boardSlug: "news" });
    expect(await scheduled.publishDuePosts(new Date(at.getTime() + 2000))).toEqual([]);
    const post = await db.post.findUniqueOrThrow({ where: { id: created.postId } });
    expect(post.status).toBe("published");
    expect(post.publishedAt!.getTime()).toBe(at.getTime());
  });

  it("schedulers of several instances racing: each due article is published by exactly one of them", async () => {
    const at = new Date(Date.now() + 20 * 60_000);
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(ok(await writes.createPost(people.reporter, fields({ title: `경합 예약 ${i}` }), { kind: "schedule", at })).postId);
    const after = new Date(at.getTime() + 1000);
    const results = await Promise.all(Array.from({ length: 4 }, () => scheduled.publishDuePosts(after)));
    const returned = results.flat().map((post) => post.id).filter((id) => ids.includes(id));
    expect(returned.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    const statuses = await db.post.findMany({ where: { id: { in: ids } }, select: { status: true } });
    expect(statuses.every((post) => post.status === "published")).toBe(true);
  });

  it("unpublish, delete and restore move through the statuses; a second delete is refused", async () => {
    const postId = await newPost(people.reporter, "published");
    ok(await writes.changePostStatus(people.reporter, postId, "unpublish"));
    expect(await db.post.findUniqueOrThrow({ where: { id: postId }, select: { status: true, publishedAt: true } })).toEqual({ status: "draft", publishedAt: null });
    ok(await writes.changePostStatus(people.reporter, postId, "delete"));
    expect(await writes.changePostStatus(people.reporter, postId, "delete")).toMatchObject({ ok: false, code: "conflict" });
    expect(await writes.updatePost(people.reporter, postId, fields(), { kind: "save" })).toMatchObject({ ok: false, code: "deleted" });
    ok(await writes.changePostStatus(people.editor, postId, "restore"));
    expect((await db.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe("draft");
  });

  it("moving an article to another board reports both boards for revalidation", async () => {
    const postId = await newPost(people.reporter, "published");
    const moved = ok(await writes.updatePost(people.reporter, postId, fields({ boardSlug: "life" }), { kind: "save" }));
    expect(moved.boardSlugs.sort()).toEqual(["life", "news"]);
    expect((await db.post.findUniqueOrThrow({ where: { id: postId } })).boardId).toBe(otherBoardId);
  });
});

/**
 * The matrix. Each action runs against a fresh article owned either by the actor ("own") or by
 * another reporter ("other's"); `allowed` says what the permission rules promise.
 */
type Role = "reporter" | "editor" | "admin";
type Case = {
  action: string;
  status: "draft" | "published" | "scheduled" | "deleted";
  run: (actor: Actor, postId: number) => Promise<{ ok: boolean }>;
  allowed: (role: Role, own: boolean) => boolean;
};

const ownOrStaff = (role: Role, own: boolean) => own || role !== "reporter";
const staffOnly = (role: Role) => role !== "reporter";

const CASES: Case[] = [
  { action: "save", status: "draft", run: (actor, id) => writes.updatePost(actor, id, fields({ title: "바꾼 제목" }), { kind: "save" }), allowed: ownOrStaff },
  { action: "publish", status: "draft", run: (actor, id) => writes.updatePost(actor, id, fields({ title: "바꾼 제목" }), { kind: "publish" }), allowed: ownOrStaff },
  {
    action: "schedule",
    status: "draft",
    run: (actor, id) => writes.updatePost(actor, id, fields({ title: "바꾼 제목" }), { kind: "schedule", at: new Date(Date.now() + 3600_000) }),
    allowed: ownOrStaff,
  },
  { action: "autosave", status: "draft", run: (actor, id) => writes.autosavePost(actor, { ...fields({ title: "바꾼 제목" }), postId: id }), allowed: ownOrStaff },
  { action: "unpublish", status: "published", run: (actor, id) => writes.changePostStatus(actor, id, "unpublish"), allowed: ownOrStaff },
  { action: "delete", status: "published", run: (actor, id) => writes.changePostStatus(actor, id, "delete"), allowed: ownOrStaff },
  { action: "restore", status: "deleted", run: (actor, id) => writes.changePostStatus(actor, id, "restore"), allowed: staffOnly },
  {
    action: "restore revision",
    status: "published",
    run: async (actor, id) => {
      const first = await db.postRevision.findFirstOrThrow({ where: { postId: id }, orderBy: { id: "asc" } });
      await db.post.update({ where: { id }, data: { title: "나중 제목" } });
      return writes.restoreRevision(actor, id, first.id);
    },
    allowed: ownOrStaff,
  },
  { action: "pin as notice", status: "draft", run: (actor, id) => writes.updatePost(actor, id, fields({ isNotice: true }), { kind: "save" }), allowed: staffOnly },
  {
    action: "open in the editor",
    status: "draft",
    run: async (actor, id) => ({ ok: (await editing.findEditablePost(actor, id)) !== null }),
    allowed: ownOrStaff,
  },
  { action: "read revisions", status: "draft", run: async (actor, id) => ({ ok: (await editing.listRevisions(actor, id)) !== null }), allowed: ownOrStaff },
  { action: "preview", status: "draft", run: async (actor, id) => ({ ok: (await editing.findPreview(actor, id)) !== null }), allowed: ownOrStaff },
];

const ROLES: Role[] = ["reporter", "editor", "admin"];

describe("authorization matrix: role × action × own and other's article", () => {
  for (const role of ROLES) {
    for (const own of [true, false]) {
      for (const testCase of CASES) {
        const expected = testCase.allowed(role, own);
        it(`${role} ${expected ? "may" : "may not"} ${testCase.action} ${own ? "their own" : "another reporter's"} article`, async () => {
          const actor = people[role];
          const owner = own ? actor : people.otherReporter;
          const postId = await newPost(owner, testCase.status);
          // "pin as notice" on the reporter's own article: the write itself is allowed, the flag is not.
          const before = await snapshot(postId);
          const result = await testCase.run(actor, postId);
          expect(result.ok).toBe(expected);
          if (!expected) {
            const after = await snapshot(postId);
            // restore revision's setup changed the title before the call; compare from there.
            if (testCase.action === "restore revision") before.post.title = "나중 제목";
            expect({ ...after, post: { ...after.post, updatedAt: null } }).toEqual({ ...before, post: { ...before.post, updatedAt: null } });
            if ("message" in result) expect(result.message).toMatch(/[가-힣]/);
          }
        });
      }
    }
  }

  it("an article that does not exist is not found for every role", async () => {
    for (const role of ROLES) {
      expect(await writes.updatePost(people[role], 987_654, fields(), { kind: "save" })).toMatchObject({ ok: false, code: "not-found" });
      expect(await writes.changePostStatus(people[role], 987_654, "delete")).toMatchObject({ ok: false, code: "not-found" });
    }
  });

  it("a reporter cannot create an article pinned as a notice; an editor can", async () => {
    expect(await writes.createPost(people.reporter, fields({ isNotice: true }), { kind: "publish" })).toMatchObject({ ok: false, field: "isNotice" });
    const pinned = ok(await writes.createPost(people.editor, fields({ isNotice: true, title: "편집국 공지" }), { kind: "publish" }));
    expect((await db.post.findUniqueOrThrow({ where: { id: pinned.postId } })).isNotice).toBe(true);
  });
});
