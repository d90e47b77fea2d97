/**
 * The dashboard's article lists and view stats through the data layer, on a real database of
 * each engine. This file makes its own throwaway database with users and articles of its own:
 * an editor's list is the whole site, so exact answers need a site nobody else writes to.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import type { PostStatus } from "@/lib/posts/post-status";
import { koreanDay } from "@/lib/visitors/visitor-key";
import { addDays } from "@/lib/views/view-days";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let dashboard: typeof import("@/lib/data/dashboard-posts");

let reporter: Actor;
let otherReporter: Actor;
let editor: Actor;
let admin: Actor;

type Made = { id: number; authorId: number; status: PostStatus; title: string; updatedAt: Date };
const made: Made[] = [];

/** 2026-12-10 14:00 in Korea. */
const NOW = new Date("2026-12-10T05:00:00Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

async function newUser(loginId: string, displayName: string, role: Actor["role"]): Promise<Actor> {
  const user = await db.user.create({ data: { loginId, displayName, role, passwordHash: "!" }, select: { id: true } });
  return { id: user.id, displayName, role };
}

async function newPost(author: Actor, boardId: number, title: string, status: PostStatus, updatedAt: Date): Promise<number> {
  const post = await db.post.create({
    data: { boardId, authorId: author.id, title, bodyHtml: "<p>본문</p>", status, publishedAt: status === "draft" ? null : updatedAt, updatedAt },
    select: { id: true },
  });
  made.push({ id: post.id, authorId: author.id, status, title, updatedAt });
  return post.id;
}

/** Made articles in the list's order: newest change first, then newest id. */
const inListOrder = (posts: Made[]) =>
  [...posts].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id).map((post) => post.id);

const ownedBy = (actor: Actor) => made.filter((post) => post.authorId === actor.id);
const notDeleted = (posts: Made[]) => posts.filter((post) => post.status !== "deleted");

/** Every page of a list, one after another, as the page links would read them. */
async function readAllPages(actor: Actor, filter: { scope: "mine" | "all"; status?: PostStatus; q?: string }) {
  const first = await dashboard.listDashboardPosts(actor, { ...filter, page: 1 });
  const ids = first.rows.map((row) => row.id);
  for (let page = 2; page <= first.pageCount; page += 1) {
    const next = await dashboard.listDashboardPosts(actor, { ...filter, page });
    expect(next.page).toBe(page);
    expect(next.rows.length).toBeLessThanOrEqual(20);
    ids.push(...next.rows.map((row) => row.id));
  }
  return { first, ids };
}

let boardId = 0;
let otherBoardId = 0;
const STATUS_CYCLE: PostStatus[] = ["published", "draft", "published", "scheduled", "published", "deleted"];

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "dashboard" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  if ((await db.post.count()) !== 0) throw new Error("the dashboard test must run on its own empty database");
  dashboard = await import("@/lib/data/dashboard-posts");

  reporter = await newUser("reporter-a", "김기자", "reporter");
  otherReporter = await newUser("reporter-b", "박기자", "reporter");
  editor = await newUser("editor", "이편집", "editor");
  admin = await newUser("admin", "최관리", "admin");
  boardId = (await db.board.create({ data: { slug: "news", title: "뉴스" }, select: { id: true } })).id;
  otherBoardId = (await db.board.create({ data: { slug: "life", title: "생활", position: 1 }, select: { id: true } })).id;

  // 47 of the reporter's articles, some changed at the very same moment (ties break by id).
  for (let index = 0; index < 47; index += 1) {
    const title = index % 2 === 0 ? `인천 광역버스 노선 개편 ${index}` : `Seoul Metro Line ${index}`;
    await newPost(reporter, index % 3 === 0 ? otherBoardId : boardId, title, STATUS_CYCLE[index % STATUS_CYCLE.length], minutesAgo(Math.floor(index / 3) * 10));
  }
  await newPost(reporter, boardId, "목표 100% 달성", "published", minutesAgo(1));
  await newPost(reporter, boardId, "목표 1000 달성", "published", minutesAgo(2));
  await newPost(reporter, boardId, "snake_case 표기", "draft", minutesAgo(3));
  await newPost(reporter, boardId, "snakeXcase 표기", "draft", minutesAgo(4));
  for (let index = 0; index < 12; index += 1) {
    await newPost(otherReporter, boardId, `박기자의 인천 기사 ${index}`, STATUS_CYCLE[index % STATUS_CYCLE.length], minutesAgo(5 + index * 7));
  }
  await newPost(editor, boardId, "편집자 칼럼", "published", minutesAgo(30));
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

