/**
 * The authorization matrix of every server action, on a real database of each engine: guest,
 * reporter (the owner of the objects acted on), another reporter, editor and admin × every
 * action. Each case runs the action itself (lib/actions/*: its form parsing, its session read,
 * its call into the data layer) on a fresh object and compares what the database holds before
 * and after: a refused call changes nothing and says why in Korean; an allowed one changes it.
 *
 * Only the request is simulated: who is signed in (getSessionUser), the request headers, and
 * Next's cache and redirect functions, which need a running server. The database is real.
 */
import sharp from "sharp";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let signedIn: SessionUser | null = null;
let requestAddress = "198.51.100.1";

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => signedIn,
  startSession: async () => undefined,
  endSession: async () => undefined,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": requestAddress, "user-agent": "Mozilla/5.0 authorization-matrix" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
}));
/** redirect() ends an action that succeeded (the form then shows the next page). */
class Redirected extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (location: string) => {
    throw new Redirected(location);
  },
  notFound: () => {
    throw new Error("notFound");
  },
}));
vi.mock("@/lib/internal/internal-requests", () => ({ postToSelf: async () => undefined, internalToken: async () => "", isInternalToken: async () => false }));

let throwaway: ThrowawayDatabase;
let db: Database;
let mediaDir: string;
let actions: {
  posts: typeof import("@/lib/actions/posts");
  comments: typeof import("@/lib/actions/comments");
  moderation: typeof import("@/lib/actions/moderation");
  users: typeof import("@/lib/actions/admin-users");
  boards: typeof import("@/lib/actions/admin-boards");
  media: typeof import("@/lib/actions/media");
};

type Role = "guest" | "reporter" | "otherReporter" | "editor" | "admin";
const ROLES: Role[] = ["guest", "reporter", "otherReporter", "editor", "admin"];
const people = {} as Record<Exclude<Role, "guest">, SessionUser>;
let boardId = 0;
let addressCounter = 0;

