/**
 * The admin pages' data layer (lib/data/admin-users.ts, lib/data/admin-boards.ts) on a real
 * database of each engine, on a throwaway database of its own (it adds boards to the menu and
 * changes who is an admin): accounts that log in, duplicate ids and slugs refused in Korean on
 * their field, an admin never disabling or demoting themselves, the last admin kept, categories
 * reordered and deleted, and reporters and editors refused by every function, changing nothing.
 */
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/data/staff-access";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { VIEW_COUNT_MODES } from "@/lib/views/view-rules";
import {
  BOARD_SLUG_PATTERN,
  CreateBoardSchema,
  DEFAULT_BOARD_SETTINGS,
  UpdateBoardSchema,
  VIEW_COUNT_MODE_OPTIONS,
  type NewBoard,
} from "@/lib/validations/admin-boards";
import { CreateUserSchema, ResetPasswordSchema } from "@/lib/validations/admin-users";
import { fieldErrorsOf } from "@/lib/validations/dashboard-form";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let users: typeof import("@/lib/data/admin-users");
let boards: typeof import("@/lib/data/admin-boards");
/** The password check the login uses, or undefined should that module not load (it is being reworked). */
let verifyCredentials: ((loginId: string, password: string) => Promise<unknown>) | undefined;

let admin: StaffActor;
let editor: StaffActor;
let reporter: StaffActor;

let counter = 0;
async function newAccount(role: StaffActor["role"], password = "!"): Promise<StaffActor> {
  const user = await db.user.create({
    data: {
      loginId: `acct_${role}_${++counter}`,
      displayName: `${role} ${counter}`,
      role,
      passwordHash: password === "!" ? "!" : await bcrypt.hash(password, 4),
    },
    select: { id: true },
  });
  return { id: user.id, role };
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** A board as the create form sends it, parsed by the shared schema. */
function boardInput(slug: string, overrides: Record<string, string> = {}): NewBoard {
  return CreateBoardSchema.parse({ ...DEFAULT_BOARD_SETTINGS, slug, title: `게시판 ${slug}`, ...overrides });
}

/** Whether a password logs in: verifyCredentials, or bcrypt itself should that API change. */
async function logsIn(loginId: string, password: string): Promise<boolean> {
  if (typeof verifyCredentials === "function") {
    const result = await verifyCredentials(loginId, password);
    if (result && typeof result === "object" && "status" in result) return result.status === "ok";
    return result !== null && result !== undefined;
  }
  const account = await db.user.findUniqueOrThrow({ where: { loginId } });
  return account.disabledAt === null && (await bcrypt.compare(password, account.passwordHash));
}

/** Everything the admin functions could change, to check a refused call changed none of it. */
async function snapshot() {
  const [userRows, boardRows, categoryRows, postRows] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.board.findMany({ orderBy: { id: "asc" } }),
    db.category.findMany({ orderBy: { id: "asc" } }),
    db.post.findMany({ orderBy: { id: "asc" }, select: { id: true, categoryId: true } }),
  ]);
  return { userRows, boardRows, categoryRows, postRows };
}

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "admin" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  if ((await db.user.count()) !== 0) throw new Error("the admin test must run on its own empty database");
  users = await import("@/lib/data/admin-users");
  boards = await import("@/lib/data/admin-boards");
  verifyCredentials = await import("@/lib/auth/credentials").then(
    (module) => module.verifyCredentials,
    () => undefined,
  );
  admin = await newAccount("admin");
  editor = await newAccount("editor");
  reporter = await newAccount("reporter");
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

