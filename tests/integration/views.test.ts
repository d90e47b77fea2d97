import { beforeAll, describe, expect, it } from "vitest";
import { countView } from "@/lib/data/views";
import { eventsPerDayQuery, topArticles, viewsPerDay } from "@/lib/data/view-stats";
import { db } from "@/lib/db";
import { createDatabase } from "@/lib/db/client";
import { ViewRecorder } from "@/lib/views/view-recorder";
import { rollUpViews } from "@/lib/views/view-rollup";
import type { ViewCountMode } from "@/lib/views/view-rules";

/**
 * View counting on the real databases: the rules, exact counts under 200 concurrent clients,
 * retention and stats. Boards and articles of their own, so no other test's numbers move.
 */
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const visitor = (n: number) => ({ ip: `10.0.${Math.floor(n / 250)}.${n % 250}`, userAgent: `${CHROME} v${n}` });

let authorId: number;
const posts: Record<ViewCountMode, number> = { once: 0, every: 0, off: 0 };
let loadPosts: number[] = [];

async function createBoard(mode: ViewCountMode, postCount: number): Promise<number[]> {
  const board = await db.board.create({ data: { slug: `views-${mode}-${Date.now().toString(36)}`, title: `조회 ${mode}`, position: 50, viewCountMode: mode } });
  const ids: number[] = [];
  for (let index = 0; index < postCount; index += 1) {
    const post = await db.post.create({
      data: { boardId: board.id, authorId, title: `조회 시험 ${mode} ${index}`, bodyHtml: "<p>본문</p>", status: "published", publishedAt: new Date() },
    });
    ids.push(post.id);
  }
  return ids;
}

const counted = async (postId: number) => {
  const [post, events, daily] = await Promise.all([
    db.post.findUniqueOrThrow({ where: { id: postId }, select: { viewCount: true } }),
    db.viewEvent.count({ where: { postId } }),
    db.viewDaily.aggregate({ where: { postId }, _sum: { views: true } }),
  ]);
  // The invariant: the counter equals the post's events plus its rolled-up days.
  expect(post.viewCount).toBe(events + (daily._sum.views ?? 0));
  return post.viewCount;
};

beforeAll(async () => {
  authorId = (await db.user.create({ data: { loginId: `views-author-${Date.now()}`, displayName: "조회 기자", passwordHash: "!" } })).id;
  [posts.once] = await createBoard("once", 1);
  [posts.every] = await createBoard("every", 1);
  [posts.off] = await createBoard("off", 1);
  loadPosts = await createBoard("once", 50);
});