async function newUser(loginId: string, role: SessionUser["role"]): Promise<SessionUser> {
  const user = await db.user.create({ data: { loginId, displayName: `${loginId} 이름`, role, passwordHash: "!" }, select: { id: true, displayName: true } });
  return { id: user.id, displayName: user.displayName, role };
}

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Runs an action as `role`: its answer, or the redirect that ends a successful one. */
async function as<T>(role: Role, run: () => Promise<T>): Promise<{ redirected: string } | { answer: T }> {
  signedIn = role === "guest" ? null : people[role];
  requestAddress = `198.51.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  try {
    return { answer: await run() };
  } catch (error) {
    if (error instanceof Redirected) return { redirected: error.location };
    throw error;
  } finally {
    signedIn = null;
  }
}

/** Did the action report success? (A redirect, or an answer with ok: true.) */
function succeeded(outcome: { redirected: string } | { answer: unknown }): boolean {
  if ("redirected" in outcome) return true;
  const answer = outcome.answer as { ok?: boolean } | null | undefined;
  return answer?.ok === true;
}

function refusalMessage(outcome: { redirected: string } | { answer: unknown }): string {
  if ("redirected" in outcome) return "";
  return String((outcome.answer as { message?: unknown } | null)?.message ?? "");
}

// ── Objects acted on: each case makes its own, owned by the reporter ─────────────────────────

async function reportersArticle(status: "draft" | "published" | "deleted" = "published"): Promise<number> {
  const post = await db.post.create({
    data: {
      boardId,
      authorId: people.reporter.id,
      title: "기자의 기사",
      bodyHtml: "<p>본문</p>",
      status,
      publishedAt: status === "published" ? new Date() : null,
      deletedAt: status === "deleted" ? new Date() : null,
      searchText: { create: { titleTokens: "기자", bodyTokens: "본문" } },
      revisions: { create: { authorId: people.reporter.id, title: "처음 제목", bodyHtml: "<p>처음 본문</p>", kind: "save" } },
    },
    select: { id: true },
  });
  return post.id;
}

async function guestComment(): Promise<{ postId: number; commentId: number }> {
  const postId = await reportersArticle();
  const comment = await db.comment.create({
    data: { postId, guestName: "손님", passwordHash: "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", body: "손님 댓글", visitorKey: `c:guest-${postId}` },
    select: { id: true },
  });
  await db.post.update({ where: { id: postId }, data: { commentCount: 1 } });
  return { postId, commentId: comment.id };
}

async function reportersComment(): Promise<{ postId: number; commentId: number }> {
  const postId = await reportersArticle();
  const comment = await db.comment.create({ data: { postId, userId: people.reporter.id, body: "기자 댓글" }, select: { id: true } });
  await db.post.update({ where: { id: postId }, data: { commentCount: 1 } });
  return { postId, commentId: comment.id };
}

/** A key of the shape the media store makes (YYYY/MM/ and 24 base32 letters). */
const mediaKey = (n: number) => `2026/11/${[...String(n)].map((digit) => "abcdefghij"[Number(digit)]).join("").padStart(24, "a")}`;

async function reportersImage(): Promise<number> {
  const image = await db.mediaImage.create({
    data: { key: mediaKey(++addressCounter), width: 480, height: 320, widths: "480", bytes: 1000, uploaderId: people.reporter.id },
    select: { id: true },
  });
  return image.id;
}

const postState = (id: number) =>
  db.post.findUnique({ where: { id }, select: { title: true, status: true, bodyHtml: true, publishedAt: true, isNotice: true, _count: { select: { revisions: true } } } });
const commentState = (id: number) => db.comment.findUnique({ where: { id }, select: { status: true, body: true } });

// ── The matrix ────────────────────────────────────────────────────────────────────────────

type Case = {
  action: string;
  /** Who may: the roles whose call must succeed. */
  allowed: Role[];
  /** Makes the object and returns the call and a reading of what it would change. */
  setup: () => Promise<{ call: () => Promise<unknown>; state: () => Promise<unknown> }>;
};

const staff: Role[] = ["editor", "admin"];
const ownerAndStaff: Role[] = ["reporter", "editor", "admin"];
const signedInRoles: Role[] = ["reporter", "otherReporter", "editor", "admin"];

const articleForm = (postId: number, overrides: Record<string, string> = {}) =>
  form({ postId: String(postId), title: "바뀐 제목", subtitle: "", boardSlug: "news", categoryId: "", bodyHtml: "<p>바뀐 본문</p>", leadImageId: "", tags: "", intent: "save", publishAt: "", ...overrides });

const CASES: Case[] = [
  {
    action: "save an article (savePostAction)",
    allowed: ownerAndStaff,
    setup: async () => {
      const id = await reportersArticle("draft");
      return { call: () => actions.posts.savePostAction({ ok: true, message: null, fieldErrors: {} }, articleForm(id)), state: () => postState(id) };
    },
  },
  {
    action: "publish an article",
    allowed: ownerAndStaff,
    setup: async () => {
      const id = await reportersArticle("draft");
      return { call: () => actions.posts.savePostAction({ ok: true, message: null, fieldErrors: {} }, articleForm(id, { intent: "publish" })), state: () => postState(id) };
    },
  },
  {
    action: "autosave an article",
    allowed: ownerAndStaff,
    setup: async () => {
      const id = await reportersArticle("draft");
      return { call: () => actions.posts.autosavePostAction(articleForm(id)), state: () => postState(id) };
    },
  },
  {
    action: "pin an article as a notice",
    allowed: staff,
    setup: async () => {
      const id = await reportersArticle("draft");
      return { call: () => actions.posts.savePostAction({ ok: true, message: null, fieldErrors: {} }, articleForm(id, { isNotice: "on" })), state: () => postState(id) };
    },
  },
  ...(["unpublish", "delete"] as const).map((change) => ({
    action: `${change} an article`,
    allowed: ownerAndStaff,
    setup: async () => {
      const id = await reportersArticle("published");
      return { call: () => actions.posts.changePostStatusAction({ ok: true, message: null }, form({ postId: String(id), change })), state: () => postState(id) };
    },
  })),
  {
    action: "restore a deleted article",
    allowed: staff,
    setup: async () => {
      const id = await reportersArticle("deleted");
      return { call: () => actions.posts.changePostStatusAction({ ok: true, message: null }, form({ postId: String(id), change: "restore" })), state: () => postState(id) };
    },
  },
  {
    action: "restore an older revision",
    allowed: ownerAndStaff,
    setup: async () => {
      const id = await reportersArticle("published");
      const revision = await db.postRevision.findFirstOrThrow({ where: { postId: id } });
      return {
        call: () => actions.posts.restoreRevisionAction({ ok: true, message: null }, form({ postId: String(id), revisionId: String(revision.id) })),
        state: () => postState(id),
      };
    },
  },
  {
    action: "edit a signed-in reporter's comment",
    allowed: ["reporter"],
    setup: async () => {
      const { postId, commentId } = await reportersComment();
      return {
        call: () => actions.comments.editCommentAction({ ok: true, message: null, fieldErrors: {}, values: { body: "", guestName: "" } } as never, form({ postId: String(postId), commentId: String(commentId), body: "고친 댓글", js: "1" })),
        state: () => commentState(commentId),
      };
    },
  },
  {
    action: "delete a signed-in reporter's comment",
    allowed: ownerAndStaff,
    setup: async () => {
      const { postId, commentId } = await reportersComment();
      return {
        call: () => actions.comments.deleteCommentAction({ ok: true, message: null, fieldErrors: {}, values: { body: "", guestName: "" } } as never, form({ postId: String(postId), commentId: String(commentId), js: "1" })),
        state: () => commentState(commentId),
      };
    },
  },
  ...(["hide", "delete"] as const).map((operation) => ({
    action: `${operation} a guest's comment (moderation)`,
    allowed: staff,
    setup: async () => {
      const { commentId } = await guestComment();
      return { call: () => actions.moderation.moderateCommentAction(null, form({ commentId: String(commentId), operation })), state: () => commentState(commentId) };
    },
  })),
  {
    action: "block a commenter",
    allowed: staff,
    setup: async () => {
      const { commentId } = await guestComment();
      return {
        call: () => actions.moderation.blockCommenterAction(null, form({ commentId: String(commentId), reason: "도배", duration: "7d" })),
        state: () => db.commentBlock.count(),
      };
    },
  },
  {
    action: "lift a block",
    allowed: staff,
    setup: async () => {
      const block = await db.commentBlock.create({ data: { visitorKey: `c:blocked-${++addressCounter}`, blockedById: people.editor.id } });
      return { call: () => actions.moderation.unblockCommenterAction(null, form({ blockId: String(block.id) })), state: () => db.commentBlock.findUnique({ where: { id: block.id } }) };
    },
  },
  {
    action: "create an account",
    allowed: ["admin"],
    setup: async () => {
      const loginId = `new${++addressCounter}`;
      return {
        call: () => actions.users.createUserAction(null, form({ loginId, displayName: "새 기자", role: "reporter", password: "long-enough-password" })),
        state: () => db.user.findUnique({ where: { loginId }, select: { id: true } }),
      };
    },
  },
  {
    action: "reset another user's password",
    allowed: ["admin"],
    setup: async () => {
      const user = await newUser(`reset${++addressCounter}`, "reporter");
      return {
        call: () => actions.users.resetPasswordAction(null, form({ userId: String(user.id), password: "another-long-password" })),
        state: () => db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } }),
      };
    },
  },
  {
    action: "make a reporter an editor",
    allowed: ["admin"],
    setup: async () => {
      const user = await newUser(`promote${++addressCounter}`, "reporter");
      return { call: () => actions.users.changeRoleAction(null, form({ userId: String(user.id), role: "editor" })), state: () => db.user.findUnique({ where: { id: user.id }, select: { role: true } }) };
    },
  },
  {
    action: "disable an account",
    allowed: ["admin"],
    setup: async () => {
      const user = await newUser(`disable${++addressCounter}`, "reporter");
      return {
        call: () => actions.users.setUserDisabledAction(null, form({ userId: String(user.id), operation: "disable" })),
        state: () => db.user.findUnique({ where: { id: user.id }, select: { disabledAt: true } }),
      };
    },
  },
  {
    action: "create a board",
    allowed: ["admin"],
    setup: async () => {
      const slug = `board-${++addressCounter}`;
      return {
        call: () =>
          actions.boards.createBoardAction(null, form({ slug, title: "새 게시판", description: "", position: "5", rowsPerPage: "20", pageLinkCount: "10", noticesOnEveryPage: "on", maxCommentDepth: "5", viewCountMode: "once" })),
        state: () => db.board.findUnique({ where: { slug }, select: { id: true } }),
      };
    },
  },
  {
    action: "change a board's settings",
    allowed: ["admin"],
    setup: async () => ({
      call: () =>
        actions.boards.updateBoardAction(
          null,
          form({ boardId: String(boardId), title: `뉴스 ${++addressCounter}`, description: "", position: "0", rowsPerPage: "20", pageLinkCount: "10", noticesOnEveryPage: "on", maxCommentDepth: "5", viewCountMode: "once" }),
        ),
      state: () => db.board.findUnique({ where: { id: boardId }, select: { title: true } }),
    }),
  },
  {
    action: "add a category",
    allowed: ["admin"],
    setup: async () => {
      const slug = `cat-${++addressCounter}`;
      return {
        call: () => actions.boards.addCategoryAction(null, form({ boardId: String(boardId), slug, name: "새 분류" })),
        state: () => db.category.findFirst({ where: { boardId, slug }, select: { id: true } }),
      };
    },
  },
  {
    action: "delete a category",
    allowed: ["admin"],
    setup: async () => {
      const category = await db.category.create({ data: { boardId, slug: `gone-${++addressCounter}`, name: "지울 분류" } });
      return { call: () => actions.boards.deleteCategoryAction(null, form({ categoryId: String(category.id) })), state: () => db.category.findUnique({ where: { id: category.id } }) };
    },
  },
  {
    action: "upload a picture",
    allowed: signedInRoles,
    setup: async () => {
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#1f5f99" } }).png().toBuffer();
      return {
        call: () => actions.media.uploadImageAction(form({ file: new File([new Uint8Array(png)], "photo.png", { type: "image/png" }) })),
        state: () => db.mediaImage.count(),
      };
    },
  },
  {
    action: "change a reporter's picture's alt text",
    allowed: ownerAndStaff,
    setup: async () => {
      const id = await reportersImage();
      return {
        call: () => actions.media.updateImageAltAction(form({ id: String(id), alt: "바뀐 설명" })),
        state: () => db.mediaImage.findUnique({ where: { id }, select: { alt: true } }),
      };
    },
  },
];

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "authz" });
  process.env.DATABASE_URL = throwaway.url;
  mediaDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-authz-media-"));
  process.env.MEDIA_DIR = mediaDir;
  ({ db } = await import("@/lib/db"));
  actions = {
    posts: await import("@/lib/actions/posts"),
    comments: await import("@/lib/actions/comments"),
    moderation: await import("@/lib/actions/moderation"),
    users: await import("@/lib/actions/admin-users"),
    boards: await import("@/lib/actions/admin-boards"),
    media: await import("@/lib/actions/media"),
  };
  boardId = (await db.board.create({ data: { slug: "news", title: "뉴스" }, select: { id: true } })).id;
  people.reporter = await newUser("reporter", "reporter");
  people.otherReporter = await newUser("other", "reporter");
  people.editor = await newUser("editor", "editor");
  people.admin = await newUser("admin", "admin");
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
  if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
});

describe("every server action × guest, reporter, another reporter, editor and admin", () => {
  for (const testCase of CASES) {
    for (const role of ROLES) {
      const allowed = testCase.allowed.includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${testCase.action}`, async () => {
        const { call, state } = await testCase.setup();
        const before = JSON.stringify(await state());
        const outcome = await as(role, call);
        const after = JSON.stringify(await state());
        expect(succeeded(outcome), JSON.stringify(outcome)).toBe(allowed);
        if (allowed) {
          expect(after).not.toBe(before);
        } else {
          expect(after).toBe(before);
          expect(refusalMessage(outcome)).toMatch(/[가-힣]/);
        }
      });
    }
  }
});
