import "server-only";
import { actsOnAnyArticle, canOnArticle, type Actor } from "@/lib/auth/permissions";
import { clampPage, pageCountOf } from "@/lib/board/pagination";
import { db } from "@/lib/db";
import { join, raw, sql, type Sql } from "@/lib/db/sql";
import { isPostStatus, POST_STATUSES, type PostStatus } from "@/lib/posts/post-status";
import { DASHBOARD_POSTS_PER_PAGE, normalizeTitleSearch, type PostListScope } from "@/lib/validations/dashboard";
import { containsPattern } from "./list-query";
import { topArticles, viewsPerDay, type DailyViews, type TopArticle } from "./view-stats";

/**
 * The dashboard's reads: the article lists (home's 내 기사 and 기사 목록) and the view statistics.
 * Every function takes the signed-in actor and decides itself what the actor may see
 * (lib/auth/permissions.ts): reporters only ever get their own articles, whatever they ask for;
 * editors and admins may see everyone's, deleted articles included.
 */

export type DashboardPostRow = {
  id: number;
  title: string;
  status: PostStatus;
  board: { slug: string; title: string };
  authorName: string;
  viewCount: number;
  commentCount: number;
  updatedAt: Date;
  publishedAt: Date | null;
};

export type DashboardPostFilter = {
  scope: PostListScope;
  /** One status, or undefined for every status but deleted. */
  status?: PostStatus;
  /** Words the title contains (any case); "" or undefined for no search. */
  q?: string;
};

export type DashboardPostList = {
  rows: DashboardPostRow[];
  /** Rows in the whole list. */
  total: number;
  /** The page shown: the one asked for, brought into 1…pageCount. */
  page: number;
  pageCount: number;
  perPage: number;
  /** True when the list holds only the actor's own articles (a reporter, or scope "mine"). */
  ownOnly: boolean;
};

/** Whether a list of this scope holds only the actor's own articles. */
export function listsOwnArticlesOnly(actor: Actor, scope: PostListScope): boolean {
  return scope === "mine" || !actsOnAnyArticle(actor.role);
}

const rowFields = {
  id: true,
  title: true,
  status: true,
  viewCount: true,
  commentCount: true,
  updatedAt: true,
  publishedAt: true,
  board: { select: { slug: true, title: true } },
  author: { select: { displayName: true } },
} as const;

type RowRecord = Omit<DashboardPostRow, "status" | "authorName"> & { status: string; author: { displayName: string } };

function toRow({ author, status, ...record }: RowRecord): DashboardPostRow {
  // Statuses are written through lib/validations; an unknown one reads as a draft (never public).
  return { ...record, status: isPostStatus(status) ? status : "draft", authorName: author.displayName };
}

/**
 * The WHERE conditions of a list: whose articles, which status (unless `withStatus` is false,
 * for the per-status counts) and the title search, a case-insensitive substring with LIKE's
 * pattern characters escaped. The search is a scan of the rows the other conditions leave,
 * which the (authorId, updatedAt) index keeps small for a reporter; the keyword is bounded
 * (DASHBOARD_SEARCH_MAX).
 */
function listConditions(actor: Actor, filter: DashboardPostFilter, { withStatus = true } = {}): Sql {
  const conditions: Sql[] = [];
  if (listsOwnArticlesOnly(actor, filter.scope)) conditions.push(sql`p."authorId" = ${actor.id}`);
  if (withStatus) {
    conditions.push(filter.status && isPostStatus(filter.status) ? sql`p."status" = ${filter.status}` : sql`p."status" <> 'deleted'`);
  }
  const keyword = normalizeTitleSearch(filter.q ?? "");
  if (keyword) conditions.push(sql`LOWER(p."title") LIKE ${containsPattern(keyword)} ESCAPE '\\'`);
  return conditions.length > 0 ? sql`WHERE ${join(conditions, " AND ")}` : raw("");
}

