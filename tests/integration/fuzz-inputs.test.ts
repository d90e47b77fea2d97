/**
 * Property-based fuzzing (fast-check) of every server action's input, on each engine: random
 * form submissions (known fields with plausible, junk, huge, control-character, Unicode and
 * numeric-looking values, files where text belongs, missing fields and fields nobody asked
 * for) go through the action's own form reader and zod schema, and, when they parse, into the
 * data-layer function the action calls, with a real actor, on a throwaway database of this
 * file's own (the demo site seeded into it; the shared test database is left alone).
 *
 * Properties: parsing never throws; every message a person could see is Korean; the data layer
 * never throws and answers ok or a refusal in Korean. The list, search, dashboard and
 * moderation query parameters are fuzzed the same way through their parsers into the list
 * queries. A failing run prints its seed and path (fast-check's report) to replay it.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseListState, type RawSearchParams } from "@/lib/board/list-state";
import type { BoardSummary } from "@/lib/data/boards";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { DEMO_ACCOUNTS, DEMO_BOARD, seedDemoSite } from "@/lib/seed/seed-site";
import {
  ADD_CATEGORY_FIELDS,
  AddCategorySchema,
  CREATE_BOARD_FIELDS,
  CreateBoardSchema,
  DELETE_CATEGORY_FIELDS,
  DeleteCategorySchema,
  MOVE_CATEGORY_FIELDS,
  MoveCategorySchema,
  RENAME_CATEGORY_FIELDS,
  RenameCategorySchema,
  UPDATE_BOARD_FIELDS,
  UpdateBoardSchema,
} from "@/lib/validations/admin-boards";
import {
  CHANGE_ROLE_FIELDS,
  ChangeRoleSchema,
  CREATE_USER_FIELDS,
  CreateUserSchema,
  RESET_PASSWORD_FIELDS,
  ResetPasswordSchema,
  SET_DISABLED_FIELDS,
  SetUserDisabledSchema,
} from "@/lib/validations/admin-users";
import {
  commentFormInput,
  CreateGuestCommentSchema,
  CreateMemberCommentSchema,
  DeleteCommentSchema,
  EditCommentSchema,
} from "@/lib/validations/comment";
import { parseDashboardPostsParams } from "@/lib/validations/dashboard";
import { formInput } from "@/lib/validations/dashboard-form";
import { LoginSchema } from "@/lib/validations/login";
import { UpdateImageAltSchema, UploadImageSchema, uploadImageFormInput } from "@/lib/validations/media";
import {
  BLOCK_FIELDS,
  BlockCommenterSchema,
  MODERATE_FIELDS,
  ModerateCommentSchema,
  parseModerationQuery,
  UNBLOCK_FIELDS,
  UnblockCommenterSchema,
} from "@/lib/validations/moderation";
import { AutosaveSchema, postFormInput, postId as postIdSchema, PostSubmissionSchema } from "@/lib/validations/post";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";
import { configureFuzzSeed } from "../support/fuzz-seed";

configureFuzzSeed();

const KOREAN = /[가-힣]/;
/** Runs per property: enough to meet the odd corner, few enough to keep the file near a minute per engine. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let throwaway: ThrowawayDatabase;
let db: Database;
let mediaDir: string;
let data: {
  comments: typeof import("@/lib/data/comment-writes");
  posts: typeof import("@/lib/data/post-writes");
  media: typeof import("@/lib/data/media");
  moderation: typeof import("@/lib/data/moderation");
  users: typeof import("@/lib/data/admin-users");
  boards: typeof import("@/lib/data/admin-boards");
  credentials: typeof import("@/lib/auth/credentials");
  list: typeof import("@/lib/data/posts");
  boardLookup: typeof import("@/lib/data/boards");
  dashboard: typeof import("@/lib/data/dashboard-posts");
};
let reporter: SessionUser;
let editor: SessionUser;
let admin: SessionUser;
let news: BoardSummary;
/** Ids that exist in the database, so some fuzzed ids hit real rows. */
let known: { posts: string[]; comments: string[]; boards: string[]; categories: string[]; users: string[]; revisions: string[] };

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "fuzz" });
  mediaDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-fuzz-media-"));
  process.env.DATABASE_URL = throwaway.url;
  process.env.MEDIA_DIR = mediaDir;
  ({ db } = await import("@/lib/db"));
  await seedDemoSite(db);
  data = {
    comments: await import("@/lib/data/comment-writes"),
    posts: await import("@/lib/data/post-writes"),
    media: await import("@/lib/data/media"),
    moderation: await import("@/lib/data/moderation"),
    users: await import("@/lib/data/admin-users"),
    boards: await import("@/lib/data/admin-boards"),
    credentials: await import("@/lib/auth/credentials"),
    list: await import("@/lib/data/posts"),
    boardLookup: await import("@/lib/data/boards"),
    dashboard: await import("@/lib/data/dashboard-posts"),
  };
  const account = async (loginId: string) => db.user.findUniqueOrThrow({ where: { loginId }, select: { id: true, role: true, displayName: true } }) as Promise<SessionUser>;
  [reporter, editor, admin] = await Promise.all([account(DEMO_ACCOUNTS.reporter.loginId), account(DEMO_ACCOUNTS.editor.loginId), account(DEMO_ACCOUNTS.admin.loginId)]);
  news = (await data.boardLookup.findBoardBySlug(DEMO_BOARD.slug))!;
  const ids = async (rows: Promise<{ id: number }[]>) => (await rows).map((row) => String(row.id));
  known = {
    posts: await ids(db.post.findMany({ select: { id: true }, take: 20, orderBy: { id: "desc" } })),
    comments: await ids(db.comment.findMany({ select: { id: true }, take: 20, orderBy: { id: "desc" } })),
    boards: await ids(db.board.findMany({ select: { id: true } })),
    categories: await ids(db.category.findMany({ select: { id: true } })),
    users: await ids(db.user.findMany({ select: { id: true } })),
    revisions: [],
  };
  // Articles of the reporter's with revisions, for the restore action to find.
  for (const title of ["퍼징 기사 하나", "퍼징 기사 둘"]) {
    const created = await data.posts.createPost(reporter, { title, subtitle: "", boardSlug: DEMO_BOARD.slug, categoryId: null, bodyHtml: "<p>본문</p>", leadImageId: null, tags: [], isNotice: false }, { kind: "publish" });
    if (!created.ok) throw new Error(created.message);
    known.posts.push(String(created.postId));
  }
  known.revisions = await ids(db.postRevision.findMany({ select: { id: true } }));
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
  if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Values a form field can carry