describe("listDashboardPosts", () => {
  it("a reporter lists only their own articles, even asking for everyone's", async () => {
    for (const scope of ["all", "mine"] as const) {
      const { first, ids } = await readAllPages(reporter, { scope });
      expect(first.ownOnly).toBe(true);
      expect(first.total).toBe(notDeleted(ownedBy(reporter)).length);
      expect(ids).toEqual(inListOrder(notDeleted(ownedBy(reporter))));
      expect(new Set(first.rows.map((row) => row.authorName))).toEqual(new Set(["김기자"]));
    }
  });

  it("an editor or admin lists everyone's articles, or only their own", async () => {
    for (const actor of [editor, admin]) {
      const { first, ids } = await readAllPages(actor, { scope: "all" });
      expect(first.ownOnly).toBe(false);
      expect(ids).toEqual(inListOrder(notDeleted(made)));
    }
    const mine = await dashboard.listDashboardPosts(editor, { scope: "mine", page: 1 });
    expect(mine.ownOnly).toBe(true);
    expect(mine.rows.map((row) => row.title)).toEqual(["편집자 칼럼"]);
    expect((await dashboard.listDashboardPosts(admin, { scope: "mine", page: 1 })).total).toBe(0);
  });

  it("returns what the table shows, and nothing more", async () => {
    const { rows } = await dashboard.listDashboardPosts(reporter, { scope: "mine", q: "100%", page: 1 });
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual(["authorName", "board", "commentCount", "id", "publishedAt", "status", "title", "updatedAt", "viewCount"]);
    expect(rows[0]).toMatchObject({ title: "목표 100% 달성", status: "published", board: { slug: "news", title: "뉴스" }, authorName: "김기자", viewCount: 0, commentCount: 0 });
    expect(rows[0].updatedAt).toBeInstanceOf(Date);
  });

  it("filters by status; deleted articles only on their own tab (a reporter's own, anyone's for an editor)", async () => {
    for (const status of ["draft", "scheduled", "published", "deleted"] as const) {
      const own = await readAllPages(reporter, { scope: "all", status });
      expect(own.ids).toEqual(inListOrder(ownedBy(reporter).filter((post) => post.status === status)));
      expect(own.first.rows.every((row) => row.status === status)).toBe(true);
      const everyone = await readAllPages(editor, { scope: "all", status });
      expect(everyone.ids).toEqual(inListOrder(made.filter((post) => post.status === status)));
    }
    const deleted = await dashboard.listDashboardPosts(editor, { scope: "all", status: "deleted", page: 1 });
    expect(new Set(deleted.rows.map((row) => row.authorName))).toEqual(new Set(["김기자", "박기자"]));
  });

  it("searches titles: any case, Korean substrings, LIKE's wildcards taken literally, within the actor's articles", async () => {
    const titles = async (actor: Actor, q: string, scope: "mine" | "all" = "all") =>
      (await readAllPages(actor, { scope, q })).ids.map((id) => made.find((post) => post.id === id)!.title);

    const metro = await titles(reporter, "seoul METRO");
    expect(metro.length).toBe(notDeleted(ownedBy(reporter)).filter((post) => post.title.startsWith("Seoul Metro")).length);
    expect(metro.every((title) => title.startsWith("Seoul Metro"))).toBe(true);

    expect(await titles(reporter, "100%")).toEqual(["목표 100% 달성"]);
    expect(await titles(reporter, "%")).toEqual(["목표 100% 달성"]);
    expect(await titles(reporter, "snake_case")).toEqual(["snake_case 표기"]);

    // The other reporter's "인천" articles never show in this reporter's results.
    const incheon = await titles(reporter, "인천");
    expect(incheon.length).toBeGreaterThan(0);
    expect(incheon.every((title) => title.startsWith("인천 광역버스"))).toBe(true);
    const everyone = await titles(editor, "인천");
    expect(everyone.length).toBe(notDeleted(made).filter((post) => post.title.includes("인천")).length);
    expect(everyone.some((title) => title.startsWith("박기자"))).toBe(true);

    expect(await titles(reporter, "없는 제목")).toEqual([]);
    const searchedDrafts = await readAllPages(reporter, { scope: "all", q: "snake", status: "draft" });
    expect(searchedDrafts.first.total).toBe(2);
  });

  it("pages cover each row exactly once; a page past the end shows the last page", async () => {
    const { first, ids } = await readAllPages(editor, { scope: "all" });
    expect(first.perPage).toBe(20);
    expect(first.pageCount).toBe(Math.ceil(first.total / 20));
    expect(first.pageCount).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(first.total);

    const past = await dashboard.listDashboardPosts(editor, { scope: "all", page: 999 });
    expect(past.page).toBe(first.pageCount);
    expect(past.rows.map((row) => row.id)).toEqual(ids.slice((first.pageCount - 1) * 20));
    expect((await dashboard.listDashboardPosts(editor, { scope: "all", page: 0 })).page).toBe(1);
    expect((await dashboard.listDashboardPosts(editor, { scope: "all", page: Number.NaN })).page).toBe(1);
    const empty = await dashboard.listDashboardPosts(admin, { scope: "mine", page: 4 });
    expect(empty).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  it("counts articles by status within the actor's reach and search", async () => {
    const count = (posts: Made[], status: PostStatus) => posts.filter((post) => post.status === status).length;
    const own = await dashboard.countDashboardPostsByStatus(reporter, { scope: "all" });
    const site = await dashboard.countDashboardPostsByStatus(editor, { scope: "all" });
    for (const status of ["draft", "scheduled", "published", "deleted"] as const) {
      expect(own[status]).toBe(count(ownedBy(reporter), status));
      expect(site[status]).toBe(count(made, status));
    }
    expect(await dashboard.countDashboardPostsByStatus(reporter, { scope: "mine", q: "snake" })).toEqual({ draft: 2, scheduled: 0, published: 0, deleted: 0 });
  });
});

describe("dashboardStats", () => {
  const today = koreanDay(NOW);
  let eventCounter = 0;

  async function addEvents(postId: number, at: Date, count: number) {
    await db.viewEvent.createMany({
      data: Array.from({ length: count }, () => ({ postId, visitorKey: `visitor-${++eventCounter}`, bucket: koreanDay(at), createdAt: at })),
    });
  }

  let quiet = 0;
  let busy = 0;
  let othersArticle = 0;
  /** Views expected per Korean day for `busy`, and for the reporter's articles together. */
  const busyDays = new Map<string, number>();
  const reporterDays = new Map<string, number>();
  const add = (days: Map<string, number>, day: string, views: number) => days.set(day, (days.get(day) ?? 0) + views);

  beforeAll(async () => {
    [busy, quiet] = made.filter((post) => post.authorId === reporter.id && post.status === "published").map((post) => post.id);
    othersArticle = made.find((post) => post.authorId === otherReporter.id && post.status === "published")!.id;
    const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

    // Today (Korean time) so far: 5 views; 23:30 yesterday KST (14.5 h before 14:00) counts for yesterday.
    await addEvents(busy, hoursAgo(1), 5);
    add(busyDays, today, 5);
    await addEvents(busy, hoursAgo(14.5), 2);
    add(busyDays, addDays(today, -1), 2);
    // Three days ago, and on the first day of the 30 (29 days ago); 30 days ago is outside.
    await addEvents(busy, hoursAgo(24 * 3), 4);
    add(busyDays, addDays(today, -3), 4);
    await addEvents(busy, hoursAgo(24 * 29), 1);
    add(busyDays, addDays(today, -29), 1);
    await addEvents(busy, hoursAgo(24 * 30), 6);
    // Days already rolled up into ViewDaily count as well: inside the 30 days and outside it.
    await db.viewDaily.createMany({
      data: [
        { postId: busy, day: addDays(today, -12), views: 40 },
        { postId: busy, day: addDays(today, -45), views: 99 },
        { postId: quiet, day: addDays(today, -12), views: 3 },
      ],
    });
    add(busyDays, addDays(today, -12), 40);
    for (const [day, views] of busyDays) add(reporterDays, day, views);
    await addEvents(quiet, hoursAgo(2), 3);
    add(reporterDays, today, 3);
    add(reporterDays, addDays(today, -12), 3);
    // Another reporter's article: busier this week than either of the reporter's.
    await addEvents(othersArticle, hoursAgo(5), 20);
  });

  const expectDays = (days: { day: string; views: number }[], expected: Map<string, number>) => {
    expect(days).toHaveLength(30);
    expect(days[0].day).toBe(addDays(today, -29));
    expect(days.at(-1)!.day).toBe(today);
    days.forEach((entry, index) => expect(entry).toEqual({ day: addDays(today, index - 29), views: expected.get(entry.day) ?? 0 }));
  };

  it("one article: 30 Korean days, zero-filled, equal to its events and rolled-up days", async () => {
    const stats = await dashboard.dashboardStats(reporter, { postId: busy, now: NOW });
    if (!stats.ok) throw new Error(`refused: ${stats.reason}`);
    expect(stats.kind).toBe("article");
    expectDays(stats.days, busyDays);
    expect(stats.days.filter((entry) => entry.views === 0)).toHaveLength(25);
    expect(stats.totalViews).toBe(5 + 2 + 4 + 1 + 40);
    expect(stats.weekViews).toBe(5 + 2 + 4);
    expect(stats.article).toMatchObject({ id: busy, authorName: "김기자", status: "published" });
  });

  it("a reporter may not see another reporter's article's stats; editors and admins may; a missing article is not found", async () => {
    expect(await dashboard.dashboardStats(reporter, { postId: othersArticle, now: NOW })).toEqual({ ok: false, reason: "forbidden" });
    expect(await dashboard.dashboardStats(otherReporter, { postId: busy, now: NOW })).toEqual({ ok: false, reason: "forbidden" });
    for (const actor of [editor, admin]) {
      const stats = await dashboard.dashboardStats(actor, { postId: othersArticle, now: NOW });
      expect(stats).toMatchObject({ ok: true, kind: "article", totalViews: 20 });
    }
    expect(await dashboard.dashboardStats(editor, { postId: 987_654_321, now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect(await dashboard.dashboardStats(editor, { postId: -1, now: NOW })).toEqual({ ok: false, reason: "not-found" });
  });

  it("overall: a reporter's own articles; the whole site for an editor", async () => {
    const own = await dashboard.dashboardStats(reporter, { now: NOW });
    expect(own.reach).toBe("own");
    expectDays(own.days, reporterDays);
    expect(own.totalViews).toBe([...reporterDays.values()].reduce((sum, views) => sum + views, 0));

    const site = await dashboard.dashboardStats(editor, { now: NOW });
    expect(site.reach).toBe("site");
    const siteDays = new Map(reporterDays);
    add(siteDays, today, 20);
    expectDays(site.days, siteDays);
  });

  it("top articles of the last 7 days, most views first: the reporter's own, or the whole site's", async () => {
    const own = await dashboard.dashboardStats(reporter, { now: NOW });
    // busy: 5 + 2 + 4 this week (the rolled-up day 12 days ago and the older events are outside it); quiet: 3.
    expect(own.topThisWeek).toEqual([
      { postId: busy, title: made.find((post) => post.id === busy)!.title, views: 11 },
      { postId: quiet, title: made.find((post) => post.id === quiet)!.title, views: 3 },
    ]);
    const site = await dashboard.dashboardStats(admin, { now: NOW });
    expect(site.topThisWeek.map((entry) => [entry.postId, entry.views])).toEqual([
      [othersArticle, 20],
      [busy, 11],
      [quiet, 3],
    ]);
  });
});

describe("list queries read the dashboard's indexes", () => {
  it("one author's articles by (authorId, updatedAt); everyone's by (updatedAt, id), without sorting", async () => {
    const { explain, scansTable } = await import("../support/query-plans");
    const own = await explain(db, dashboard.dashboardPageIdsQuery(reporter, { scope: "all" }, 20, 0), { discourageScans: true });
    expect(own.text).toMatch(/Post_authorId_updatedAt_idx/);
    expect(scansTable(own, "p", "Post")).toBe(false);

    const everyone = await explain(db, dashboard.dashboardPageIdsQuery(editor, { scope: "all" }, 20, 40), { discourageScans: true });
    // Walked in order from the newest change, stopping after the page: no sort of the whole table.
    expect(everyone.text).toMatch(/Post_updatedAt_id_idx/);
    if (db.engine === "sqlite") expect(everyone.text).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    else expect(everyone.nodes.some((node) => node.type === "Sort" || node.type === "Seq Scan")).toBe(false);
  });
});
