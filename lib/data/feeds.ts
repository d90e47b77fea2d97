import "server-only";
import { db } from "@/lib/db";
import { raw, sql } from "@/lib/db/sql";
import { toUploadedImage, type UploadedImage } from "@/lib/data/media";

/**
 * Reads for the site's publishing outputs: RSS/Atom feeds, sitemaps, the Google News sitemap
 * and the generated link-preview image. Only published articles are ever read here (drafts,
 * scheduled, unpublished and deleted articles have other statuses), as lib/data/posts.ts does
 * for the pages. Each read is an index range, so a million articles cost no OFFSET scan and no
 * sort: the feeds and the news sitemap walk each board's list index
 * (boardId, status, isNotice, publishedAt, id) from its newest end, once for its notices and
 * once for the rest, and merge the few rows they read (there is no index on
 * (status, publishedAt): it drew the planners off the list indexes, see
 * lib/data/scheduled-posts.ts); the article sitemaps read primary-key ranges.
 */

const PUBLISHED = "published";

/** How many articles a feed holds. */
export const FEED_SIZE = 50;
/** Google News reads at most 1,000 URLs per news sitemap. */
export const NEWS_SITEMAP_MAX = 1_000;

/** An article as feeds show it. */
export type FeedArticle = {
  id: number;
  boardSlug: string;
  boardTitle: string;
  title: string;
  subtitle: string;
  bodyHtml: string;
  authorName: string;
  publishedAt: Date;
  updatedAt: Date;
  isNotice: boolean;
  leadImage: UploadedImage | null;
  /** In the order the writer gave them. */
  tags: string[];
};

const feedFields = {
  id: true,
  title: true,
  subtitle: true,
  bodyHtml: true,
  publishedAt: true,
  updatedAt: true,
  isNotice: true,
  board: { select: { slug: true, title: true } },
  author: { select: { displayName: true } },
  leadImage: { select: { id: true, key: true, width: true, height: true, widths: true, alt: true } },
  tags: { select: { tag: { select: { name: true } } }, orderBy: { position: "asc" } },
} as const;

type FeedRecord = {
  id: number;
  title: string;
  subtitle: string;
  bodyHtml: string;
  publishedAt: Date | null;
  updatedAt: Date;
  isNotice: boolean;
  board: { slug: string; title: string };
  author: { displayName: string };
  leadImage: { id: number; key: string; width: number; height: number; widths: string; alt: string } | null;
  tags: { tag: { name: string } }[];
};

function toFeedArticle(record: FeedRecord): FeedArticle {
  return {
    id: record.id,
    boardSlug: record.board.slug,
    boardTitle: record.board.title,
    title: record.title,
    subtitle: record.subtitle,
    bodyHtml: record.bodyHtml,
    authorName: record.author.displayName,
    publishedAt: record.publishedAt ?? new Date(0),
    updatedAt: record.updatedAt,
    isNotice: record.isNotice,
    leadImage: record.leadImage ? toUploadedImage(record.leadImage) : null,
    tags: record.tags.map((entry) => entry.tag.name),
  };
}

const newestFirst = [{ publishedAt: "desc" as const }, { id: "desc" as const }];

type Stamped = { id: number; publishedAt: Date | null };
const time = (row: Stamped) => row.publishedAt?.getTime() ?? 0;
const byNewest = (a: Stamped, b: Stamped) => time(b) - time(a) || b.id - a.id;

async function allBoardIds(): Promise<number[]> {
  return (await db.board.findMany({ select: { id: true } })).map((board) => board.id);
}

/**
 * The ids of the newest `limit` published articles of the given boards, newest first (ties by
 * id): the newest `limit` of each board's notices and of its other articles, each one range of
 * the board's list index read from its newest end (only id and publishedAt, which the index
 * holds), merged here.
 */
async function newestPublishedIds(boardIds: number[], limit: number): Promise<number[]> {
  const ranges = await Promise.all(
    boardIds.flatMap((boardId) =>
      [false, true].map((notice) =>
        db.post.findMany({ where: { boardId, status: PUBLISHED, isNotice: notice }, orderBy: newestFirst, take: limit, select: { id: true, publishedAt: true } }),
      ),
    ),
  );
  return ranges.flat().sort(byNewest).slice(0, limit).map((row) => row.id);
}

/**
 * The newest published articles, newest first: of one board, or of the whole site (boardId
 * null). Notices are published articles and are in the feed in their publication order (a feed
 * pins nothing).
 */
export async function latestArticles(boardId: number | null, limit = FEED_SIZE): Promise<FeedArticle[]> {
  const ids = await newestPublishedIds(boardId === null ? await allBoardIds() : [boardId], limit);
  if (ids.length === 0) return [];
  const records = await db.post.findMany({ where: { id: { in: ids }, status: PUBLISHED }, select: feedFields });
  return records.map(toFeedArticle).sort(byNewest);
}

/** One article sitemap: the published articles whose ids fall in one range of `size` ids. */
export type SitemapChunk = { index: number; count: number; lastModified: Date | null };

/** A DateTime as a raw query returns it: a Date (PostgreSQL) or stored text/number (SQLite). */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(typeof value === "bigint" ? Number(value) : (value as string | number));
  return Number.isNaN(date.getTime()) ? null : date;
}

function checkChunkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`Bad sitemap chunk size: ${size}`);
}