describe("accounts", () => {
  it("an admin creates an account that logs in with its password", async () => {
    const input = CreateUserSchema.parse({ loginId: " newreporter ", displayName: " 새  기자 ", role: "reporter", password: "first-password-1" });
    expect(input).toMatchObject({ loginId: "newreporter", displayName: "새 기자" });
    const created = ok(await users.createUser(admin, input));
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(stored).toMatchObject({ loginId: "newreporter", displayName: "새 기자", role: "reporter", disabledAt: null });
    expect(stored.passwordHash).not.toContain("first-password-1");
    expect(await logsIn("newreporter", "first-password-1")).toBe(true);
    expect(await logsIn("newreporter", "first-password-2")).toBe(false);

    const listed = ok(await users.listUsersForAdmin(admin)).users.find((user) => user.id === created.userId);
    expect(listed).toMatchObject({ loginId: "newreporter", role: "reporter", disabled: false, hasPassword: true });
    expect(Object.keys(listed!)).not.toContain("passwordHash");
  });

  it("a login id already taken is refused on its field, in Korean; two at once make one account", async () => {
    const input = CreateUserSchema.parse({ loginId: "twice", displayName: "둘", role: "editor", password: "a-long-password" });
    ok(await users.createUser(admin, input));
    expect(await users.createUser(admin, input)).toEqual({ ok: false, code: "conflict", message: "이미 쓰고 있는 아이디입니다.", field: "loginId" });

    const racing = CreateUserSchema.parse({ loginId: "racing", displayName: "경주", role: "reporter", password: "a-long-password" });
    const results = await Promise.all([users.createUser(admin, racing), users.createUser(admin, racing), users.createUser(admin, racing)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results.filter((result) => !result.ok)) expect(result).toMatchObject({ field: "loginId", message: "이미 쓰고 있는 아이디입니다." });
    expect(await db.user.count({ where: { loginId: "racing" } })).toBe(1);
  });

  it("the shared schema says in Korean what is wrong with each field", () => {
    const parsed = CreateUserSchema.safeParse({ loginId: "No Spaces!", displayName: "", role: "owner", password: "short" });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!, ["loginId", "displayName", "role", "password"]);
    expect(errors.loginId?.[0]).toMatch(/^아이디는 영문 소문자로 시작하는/);
    expect(errors.displayName).toEqual(["이름을 입력해 주세요."]);
    expect(errors.role).toEqual(["권한을 골라 주세요."]);
    expect(errors.password).toEqual(["비밀번호는 10자 이상이어야 합니다."]);
    const same = CreateUserSchema.safeParse({ loginId: "samesame12", displayName: "이름", role: "reporter", password: "samesame12" });
    expect(fieldErrorsOf(same.error!, ["password"]).password).toEqual(["아이디를 비밀번호로 쓸 수 없습니다."]);
    // Passwords are taken as typed: spaces count.
    expect(ResetPasswordSchema.parse({ userId: "3", password: " 10 chars  " }).password).toBe(" 10 chars  ");
  });

  it("resetting a password: the new one logs in, the old one no longer", async () => {
    const input = CreateUserSchema.parse({ loginId: "forgetful", displayName: "잊음", role: "reporter", password: "old-password-1" });
    const { userId } = ok(await users.createUser(admin, input));
    ok(await users.resetUserPassword(admin, { userId, password: "new-password-2" }));
    expect(await logsIn("forgetful", "new-password-2")).toBe(true);
    expect(await logsIn("forgetful", "old-password-1")).toBe(false);
    expect(await users.resetUserPassword(admin, { userId: 99_999_999, password: "new-password-2" })).toMatchObject({ ok: false, code: "not-found" });
  });

  it("disabling stops the login; enabling gives it back; doing either twice changes nothing more", async () => {
    const input = CreateUserSchema.parse({ loginId: "leaving", displayName: "떠남", role: "editor", password: "leaving-password" });
    const { userId } = ok(await users.createUser(admin, input));
    const when = new Date("2026-11-01T00:00:00Z");
    expect(ok(await users.setUserDisabled(admin, { userId, disabled: true }, when))).toMatchObject({ changed: true });
    expect(ok(await users.setUserDisabled(admin, { userId, disabled: true }))).toMatchObject({ changed: false, message: "이미 사용 중지된 계정입니다." });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).disabledAt).toEqual(when);
    expect(await logsIn("leaving", "leaving-password")).toBe(false);
    expect(ok(await users.setUserDisabled(admin, { userId, disabled: false }))).toMatchObject({ changed: true });
    expect(await logsIn("leaving", "leaving-password")).toBe(true);
  });

  it("changes a role", async () => {
    const someone = await newAccount("reporter");
    expect(ok(await users.changeUserRole(admin, { userId: someone.id, role: "editor" }))).toMatchObject({ changed: true });
    expect(ok(await users.changeUserRole(admin, { userId: someone.id, role: "editor" }))).toMatchObject({ changed: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).role).toBe("editor");
  });

  it("an admin cannot disable or demote themselves", async () => {
    const before = await snapshot();
    expect(await users.setUserDisabled(admin, { userId: admin.id, disabled: true })).toEqual({
      ok: false,
      code: "invalid",
      message: "자기 계정은 사용 중지할 수 없습니다.",
    });
    for (const role of ["editor", "reporter"] as const) {
      expect(await users.changeUserRole(admin, { userId: admin.id, role })).toMatchObject({ ok: false, code: "invalid", field: "role" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("two admins demoting each other at once leave one admin", async () => {
    // Only these two are admins while this runs.
    const others = await db.user.findMany({ where: { role: "admin" }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { role: "editor" } });
    try {
      const [first, second] = [await newAccount("admin"), await newAccount("admin")];
      const results = await Promise.all([
        users.changeUserRole(first, { userId: second.id, role: "editor" }),
        users.changeUserRole(second, { userId: first.id, role: "editor" }),
      ]);
      expect(results.filter((result) => result.ok && result.changed)).toHaveLength(1);
      expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
      const loser = results.find((result) => !result.ok);
      expect(loser).toBeDefined();
      // Refused as no longer an admin, or as the last admin, depending on who got there first.
      expect(["관리자만 할 수 있는 일입니다.", "사용 중인 관리자가 한 명은 있어야 합니다."]).toContain(loser!.ok ? "" : loser!.message);
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { role: "admin" } });
    }
  });
});

describe("boards", () => {
  it("an admin creates a board; a taken slug is refused on its field, in Korean", async () => {
    const created = ok(await boards.createBoard(admin, boardInput("local-news", { title: "지역 소식", position: "3" })));
    expect(created).toMatchObject({ slug: "local-news", menuChanged: true });
    expect(await db.board.findUniqueOrThrow({ where: { slug: "local-news" } })).toMatchObject({
      title: "지역 소식",
      position: 3,
      rowsPerPage: 20,
      pageLinkCount: 10,
      noticesOnEveryPage: true,
      maxCommentDepth: 5,
      viewCountMode: "once",
    });
    expect(await boards.createBoard(admin, boardInput("local-news"))).toEqual({
      ok: false,
      code: "conflict",
      message: "이미 다른 게시판이 쓰는 주소입니다.",
      field: "slug",
    });
    const results = await Promise.all([boards.createBoard(admin, boardInput("race")), boards.createBoard(admin, boardInput("race"))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ field: "slug" });
  });

  it("the shared schema refuses bad and reserved slugs and settings out of range, in Korean", () => {
    const errorsFor = (overrides: Record<string, string>) => {
      const parsed = CreateBoardSchema.safeParse({ ...DEFAULT_BOARD_SETTINGS, slug: "fine", title: "제목", ...overrides });
      return parsed.success ? {} : fieldErrorsOf(parsed.error, ["slug", "title", "rowsPerPage", "maxCommentDepth", "pageLinkCount", "viewCountMode"]);
    };
    for (const slug of ["dashboard", "login", "api", "media", "feeds", "rss", "atom"]) {
      expect(errorsFor({ slug }).slug).toEqual(["사이트가 쓰는 주소라 게시판 주소로 쓸 수 없습니다."]);
    }
    for (const slug of ["News", "뉴스", "-news", "a_b", "sitemap.xml", "x".repeat(41)]) expect(errorsFor({ slug }).slug?.[0]).toMatch(/^주소는/);
    expect(errorsFor({ slug: "" }).slug).toEqual(["주소를 입력해 주세요."]);
    expect(errorsFor({ title: "  " }).title).toEqual(["게시판 이름을 입력해 주세요."]);
    expect(errorsFor({ rowsPerPage: "4" }).rowsPerPage).toEqual(["한 쪽의 글 수는 5부터 100까지의 정수로 입력해 주세요."]);
    expect(errorsFor({ rowsPerPage: "101" }).rowsPerPage).toHaveLength(1);
    expect(errorsFor({ rowsPerPage: "2.5" }).rowsPerPage).toHaveLength(1);
    expect(errorsFor({ maxCommentDepth: "11" }).maxCommentDepth).toEqual(["답글 깊이는 0부터 10까지의 정수로 입력해 주세요."]);
    expect(errorsFor({ maxCommentDepth: "0", rowsPerPage: "5" })).toEqual({});
    expect(errorsFor({ viewCountMode: "sometimes" }).viewCountMode).toEqual(["조회수 세는 방식을 골라 주세요."]);
    // An unticked checkbox is not sent at all.
    expect(UpdateBoardSchema.parse({ ...DEFAULT_BOARD_SETTINGS, boardId: "1", title: "제목", noticesOnEveryPage: "" }).noticesOnEveryPage).toBe(false);
  });

  it("agrees with the site on what a board slug and a view-count mode are", async () => {
    const { BOARD_SLUG_PATTERN: readersPattern } = await import("@/lib/data/boards");
    expect(BOARD_SLUG_PATTERN.source).toBe(readersPattern.source);
    expect([...VIEW_COUNT_MODE_OPTIONS]).toEqual([...VIEW_COUNT_MODES]);
  });

  it("saves settings, and says when the menu changed", async () => {
    const { slug } = ok(await boards.createBoard(admin, boardInput("settings")));
    const board = await db.board.findUniqueOrThrow({ where: { slug } });
    const settings = UpdateBoardSchema.parse({
      boardId: String(board.id),
      title: "게시판 settings",
      description: "설명",
      position: "0",
      rowsPerPage: "30",
      pageLinkCount: "5",
      noticesOnEveryPage: "",
      maxCommentDepth: "1",
      viewCountMode: "every",
    });
    expect(ok(await boards.updateBoardSettings(admin, settings))).toMatchObject({ slug, menuChanged: false, changed: true });
    expect(await db.board.findUniqueOrThrow({ where: { id: board.id } })).toMatchObject({
      slug,
      description: "설명",
      rowsPerPage: 30,
      pageLinkCount: 5,
      noticesOnEveryPage: false,
      maxCommentDepth: 1,
      viewCountMode: "every",
    });
    expect(ok(await boards.updateBoardSettings(admin, { ...settings, title: "새 이름" })).menuChanged).toBe(true);
    expect(ok(await boards.updateBoardSettings(admin, { ...settings, title: "새 이름", position: 7 })).menuChanged).toBe(true);
    const found = ok(await boards.findBoardForAdmin(admin, slug)).board;
    expect(found).toMatchObject({ title: "새 이름", position: 7, viewCountMode: "every", categories: [] });
    expect(await boards.findBoardForAdmin(admin, "nothing-here")).toMatchObject({ ok: false, code: "not-found" });
    const listed = ok(await boards.listBoardsForAdmin(admin)).boards;
    expect(listed.map((row) => row.position)).toEqual([...listed.map((row) => row.position)].sort((a, b) => a - b));
  });

  it("categories: added last, renamed, reordered; deleting one leaves its articles with none", async () => {
    const { slug } = ok(await boards.createBoard(admin, boardInput("sections")));
    const boardId = (await db.board.findUniqueOrThrow({ where: { slug } })).id;
    for (const [categorySlug, name] of [["politics", "정치"], ["economy", "경제"], ["culture", "문화"]]) {
      ok(await boards.addCategory(admin, { boardId, slug: categorySlug, name }));
    }
    expect(await boards.addCategory(admin, { boardId, slug: "economy", name: "또 경제" })).toEqual({
      ok: false,
      code: "conflict",
      message: "이 게시판에 같은 주소의 분류가 있습니다.",
      field: "slug",
    });
    const order = async () => ok(await boards.findBoardForAdmin(admin, slug)).board.categories.map((category) => category.slug);
    expect(await order()).toEqual(["politics", "economy", "culture"]);

    const [politics, economy, culture] = ok(await boards.findBoardForAdmin(admin, slug)).board.categories;
    expect(ok(await boards.moveCategory(admin, { categoryId: culture.id, direction: "up" }))).toMatchObject({ changed: true, slug });
    expect(await order()).toEqual(["politics", "culture", "economy"]);
    expect(ok(await boards.moveCategory(admin, { categoryId: politics.id, direction: "up" }))).toMatchObject({ changed: false, message: "이미 맨 앞입니다." });
    ok(await boards.moveCategory(admin, { categoryId: politics.id, direction: "down" }));
    expect(await order()).toEqual(["culture", "politics", "economy"]);

    expect(ok(await boards.renameCategory(admin, { categoryId: economy.id, name: "경제·산업" }))).toMatchObject({ changed: true });
    expect((await db.category.findUniqueOrThrow({ where: { id: economy.id } })).name).toBe("경제·산업");

    const author = await newAccount("reporter");
    const post = await db.post.create({
      data: { boardId, authorId: author.id, categoryId: economy.id, title: "분류 있는 기사", bodyHtml: "<p>본문</p>", status: "published", publishedAt: new Date() },
    });
    expect(ok(await boards.findBoardForAdmin(admin, slug)).board.categories.find((category) => category.id === economy.id)?.postCount).toBe(1);
    expect(ok(await boards.deleteCategory(admin, { categoryId: economy.id }))).toMatchObject({ changed: true, slug });
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id }, select: { categoryId: true } })).toEqual({ categoryId: null });
    expect(await order()).toEqual(["culture", "politics"]);
    expect(await boards.deleteCategory(admin, { categoryId: economy.id })).toMatchObject({ ok: false, code: "not-found" });
    // A new one goes last, after the gap the deleted one left.
    ok(await boards.addCategory(admin, { boardId, slug: "sports", name: "스포츠" }));
    expect(await order()).toEqual(["culture", "politics", "sports"]);
  });
});