/** The rows of the given ids, in the order of the ids. */
async function rowsByIds(postIds: number[]): Promise<DashboardPostRow[]> {
  if (postIds.length === 0) return [];
  const records = await db.post.findMany({ where: { id: { in: postIds } }, select: rowFields });
  const byId = new Map(records.map((record) => [record.id, toRow(record)]));
  return postIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The ids of one slice of a list, newest change first (ties: newest id first): read off the
 * (authorId, updatedAt) index for one author's articles, the (updatedAt, id) index for everyone's.
 * Exported for the query-plan test.
 */
export function dashboardPageIdsQuery(actor: Actor, filter: DashboardPostFilter, limit: number, offset: number): Sql {
  return sql`SELECT p."id" FROM "Post" p ${listConditions(actor, filter)} ORDER BY p."updatedAt" DESC, p."id" DESC LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * One page of the actor's article list, newest change first (ties: newest id first), 20 a page.
 * A page past the end shows the last page.
 */
export async function listDashboardPosts(actor: Actor, { scope, status, q, page }: DashboardPostFilter & { page: number }): Promise<DashboardPostList> {
  const filter = { scope, status, q };
  const [{ count }] = await db.$queryRaw<{ count: number | bigint }[]>(sql`SELECT COUNT(*) AS "count" FROM "Post" p ${listConditions(actor, filter)}`);
  const total = Number(count);
  const pageCount = pageCountOf(total, DASHBOARD_POSTS_PER_PAGE);
  const current = clampPage(Number.isSafeInteger(page) ? page : 1, pageCount);
  const ids =
    total === 0
      ? []
      : await db.$queryRaw<{ id: number | bigint }[]>(dashboardPageIdsQuery(actor, filter, DASHBOARD_POSTS_PER_PAGE, (current - 1) * DASHBOARD_POSTS_PER_PAGE));
  return {
    rows: await rowsByIds(ids.map((row) => Number(row.id))),
    total,
    page: current,
    pageCount,
    perPage: DASHBOARD_POSTS_PER_PAGE,
    ownOnly: listsOwnArticlesOnly(actor, scope),
  };
}

export type PostStatusCounts = Record<PostStatus, number>;

/** How many articles of each status a list holds (the same scope and search, every status). */
export async function countDashboardPostsByStatus(actor: Actor, { scope, q }: Omit<DashboardPostFilter, "status">): Promise<PostStatusCounts> {
  const where = listConditions(actor, { scope, q }, { withStatus: false });
  const rows = await db.$queryRaw<{ status: string; count: number | bigint }[]>(
    sql`SELECT p."status" AS "status", COUNT(*) AS "count" FROM "Post" p ${where} GROUP BY p."status"`,
  );
  const counts = Object.fromEntries(POST_STATUSES.map((status) => [status, 0])) as PostStatusCounts;
  for (const row of rows) if (isPostStatus(row.status)) counts[row.status] = Number(row.count);
  return counts;
}

/** Days of the views chart. */
export const STATS_DAYS = 30;
/** Articles in "top this week". */
export const TOP_ARTICLES_LIMIT = 10;

const sumViews = (days: DailyViews[]) => days.reduce((sum, day) => sum + day.views, 0);

export type OverallStats = {
  ok: true;
  kind: "overall";
  /** "own": the reporter's own articles; "site": every article (editors and admins). */
  reach: "own" | "site";
  /** The last STATS_DAYS Korean days, oldest first, today last; days without views are 0. */
  days: DailyViews[];
  totalViews: number;
  /** The most-read articles of the last 7 Korean days, most views first. */
  topThisWeek: TopArticle[];
};

export type ArticleStats = {
  ok: true;
  kind: "article";
  article: DashboardPostRow;
  days: DailyViews[];
  totalViews: number;
  /** Views in the last 7 Korean days (today included). */
  weekViews: number;
};

export type StatsRefusal = { ok: false; reason: "not-found" | "forbidden" };

export type DashboardStats = OverallStats | ArticleStats | StatsRefusal;

/**
 * Views per day over the last 30 Korean days, from ViewEvent plus its ViewDaily rollups:
 * for one article (when the actor may see its stats), or overall (a reporter's own articles,
 * or the whole site for editors and admins) with the week's most-read articles.
 */
export async function dashboardStats(actor: Actor, options?: { now?: Date }): Promise<OverallStats>;
export async function dashboardStats(actor: Actor, options: { postId: number; now?: Date }): Promise<ArticleStats | StatsRefusal>;
export async function dashboardStats(actor: Actor, { postId, now = new Date() }: { postId?: number; now?: Date } = {}): Promise<DashboardStats> {
  if (postId !== undefined) {
    if (!Number.isSafeInteger(postId) || postId <= 0) return { ok: false, reason: "not-found" };
    const post = await db.post.findUnique({ where: { id: postId }, select: { ...rowFields, authorId: true } });
    if (!post) return { ok: false, reason: "not-found" };
    if (!canOnArticle(actor, "view-stats", post)) return { ok: false, reason: "forbidden" };
    const { authorId: _authorId, ...record } = post;
    const days = await viewsPerDay({ postId }, { days: STATS_DAYS, now });
    return { ok: true, kind: "article", article: toRow(record), days, totalViews: sumViews(days), weekViews: sumViews(days.slice(-7)) };
  }
  const reach = actsOnAnyArticle(actor.role) ? "site" : "own";
  const authorId = reach === "own" ? actor.id : undefined;
  const [days, topThisWeek] = await Promise.all([
    viewsPerDay({ authorId }, { days: STATS_DAYS, now }),
    topArticles("week", { limit: TOP_ARTICLES_LIMIT, now, authorId }),
  ]);
  return { ok: true, kind: "overall", reach, days, totalViews: sumViews(days), topThisWeek };
}