const NASTY = [
  "", " ", "\t\n", "0", "-1", "1", "01", "1.5", "1e3", "0x10", "NaN", "Infinity", "999999999", "9999999999", "2147483648",
  "on", "true", "false", "null", "undefined", "[]", "{}", "__proto__", "constructor", "toString",
  "인천 광역버스", "ㅎㅏㄴ", "\u1112\u1161\u11ab", "관리자", "admin", " 관 리 자 ", "e\u0301", "\u202Eevil", "\u200B\u200B", "\uFEFF", "\u0000\u0001\u001F\u007F",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE \"Post\"; --", "%", "_", "\\", "%_\\'\"",
  "a".repeat(201), "가".repeat(2001), "😀".repeat(40), "\uD800", "\uDFFF\uD800", "2026-12-01T09:30", "2099-01-01T00:00", "1999-01-01T00:00",
  "save", "publish", "schedule", "unpublish", "delete", "restore", "hide", "up", "down", "disable", "enable", "reporter", "editor", "admin",
  "1d", "7d", "30d", "forever", "every", "once", "off", "news", "xss-board", "-bad", "Upper",
];

/** One text value: anything a browser (or a forger) could put in a form field. */
const textValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("가", "a", " ", "\n", "<", ">", "&", "\u0000", "\u200B", "😀"), minLength: 100, maxLength: 3000 }) },
  { weight: 1, arbitrary: fc.constantFrom(600_000, 2_100).map((length) => "가".repeat(length)) },
);