describe("who may administer", () => {
  it("reporters and editors are refused by every admin function and change nothing", async () => {
    const { slug } = ok(await boards.createBoard(admin, boardInput("guarded")));
    const boardId = (await db.board.findUniqueOrThrow({ where: { slug } })).id;
    ok(await boards.addCategory(admin, { boardId, slug: "one", name: "하나" }));
    ok(await boards.addCategory(admin, { boardId, slug: "two", name: "둘" }));
    const categoryId = (await db.category.findFirstOrThrow({ where: { boardId, slug: "two" } })).id;
    const target = await newAccount("reporter");
    const before = await snapshot();

    for (const actor of [reporter, editor]) {
      const calls = [
        users.listUsersForAdmin(actor),
        users.createUser(actor, CreateUserSchema.parse({ loginId: "sneaky", displayName: "몰래", role: "admin", password: "sneaky-password" })),
        users.resetUserPassword(actor, { userId: target.id, password: "sneaky-password" }),
        users.changeUserRole(actor, { userId: actor.id, role: "admin" }),
        users.changeUserRole(actor, { userId: target.id, role: "admin" }),
        users.setUserDisabled(actor, { userId: admin.id, disabled: true }),
        boards.listBoardsForAdmin(actor),
        boards.findBoardForAdmin(actor, slug),
        boards.createBoard(actor, boardInput("sneaky")),
        boards.updateBoardSettings(actor, { ...boardInput("guarded", { title: "바뀜" }), boardId }),
        boards.addCategory(actor, { boardId, slug: "three", name: "셋" }),
        boards.renameCategory(actor, { categoryId, name: "바뀜" }),
        boards.moveCategory(actor, { categoryId, direction: "up" }),
        boards.deleteCategory(actor, { categoryId }),
      ];
      for (const result of await Promise.all(calls)) {
        expect(result).toEqual({ ok: false, code: "forbidden", message: "관리자만 할 수 있는 일입니다." });
      }
    }
    // A session that still says admin, for an account demoted since, is refused too.
    const demoted = await newAccount("admin");
    await db.user.update({ where: { id: demoted.id }, data: { role: "editor" } });
    const refreshedBefore = await snapshot();
    expect(await users.setUserDisabled(demoted, { userId: target.id, disabled: true })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await boards.deleteCategory(demoted, { categoryId })).toMatchObject({ ok: false, code: "forbidden" });

    expect(await snapshot()).toEqual(refreshedBefore);
    const { userRows, ...rest } = refreshedBefore;
    expect(rest).toEqual((({ userRows: _ignored, ...others }) => others)(before));
    expect(userRows.filter((user) => user.id !== demoted.id)).toEqual(before.userRows);
  });
});