describe("the counting rules", () => {
  const at = new Date("2026-11-29T03:00:00Z");

  it("the same visitor twice in a day → 1; the next day → 2", async () => {
    const postId = (await createBoard("once", 1))[0];
    expect(await countView({ postId, visitor: visitor(1), viewerUserId: null, at })).toEqual({ counted: true });
    expect(await countView({ postId, visitor: visitor(1), viewerUserId: null, at: new Date(at.getTime() + 3_600_000) })).toEqual({ counted: false, reason: "repeat" });
    expect(await counted(postId)).toBe(1);
    expect(await countView({ postId, visitor: visitor(1), viewerUserId: null, at: new Date(at.getTime() + 86_400_000) })).toEqual({ counted: true });
    expect(await counted(postId)).toBe(2);
  });

  it("a bot → 0", async () => {
    expect(await countView({ postId: posts.once, visitor: { ip: "10.9.9.9", userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" }, viewerUserId: null, at })).toEqual({ counted: false, reason: "bot" });
    expect(await counted(posts.once)).toBe(0);
  });

  it("the signed-in author → 0, another signed-in reader → 1", async () => {
    expect(await countView({ postId: posts.once, visitor: visitor(2), viewerUserId: authorId, at })).toEqual({ counted: false, reason: "author" });
    expect(await counted(posts.once)).toBe(0);
    expect(await countView({ postId: posts.once, visitor: visitor(2), viewerUserId: authorId + 1000, at })).toEqual({ counted: true });
    expect(await counted(posts.once)).toBe(1);
  });

  it("a board counting nothing → 0; a board counting every view → each", async () => {
    expect(await countView({ postId: posts.off, visitor: visitor(3), viewerUserId: null, at })).toEqual({ counted: false, reason: "off" });
    expect(await counted(posts.off)).toBe(0);
    for (let time = 0; time < 3; time += 1) {
      expect(await countView({ postId: posts.every, visitor: visitor(3), viewerUserId: null, at })).toEqual({ counted: true });
    }
    expect(await counted(posts.every)).toBe(3);
  });

  it("drafts, deleted and missing articles → nothing", async () => {
    const draft = await db.post.create({ data: { boardId: (await db.board.findFirstOrThrow()).id, authorId, title: "초안", bodyHtml: "", status: "draft" } });
    expect(await countView({ postId: draft.id, visitor: visitor(4), viewerUserId: null, at })).toEqual({ counted: false, reason: "not-found" });
    expect(await countView({ postId: 987_654_321, visitor: visitor(4), viewerUserId: null, at })).toEqual({ counted: false, reason: "not-found" });
    expect(await db.viewEvent.count({ where: { postId: draft.id } })).toBe(0);
  });
});

describe("under load", () => {
  it("200 concurrent clients, 20,000 views from 2,000 visitors over 50 articles: exactly the expected counts", async () => {
    const TOTAL = 20_000;
    const CLIENTS = 200;
    const VISITORS = 2_000;
    const at = new Date();
    // View i: visitor i mod 2000 reads article (i·7 + ⌊i/2000⌋) mod 50, so many pairs repeat.
    const views = Array.from({ length: TOTAL }, (_, i) => ({ visitor: i % VISITORS, post: loadPosts[(i * 7 + Math.floor(i / VISITORS)) % loadPosts.length] }));
    const expected = new Map<number, Set<number>>();
    for (const view of views) {
      const readers = expected.get(view.post) ?? new Set<number>();
      readers.add(view.visitor);
      expected.set(view.post, readers);
    }
    let next = 0;
    let countedViews = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < TOTAL) {
          const view = views[next++];
          const outcome = await countView({ postId: view.post, visitor: visitor(view.visitor), viewerUserId: null, at });
          if (outcome.counted) countedViews += 1;
        }
      }),
    );
    const expectedTotal = [...expected.values()].reduce((sum, readers) => sum + readers.size, 0);
    expect(countedViews).toBe(expectedTotal);
    for (const postId of loadPosts) {
      expect(await counted(postId)).toBe(expected.get(postId)?.size ?? 0);
    }
  }, 180_000);

  it("two app instances' recorders on one database, batching the same articles in opposite orders at once: no batch fails, counts exact", async () => {
    // Each instance has its own connection pool and its own recorder (lib/data/views.ts).
    const instances = [createDatabase(process.env.DATABASE_URL), createDatabase(process.env.DATABASE_URL)];
    const recorders = instances.map((database) => new ViewRecorder(database, { delayMs: 20 }));
    const targets = loadPosts.slice(0, 20);
    const at = new Date();
    const expected = new Map<number, Set<string>>();
    let countedViews = 0;
    try {
      for (let round = 0; round < 15; round++) {
        // One batch per instance: instance 0 meets the articles in ascending order, instance 1 in
        // descending; every visitor of the round reads each article through both instances.
        const views = recorders.flatMap((recorder, instance) =>
          (instance === 0 ? targets : [...targets].reverse()).flatMap((postId) =>
            Array.from({ length: 3 }, (_, n) => {
              const visitorKey = `instances-${round}-${n}`;
              expected.set(postId, (expected.get(postId) ?? new Set()).add(visitorKey));
              return recorder.record({ postId, visitorKey, bucket: "2026-11-29", at });
            }),
          ),
        );
        for (const stored of await Promise.all(views)) if (stored) countedViews += 1;
      }
    } finally {
      await Promise.all(instances.map((database) => database.$disconnect()));
    }
    expect(countedViews).toBe([...expected.values()].reduce((sum, readers) => sum + readers.size, 0));
    const events = await db.viewEvent.groupBy({ by: ["postId"], where: { postId: { in: targets }, visitorKey: { startsWith: "instances-" } }, _count: true });
    for (const postId of targets) {
      expect(events.find((row) => row.postId === postId)?._count).toBe(expected.get(postId)!.size);
      await counted(postId);
    }
  }, 120_000);
});