/** A field's value: text mostly, sometimes a file where text belongs. */
const fieldValue = fc.oneof(
  { weight: 9, arbitrary: textValue },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => new File([bytes], "x.bin", { type: "application/octet-stream" })) },
);

type FormShape = Record<string, fc.Arbitrary<string | File>>;

/**
 * A submitted form: each known field present or not (with its own plausible values mixed in),
 * repeated sometimes, plus extra fields (the framework's $ACTION_… ones, or anything).
 */
function formOf(shape: FormShape): fc.Arbitrary<FormData> {
  const value = (plausible: fc.Arbitrary<string | File>) => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: fieldValue });
  const fields = Object.fromEntries(
    Object.entries(shape).map(([name, plausible]) => [
      name,
      fc.oneof({ weight: 6, arbitrary: value(plausible).map((one) => [one]) }, { weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(value(plausible), { minLength: 2, maxLength: 3 }) }),
    ]),
  );
  return fc
    .record({ known: fc.record(fields), extra: fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("$ACTION_ID_abc", "$ACTION_REF_1", "js", "listQuery")), fieldValue, { maxKeys: 3 }) })
    .map(({ known: values, extra }) => {
      const form = new FormData();
      for (const [name, list] of Object.entries(values)) for (const value of list as (string | File)[]) form.append(name, value);
      for (const [name, value] of Object.entries(extra)) form.append(name, value);
      return form;
    });
}

const oneOf = (...values: string[]) => fc.constantFrom(...values);
const idOf = (ids: () => string[]) => fc.oneof(fc.constant(null).map(() => ids()).chain((list) => fc.constantFrom(...(list.length ? list : ["1"]))), textValue);
const postIdValue = idOf(() => known.posts);
const commentIdValue = idOf(() => known.comments);
const boardIdValue = idOf(() => known.boards);
const categoryIdValue = idOf(() => known.categories);
const userIdValue = idOf(() => known.users);
const sentence = fc.oneof(fc.constantFrom("인천 뿌리산업 소식", "광역버스 개편", "댓글입니다 https://example.kr/a"), textValue);

// ---------------------------------------------------------------------------------------------
// The properties

/** A parse never throws, and when it fails every message is Korean. */
function parsed<T extends z.ZodType>(schema: T, input: unknown): z.output<T> | null {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) expect(issue.message, JSON.stringify(issue.path)).toMatch(KOREAN);
  return null;
}

/** How often each data-layer function was reached (a fuzz that never parses proves nothing). */
const reached = new Map<string, number>();
const expectReached = (...names: string[]) => {
  for (const name of names) expect(reached.get(name) ?? 0, `${name} reached`).toBeGreaterThan(0);
};

/** A data-layer answer: ok, or a refusal a person can read. */
function expectAnswer(result: { ok: boolean; message?: string | null }, name = "?") {
  reached.set(name, (reached.get(name) ?? 0) + 1);
  expect(typeof result.ok).toBe("boolean");
  if (!result.ok) expect(result.message ?? "").toMatch(KOREAN);
}

/**
 * fc.assert with `examples`: well-formed submissions that run first, so every data-layer
 * function is reached on every run whatever the seed; the random ones follow.
 */
const run = <Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>, numRuns = RUNS, examples: Ts[] = []) =>
  fc.assert(property, { numRuns, verbose: 1, examples });