/**
 * The article sitemaps that hold something: chunk k holds the published articles with ids
 * k·size+1 … (k+1)·size, so it never holds more than `size` URLs, and an article stays in the
 * same chunk for good (its chunk's lastmod moves when it changes, not every chunk after it).
 * One grouped pass over the published articles gives each chunk's count and newest change;
 * the index is cached (app/sitemap.xml), so that pass runs about once an hour.
 */
export async function listSitemapChunks(size: number): Promise<SitemapChunk[]> {
  checkChunkSize(size);
  const rows = await db.$queryRaw<{ chunk: number | bigint; count: number | bigint; lastModified: unknown }[]>(
    sql`SELECT ("id" - 1) / ${raw(String(size))} AS "chunk", COUNT(*) AS "count", MAX("updatedAt") AS "lastModified"
        FROM "Post" WHERE "status" = ${PUBLISHED} GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((row) => ({ index: Number(row.chunk), count: Number(row.count), lastModified: toDate(row.lastModified) }));
}

/** An article as a sitemap lists it. */
export type SitemapArticle = { id: number; boardSlug: string; lastModified: Date; image: UploadedImage | null };

/** Lead images are read in batches of this many ids (well under either engine's bound-parameter limit). */
const IMAGE_BATCH = 5_000;

/** The published articles of article sitemap `index` (listSitemapChunks), in id order: one primary-key range. */
export async function sitemapChunkArticles(index: number, size: number): Promise<SitemapArticle[]> {
  checkChunkSize(size);
  if (!Number.isSafeInteger(index) || index < 0) return [];
  const records = await db.post.findMany({
    where: { status: PUBLISHED, id: { gte: index * size + 1, lte: (index + 1) * size } },
    orderBy: { id: "asc" },
    select: { id: true, updatedAt: true, boardId: true, leadImageId: true },
  });
  if (records.length === 0) return [];
  const boards = new Map((await db.board.findMany({ select: { id: true, slug: true } })).map((board) => [board.id, board.slug]));
  const imageIds = [...new Set(records.flatMap((record) => (record.leadImageId === null ? [] : [record.leadImageId])))];
  const images = new Map<number, UploadedImage>();
  for (let start = 0; start < imageIds.length; start += IMAGE_BATCH) {
    const rows = await db.mediaImage.findMany({
      where: { id: { in: imageIds.slice(start, start + IMAGE_BATCH) } },
      select: { id: true, key: true, width: true, height: true, widths: true, alt: true },
    });
    for (const row of rows) images.set(row.id, toUploadedImage(row));
  }
  return records.flatMap((record) => {
    const boardSlug = boards.get(record.boardId);
    if (!boardSlug) return [];
    const image = record.leadImageId === null ? null : (images.get(record.leadImageId) ?? null);
    return [{ id: record.id, boardSlug, lastModified: record.updatedAt, image }];
  });
}

/** The boards, for the sitemap of list pages: menu order, with their newest publication. */
export async function sitemapBoards(): Promise<{ slug: string; lastPublishedAt: Date | null }[]> {
  const boards = await db.board.findMany({ select: { id: true, slug: true }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return Promise.all(
    boards.map(async (board) => {
      const newest = await db.post.findFirst({
        where: { boardId: board.id, status: PUBLISHED, isNotice: false },
        orderBy: newestFirst,
        select: { publishedAt: true },
      });
      return { slug: board.slug, lastPublishedAt: newest?.publishedAt ?? null };
    }),
  );
}

/** An article as the Google News sitemap lists it. */
export type NewsArticle = { id: number; boardSlug: string; title: string; publishedAt: Date };

/**
 * Published news articles (not notices: they are announcements about the site, not news)
 * published since `since` and not after `now`, newest first, at most NEWS_SITEMAP_MAX.
 */
export async function recentNewsArticles(since: Date, now: Date, limit = NEWS_SITEMAP_MAX): Promise<NewsArticle[]> {
  const boards = await db.board.findMany({ select: { id: true, slug: true } });
  const slugs = new Map(boards.map((board) => [board.id, board.slug]));
  // Each board's range of its list index (notices left out), merged.
  const ranges = await Promise.all(
    boards.map((board) =>
      db.post.findMany({
        where: { boardId: board.id, status: PUBLISHED, isNotice: false, publishedAt: { gte: since, lte: now } },
        orderBy: newestFirst,
        take: limit,
        select: { id: true, boardId: true, title: true, publishedAt: true },
      }),
    ),
  );
  return ranges
    .flat()
    .sort(byNewest)
    .slice(0, limit)
    .map((record) => ({ id: record.id, boardSlug: slugs.get(record.boardId)!, title: record.title, publishedAt: record.publishedAt ?? now }));
}

/** What the generated link-preview image shows of an article. */
export type ArticleCard = { id: number; title: string; boardTitle: string; authorName: string; publishedAt: Date };

/** A published article's card for its generated image, or null (drafts, scheduled, deleted, unknown ids). */
export async function findArticleCard(postId: number): Promise<ArticleCard | null> {
  if (!Number.isSafeInteger(postId) || postId < 1) return null;
  const record = await db.post.findFirst({
    where: { id: postId, status: PUBLISHED },
    select: { id: true, title: true, publishedAt: true, board: { select: { title: true } }, author: { select: { displayName: true } } },
  });
  if (!record) return null;
  return {
    id: record.id,
    title: record.title,
    boardTitle: record.board.title,
    authorName: record.author.displayName,
    publishedAt: record.publishedAt ?? new Date(0),
  };
}