describe("retention", () => {
  it("rolls old events up into days without changing any count, and stats still see them", async () => {
    const [postId] = await createBoard("once", 1);
    const now = new Date("2026-11-29T03:00:00Z");
    const old = new Date("2026-06-01T03:00:00Z");
    for (let n = 0; n < 5; n += 1) await countView({ postId, visitor: visitor(100 + n), viewerUserId: null, at: old });
    for (let n = 0; n < 3; n += 1) await countView({ postId, visitor: visitor(200 + n), viewerUserId: null, at: now });
    expect(await counted(postId)).toBe(8);
    const before = await viewsPerDay({ postId }, { days: 365, now });

    const result = await rollUpViews(db, { olderThanDays: 90, now });
    expect(result.cutoffDay).toBe("2026-08-31");
    expect(result.events).toBeGreaterThanOrEqual(5);
    expect(await db.viewEvent.count({ where: { postId } })).toBe(3);
    expect(await db.viewDaily.findUnique({ where: { postId_day: { postId, day: "2026-06-01" } } })).toMatchObject({ views: 5 });
    expect(await counted(postId)).toBe(8);
    expect(await viewsPerDay({ postId }, { days: 365, now })).toEqual(before);
    // Running it again changes nothing.
    await rollUpViews(db, { olderThanDays: 90, now });
    expect(await counted(postId)).toBe(8);
  });
});

describe("stats", () => {
  it("views per day per article and top articles of the day and the week", async () => {
    const [quiet, busy] = await createBoard("once", 2);
    const now = new Date("2026-12-10T05:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    for (let n = 0; n < 4; n += 1) await countView({ postId: busy, visitor: visitor(300 + n), viewerUserId: null, at: now });
    for (let n = 0; n < 2; n += 1) await countView({ postId: busy, visitor: visitor(400 + n), viewerUserId: null, at: daysAgo(3) });
    for (let n = 0; n < 3; n += 1) await countView({ postId: quiet, visitor: visitor(500 + n), viewerUserId: null, at: daysAgo(1) });

    const perDay = await viewsPerDay({ postId: busy }, { days: 7, now });
    expect(perDay.map((entry) => entry.day)).toEqual(["2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"]);
    expect(perDay.map((entry) => entry.views)).toEqual([0, 0, 0, 2, 0, 0, 4]);
    const authorsDays = await viewsPerDay({ authorId }, { days: 7, now });
    expect(authorsDays.at(-2)).toEqual({ day: "2026-12-09", views: 3 });

    const today = await topArticles("day", { now, authorId });
    expect(today[0]).toMatchObject({ postId: busy, views: 4 });
    expect(today.map((entry) => entry.postId)).not.toContain(quiet);
    const week = await topArticles("week", { now, authorId });
    expect(week.slice(0, 2)).toMatchObject([{ postId: busy, views: 6 }, { postId: quiet, views: 3 }]);
  });
});

describe("stats queries read indexes", () => {
  it.each<[string, { postId?: number; authorId?: number }, RegExp]>([
    ["one article", { postId: 1 }, /ViewEvent_postId_createdAt_idx/],
    ["the whole site", {}, /ViewEvent_createdAt_idx/],
  ])("views per day of %s", async (_, scope, index) => {
    const query = eventsPerDayQuery(scope, "2026-11-01");
    if (db.engine === "sqlite") {
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.values);
      const text = plan.map((row) => row.detail).join("\n");
      expect(text).toMatch(index);
      expect(text).not.toMatch(/^SCAN e\b/m);
    } else {
      const plan = await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query.sql}`, ...query.values);
      });
      const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text).toMatch(index);
      expect(text).not.toMatch(/Seq Scan on "ViewEvent"/);
    }
  });
});