/** A form with these fields, as a browser posts it. */
function formFrom(fields: Record<string, string | File>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

let guestCounter = 0;
const guest = () => ({ user: null, visitorKey: `fuzz-guest-${++guestCounter}-${Date.now()}` });

describe("comment actions", () => {
  const shape: FormShape = { postId: postIdValue, parentId: fc.oneof(oneOf(""), commentIdValue), commentId: commentIdValue, body: sentence, guestName: oneOf("독자", "인천시민"), password: oneOf("1234", "pass1234") };

  it("create (guest and member), edit and delete never throw and answer in Korean", async () => {
    await run(
      fc.asyncProperty(formOf(shape), async (form) => {
        const input = commentFormInput(form);
        const asGuest = parsed(CreateGuestCommentSchema, input);
        if (asGuest) {
          const { guestName, password, ...comment } = asGuest;
          expectAnswer(await data.comments.createComment({ ...comment, guest: { name: guestName, password } }, guest()), "createComment");
        }
        const asMember = parsed(CreateMemberCommentSchema, input);
        if (asMember) expectAnswer(await data.comments.createComment({ ...asMember, guest: null }, { user: reporter, visitorKey: `fuzz-member-${++guestCounter}` }), "createComment");
        const edit = parsed(EditCommentSchema, input);
        if (edit) expectAnswer(await data.comments.editComment(edit, guest()), "editComment");
        const deletion = parsed(DeleteCommentSchema, input);
        if (deletion) expectAnswer(await data.comments.deleteComment(deletion, guest()), "deleteComment");
      }),
      RUNS,
      [[formFrom({ postId: known.posts[0], parentId: "", commentId: known.comments[0], body: "예시 댓글", guestName: "독자", password: "1234" })]],
    );
  });
});

describe("article actions", () => {
  const shape: FormShape = {
    postId: fc.oneof(oneOf(""), postIdValue),
    title: sentence,
    subtitle: sentence,
    boardSlug: oneOf(DEMO_BOARD.slug, "nope"),
    categoryId: fc.oneof(oneOf(""), categoryIdValue),
    bodyHtml: fc.oneof(oneOf("<p>본문</p>", "<script>alert(1)</script>", "<p><img src=x onerror=alert(1)></p>"), textValue),
    leadImageId: fc.oneof(oneOf(""), textValue),
    tags: fc.oneof(oneOf("교통, 인천", "#a,#b,#c,#d,#e,#f,#g,#h,#i,#j,#k"), textValue),
    isNotice: oneOf("on", ""),
    intent: oneOf("save", "publish", "schedule"),
    publishAt: oneOf("", "2099-01-01T00:00", "2026-12-31T09:00"),
    change: oneOf("unpublish", "delete", "restore"),
    revisionId: idOf(() => known.revisions),
  };

  it("save, publish, schedule, autosave, status changes and revision restores never throw and answer in Korean", async () => {
    await run(
      fc.asyncProperty(formOf(shape), fc.constantFrom("reporter", "editor"), async (form, who) => {
        const actor = who === "reporter" ? reporter : editor;
        const submission = parsed(PostSubmissionSchema, postFormInput(form));
        if (submission) {
          const { postId, intent, publishAt, ...fields } = submission;
          const { parseKoreanLocalTime } = await import("@/lib/validations/post");
          const choice = intent === "schedule" ? { kind: "schedule" as const, at: parseKoreanLocalTime(publishAt)! } : { kind: intent };
          expectAnswer(postId === null ? await data.posts.createPost(actor, fields, choice) : await data.posts.updatePost(actor, postId, fields, choice), "createPost/updatePost");
        }
        const autosave = parsed(AutosaveSchema, postFormInput(form));
        if (autosave) expectAnswer(await data.posts.autosavePost(actor, autosave), "autosavePost");
        // changePostStatusAction and restoreRevisionAction read their ids with the same postId schema.
        const statusPostId = parsed(postIdSchema, form.get("postId"));
        const change = form.get("change");
        if (statusPostId !== null && (change === "unpublish" || change === "delete" || change === "restore"))
          expectAnswer(await data.posts.changePostStatus(actor, statusPostId, change), "changePostStatus");
        const revisionId = parsed(postIdSchema, form.get("revisionId"));
        if (statusPostId !== null && revisionId !== null) expectAnswer(await data.posts.restoreRevision(actor, statusPostId, revisionId), "restoreRevision");
      }),
      RUNS,
      [
        [formFrom({ postId: "", title: "예시 기사", subtitle: "", boardSlug: DEMO_BOARD.slug, categoryId: "", bodyHtml: "<p>본문</p>", leadImageId: "", tags: "교통", intent: "save", publishAt: "" }), "reporter"],
        [formFrom({ postId: known.posts.at(-1)!, title: "예시 기사", boardSlug: DEMO_BOARD.slug, bodyHtml: "<p>본문</p>", intent: "publish", change: "unpublish", revisionId: known.revisions[0] }), "editor"],
      ],
    );
  });
});

describe("login", () => {
  it("never throws and answers wrong, throttled or ok", async () => {
    await run(
      fc.asyncProperty(formOf({ loginId: oneOf(DEMO_ACCOUNTS.reporter.loginId, "nobody"), password: oneOf(DEMO_ACCOUNTS.reporter.password, "wrong") }), async (form) => {
        const input = parsed(LoginSchema, { loginId: form.get("loginId"), password: form.get("password") });
        if (!input) return;
        const result = await data.credentials.attemptLogin({ ...input, clientIp: `192.0.2.${++guestCounter % 250}` });
        expect(["ok", "wrong", "throttled"]).toContain(result.status);
      }),
      Math.ceil(RUNS / 2),
    );
  });
});

describe("media actions", () => {
  it("uploads of junk files and alt-text changes never throw and answer in Korean", async () => {
    const junkFile = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => new File([bytes], "photo.jpg", { type: "image/jpeg" })),
      fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])).map((bytes) => new File([bytes], "broken.png", { type: "image/png" })),
      fc.constant(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])).map((bytes) => new File([bytes], "broken.jpg", { type: "image/jpeg" })),
    );
    await run(
      fc.asyncProperty(formOf({ file: junkFile, alt: sentence, id: textValue }), async (form) => {
        const upload = parsed(UploadImageSchema, uploadImageFormInput(form));
        if (upload) expectAnswer(await data.media.saveUploadedImage({ file: upload.file, alt: upload.alt, uploaderId: reporter.id }), "saveUploadedImage");
        const alt = parsed(UpdateImageAltSchema, formInput(form, ["id", "alt"] as const));
        if (alt) expectAnswer(await data.media.updateMediaImageAlt(alt.id, alt.alt, reporter), "updateMediaImageAlt");
      }),
      RUNS,
      [[formFrom({ file: new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2])], "a.png", { type: "image/png" }), alt: "사진 설명", id: "1" })]],
    );
  });
});

