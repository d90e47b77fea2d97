import "server-only";
import { db } from "@/lib/db";
import { encodeValue } from "@/lib/db/bulk-insert";
import { addDays, koreanDaySql, startOfKoreanDay } from "@/lib/views/view-days";
import { koreanDay } from "@/lib/visitors/visitor-key";

/**
 * View statistics for the dashboard, from ViewEvent (recent days, read by its createdAt and
 * (postId, createdAt) indexes) plus ViewDaily (days already rolled up). Days are Korean time.
 */

export type DailyViews = { day: string; views: number };
export type ViewScope = { postId?: number; authorId?: number };

const p = (index: number) => (db.engine === "sqlite" ? "?" : `$${index}`);

function scopeSql(scope: ViewScope, alias: string, firstParameter: number): { sql: string; values: number[] } {
  const parts: string[] = [];
  const values: number[] = [];
  let next = firstParameter;
  if (scope.postId !== undefined) {
    parts.push(`${alias}."postId" = ${p(next++)}`);
    values.push(scope.postId);
  }
  if (scope.authorId !== undefined) {
    parts.push(`${alias}."postId" IN (SELECT "id" FROM "Post" WHERE "authorId" = ${p(next++)})`);
    values.push(scope.authorId);
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(""), values };
}

type Query = { sql: string; values: (string | number | boolean | null)[] };

/** The events-per-day query of viewsPerDay (exported for the query-plan test). */
export function eventsPerDayQuery(scope: ViewScope, firstDay: string): Query {
  const day = koreanDaySql(db.engine, `e."createdAt"`);
  const eventScope = scopeSql(scope, "e", 2);
  return {
    sql: `SELECT ${day} AS "day", COUNT(*) AS "views" FROM "ViewEvent" e WHERE e."createdAt" >= ${p(1)}${eventScope.sql} GROUP BY ${day}`,
    values: [encodeValue(db, startOfKoreanDay(firstDay)), ...eventScope.values],
  };
}

/** Views per day over the last `days` days up to today, oldest first, days without views as 0. */
export async function viewsPerDay(scope: ViewScope, { days = 30, now = new Date() }: { days?: number; now?: Date } = {}): Promise<DailyViews[]> {
  const today = koreanDay(now);
  const firstDay = addDays(today, -(days - 1));
  const dailyScope = scopeSql(scope, "d", 2);
  const eventsQuery = eventsPerDayQuery(scope, firstDay);
  const [events, rolled] = await Promise.all([
    db.$queryRawUnsafe<{ day: string; views: number | bigint }[]>(eventsQuery.sql, ...eventsQuery.values),
    db.$queryRawUnsafe<{ day: string; views: number | bigint }[]>(
      `SELECT d."day" AS "day", SUM(d."views") AS "views" FROM "ViewDaily" d WHERE d."day" >= ${p(1)}${dailyScope.sql} GROUP BY d."day"`,
      firstDay,
      ...dailyScope.values,
    ),
  ]);
  const totals = new Map<string, number>();
  for (const row of [...events, ...rolled]) totals.set(row.day, (totals.get(row.day) ?? 0) + Number(row.views));
  return Array.from({ length: days }, (_, index) => {
    const date = addDays(firstDay, index);
    return { day: date, views: totals.get(date) ?? 0 };
  });
}

export type TopArticle = { postId: number; title: string; views: number };

/** The most-read articles of today ("day") or the last 7 days ("week"), most views first. */
export async function topArticles(
  period: "day" | "week",
  { limit = 10, now = new Date(), authorId }: { limit?: number; now?: Date; authorId?: number } = {},
): Promise<TopArticle[]> {
  const firstDay = addDays(koreanDay(now), period === "day" ? 0 : -6);
  const since = encodeValue(db, startOfKoreanDay(firstDay));
  const eventScope = scopeSql({ authorId }, "e", 2);
  const dailyScope = scopeSql({ authorId }, "d", 2);
  const [events, rolled] = await Promise.all([
    db.$queryRawUnsafe<{ postId: number | bigint; views: number | bigint }[]>(
      `SELECT e."postId" AS "postId", COUNT(*) AS "views" FROM "ViewEvent" e WHERE e."createdAt" >= ${p(1)}${eventScope.sql} GROUP BY e."postId"`,
      since,
      ...eventScope.values,
    ),
    db.$queryRawUnsafe<{ postId: number | bigint; views: number | bigint }[]>(
      `SELECT d."postId" AS "postId", SUM(d."views") AS "views" FROM "ViewDaily" d WHERE d."day" >= ${p(1)}${dailyScope.sql} GROUP BY d."postId"`,
      firstDay,
      ...dailyScope.values,
    ),
  ]);
  const totals = new Map<number, number>();
  for (const row of [...events, ...rolled]) totals.set(Number(row.postId), (totals.get(Number(row.postId)) ?? 0) + Number(row.views));
  const top = [...totals].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, limit);
  const posts = await db.post.findMany({ where: { id: { in: top.map(([postId]) => postId) } }, select: { id: true, title: true } });
  const titles = new Map(posts.map((post) => [post.id, post.title]));
  return top.map(([postId, views]) => ({ postId, title: titles.get(postId) ?? "", views }));
}
