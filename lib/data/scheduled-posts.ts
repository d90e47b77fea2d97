import "server-only";
import { forgetBoardLists } from "@/lib/board/board-memory";
import { db } from "@/lib/db";

/**
 * Scheduled articles publish themselves: status 'scheduled' with publishedAt in the future
 * becomes 'published' once that time has come. lib/publishing/scheduler.ts asks when the next
 * one is due and has publishDuePosts run then (in a request, so it can revalidate the pages).
 * Several app instances may race to publish the same article: the update is conditional on
 * the status (on PostgreSQL the second UPDATE waits for the first and then finds the row no
 * longer 'scheduled'), so each article is published once, and only the instance whose update
 * published it gets it back, to revalidate its pages everywhere
 * (app/api/internal/publish-due).
 */

export type PublishedPost = { id: number; boardSlug: string };

/**
 * Every board's id. The reads below name them all, so each engine reads the boards' list
 * indexes (boardId, status, …, publishedAt), where status = 'scheduled' is an equality,
 * instead of scanning the articles.
 */
async function allBoardIds(): Promise<number[]> {
  return (await db.board.findMany({ select: { id: true } })).map((board) => board.id);
}

export async function publishDuePosts(now = new Date()): Promise<PublishedPost[]> {
  const published = await db.post.updateManyAndReturn({
    where: { boardId: { in: await allBoardIds() }, status: "scheduled", publishedAt: { lte: now } },
    data: { status: "published" },
    select: { id: true, board: { select: { slug: true } } },
  });
  for (const post of published) forgetBoardLists(post.board.slug);
  return published.map((post) => ({ id: post.id, boardSlug: post.board.slug }));
}

/** When the next scheduled article is due, or null when none is waiting. */
export async function nextScheduledTime(): Promise<Date | null> {
  const next = await db.post.findFirst({
    where: { boardId: { in: await allBoardIds() }, status: "scheduled" },
    orderBy: { publishedAt: "asc" },
    select: { publishedAt: true },
  });
  return next?.publishedAt ?? null;
}