describe("comment moderation actions", () => {
  it("hide, restore, delete, block and unblock never throw and answer in Korean", async () => {
    const shape: FormShape = { commentId: commentIdValue, operation: oneOf("hide", "restore", "delete"), reason: sentence, duration: oneOf("1d", "forever"), blockId: textValue };
    await run(
      fc.asyncProperty(formOf(shape), fc.constantFrom("editor", "reporter"), async (form, who) => {
        const actor = who === "editor" ? editor : reporter;
        const moderate = parsed(ModerateCommentSchema, formInput(form, MODERATE_FIELDS));
        if (moderate) expectAnswer(await data.moderation.moderateComment(actor, moderate), "moderateComment");
        const block = parsed(BlockCommenterSchema, formInput(form, BLOCK_FIELDS));
        if (block) expectAnswer(await data.moderation.blockCommenter(actor, block), "blockCommenter");
        const unblock = parsed(UnblockCommenterSchema, formInput(form, UNBLOCK_FIELDS));
        if (unblock) expectAnswer(await data.moderation.unblockCommenter(actor, unblock), "unblockCommenter");
      }),
      RUNS,
      [[formFrom({ commentId: known.comments[0], operation: "hide", reason: "", duration: "1d", blockId: "1" }), "editor"]],
    );
  });
});

describe("admin actions", () => {
  it("accounts: create, reset password, change role and disable never throw and answer in Korean", async () => {
    const shape: FormShape = {
      loginId: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{2,12}$/), textValue),
      displayName: sentence,
      role: oneOf("reporter", "editor", "admin"),
      password: oneOf("long-enough-password", "short"),
      userId: userIdValue,
      operation: oneOf("disable", "enable"),
    };
    await run(
      fc.asyncProperty(formOf(shape), async (form) => {
        const created = parsed(CreateUserSchema, formInput(form, CREATE_USER_FIELDS));
        if (created) expectAnswer(await data.users.createUser(admin, created), "createUser");
        const reset = parsed(ResetPasswordSchema, formInput(form, RESET_PASSWORD_FIELDS));
        if (reset) expectAnswer(await data.users.resetUserPassword(admin, reset), "resetUserPassword");
        const role = parsed(ChangeRoleSchema, formInput(form, CHANGE_ROLE_FIELDS));
        if (role) expectAnswer(await data.users.changeUserRole(admin, role), "changeUserRole");
        const disabled = parsed(SetUserDisabledSchema, formInput(form, SET_DISABLED_FIELDS));
        if (disabled) expectAnswer(await data.users.setUserDisabled(admin, { userId: disabled.userId, disabled: disabled.operation === "disable" }), "setUserDisabled");
      }),
      Math.ceil(RUNS / 2),
      [[formFrom({ loginId: "fuzzexample", displayName: "예시 기자", role: "reporter", password: "long-enough-password", userId: known.users.at(-1)!, operation: "enable" })]],
    );
  });

  // The fuzzed ids may have changed the acting accounts too: put them back for the tests after.
  afterAll(async () => {
    for (const actor of [reporter, editor, admin]) await db.user.update({ where: { id: actor.id }, data: { role: actor.role, disabledAt: null } });
  });

  it("boards and categories: create, update, add, rename, move and delete never throw and answer in Korean", async () => {
    const shape: FormShape = {
      slug: fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), textValue),
      boardId: boardIdValue,
      categoryId: categoryIdValue,
      title: sentence,
      description: sentence,
      name: sentence,
      position: oneOf("0", "5", "10000"),
      rowsPerPage: oneOf("20", "4", "101"),
      pageLinkCount: oneOf("10", "2"),
      noticesOnEveryPage: oneOf("on", ""),
      maxCommentDepth: oneOf("5", "0", "11"),
      viewCountMode: oneOf("every", "once", "off"),
      direction: oneOf("up", "down"),
    };
    await run(
      fc.asyncProperty(formOf(shape), fc.constantFrom("admin", "editor"), async (form, who) => {
        const actor = who === "admin" ? admin : editor;
        const created = parsed(CreateBoardSchema, formInput(form, CREATE_BOARD_FIELDS));
        if (created) expectAnswer(await data.boards.createBoard(actor, created), "createBoard");
        const updated = parsed(UpdateBoardSchema, formInput(form, UPDATE_BOARD_FIELDS));
        if (updated) expectAnswer(await data.boards.updateBoardSettings(actor, updated), "updateBoardSettings");
        const added = parsed(AddCategorySchema, formInput(form, ADD_CATEGORY_FIELDS));
        if (added) expectAnswer(await data.boards.addCategory(actor, added), "addCategory");
        const renamed = parsed(RenameCategorySchema, formInput(form, RENAME_CATEGORY_FIELDS));
        if (renamed) expectAnswer(await data.boards.renameCategory(actor, renamed), "renameCategory");
        const moved = parsed(MoveCategorySchema, formInput(form, MOVE_CATEGORY_FIELDS));
        if (moved) expectAnswer(await data.boards.moveCategory(actor, moved), "moveCategory");
        const deleted = parsed(DeleteCategorySchema, formInput(form, DELETE_CATEGORY_FIELDS));
        if (deleted) expectAnswer(await data.boards.deleteCategory(actor, deleted), "deleteCategory");
      }),
      RUNS,
      [
        [
          formFrom({
            slug: "fuzz-example", boardId: known.boards[0], categoryId: known.categories[0], title: "예시 게시판", description: "", name: "예시 분류", position: "0",
            rowsPerPage: "20", pageLinkCount: "10", noticesOnEveryPage: "on", maxCommentDepth: "5", viewCountMode: "once", direction: "up",
          }),
          "admin",
        ],
      ],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Query parameters

/** A query object as Next hands it to a page: strings, repeated keys as arrays, or undefined. */
function queryOf(keys: string[], plausible: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<RawSearchParams> {
  const value = (key: string) => {
    const one = plausible[key] ? fc.oneof(plausible[key], textValue) : textValue;
    return fc.oneof({ weight: 4, arbitrary: one }, { weight: 1, arbitrary: fc.array(one, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant(undefined) });
  };
  return fc
    .record({
      known: fc.record(Object.fromEntries(keys.map((key) => [key, value(key)])), { requiredKeys: [] }),
      extra: fc.dictionary(fc.string({ maxLength: 10 }), textValue, { maxKeys: 3 }),
    })
    .map(({ known: params, extra }) => ({ ...extra, ...params }) as RawSearchParams);
}

describe("list and search parameters", () => {
  const plausible = {
    page: fc.oneof(fc.nat({ max: 40 }).map(String), oneOf("9999999", "1000001", " 3 ")),
    sort: oneOf("number", "title", "date", "views", "comments"),
    order: oneOf("asc", "desc"),
    category: oneOf("economy", "society", "culture", "nope"),
    target: oneOf("title_content", "title", "content", "author", "comment"),
    q: oneOf("뿌리산업", "인천 개소식", "%", "_", "a", "가", "\"", "'", "*", "OR", "NEAR(", "^", "-"),
  };

  it("parseListState takes any query, and the board page, its count and previous/next never throw", async () => {
    await fc.assert(
      fc.asyncProperty(queryOf(Object.keys(plausible), plausible), async (params) => {
        const state = parseListState(params);
        const page = await data.list.getBoardPage(news, state);
        expect(page.rows.length).toBeLessThanOrEqual(news.rowsPerPage + 10);
        if (page.rows[0]) {
          const article = { id: page.rows[0].id, isNotice: false };
          await data.list.findNeighbours(news, article, state);
          await data.list.findPageOfArticle(news, article, state);
        }
      }),
      { numRuns: RUNS * 2, verbose: 1 },
    );
  });

  it("the dashboard's list parameters never throw for any role", async () => {
    await fc.assert(
      fc.asyncProperty(
        queryOf(["scope", "status", "q", "page"], { scope: oneOf("mine", "all"), status: oneOf("draft", "published", "scheduled", "deleted"), q: plausible.q, page: plausible.page }),
        fc.constantFrom("reporter", "editor"),
        async (params, who) => {
          const actor = who === "reporter" ? reporter : editor;
          const filter = parseDashboardPostsParams(params);
          await data.dashboard.listDashboardPosts(actor, filter);
          await data.dashboard.countDashboardPostsByStatus(actor, filter);
        },
      ),
      { numRuns: RUNS, verbose: 1 },
    );
  });

  it("the moderation list's parameters never throw", async () => {
    await fc.assert(
      fc.asyncProperty(queryOf(["status", "board", "before", "after"], { status: oneOf("all", "visible", "hidden", "deleted"), board: oneOf(DEMO_BOARD.slug), before: fc.nat().map(String), after: fc.nat().map(String) }), async (params) => {
        const query = parseModerationQuery(params as Record<string, string | string[] | undefined>);
        const result = await data.moderation.listModerationComments(editor, query);
        expect(result.ok).toBe(true);
      }),
      { numRuns: RUNS, verbose: 1 },
    );
  });
});

describe("the fuzzing itself", () => {
  it("reached every data-layer function the actions call, not only the parsers", () => {
    console.info("data-layer calls per function:", Object.fromEntries(reached));
    expectReached(
      "createComment", "editComment", "deleteComment",
      "createPost/updatePost", "autosavePost", "changePostStatus", "restoreRevision",
      "saveUploadedImage", "updateMediaImageAlt",
      "moderateComment", "blockCommenter", "unblockCommenter",
      "createUser", "resetUserPassword", "changeUserRole", "setUserDisabled",
      "createBoard", "updateBoardSettings", "addCategory", "renameCategory", "moveCategory", "deleteCategory",
    );
  });
});
