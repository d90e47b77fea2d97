import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { siteSecret } from "@/lib/data/site-secrets";
import { isViewCountMode, judgeView, viewBucket, type ViewCountMode } from "@/lib/views/view-rules";
import { ViewRecorder } from "@/lib/views/view-recorder";
import { visitorKey, type VisitorSignals } from "@/lib/visitors/visitor-key";

/**
 * Counting a view: the rules (lib/views/view-rules.ts) decide whether it counts, the visitor
 * key and the day decide its dedupe window, and the recorder stores it with the counter in one
 * transaction. Called by the view beacon's route handler, never by the article page, so the
 * page itself can be served from a cache and every view still counts.
 */

type ViewTarget = { boardMode: ViewCountMode; authorId: number };

/** Articles' count settings, kept briefly so a burst of views does not read them each time. */
const TARGET_TTL_MS = 30_000;
const targets = new Map<number, { target: ViewTarget | null; expires: number }>();

async function viewTarget(postId: number, now: number): Promise<ViewTarget | null> {
  const cached = targets.get(postId);
  if (cached && cached.expires > now) return cached.target;
  const post = await db.post.findFirst({
    where: { id: postId, status: "published" },
    select: { authorId: true, board: { select: { viewCountMode: true } } },
  });
  const mode = post?.board.viewCountMode ?? "off";
  const target = post ? { boardMode: isViewCountMode(mode) ? mode : "once", authorId: post.authorId } : null;
  if (targets.size > 10_000) targets.clear();
  targets.set(postId, { target, expires: now + TARGET_TTL_MS });
  return target;
}

const globalForViews = globalThis as unknown as { newsroomViewRecorder?: ViewRecorder };

function recorder(): ViewRecorder {
  if (!globalForViews.newsroomViewRecorder) {
    const created = new ViewRecorder(db);
    globalForViews.newsroomViewRecorder = created;
    // Write what is queued before the process goes (views waiting in a batch are not yet acknowledged).
    process.once("SIGTERM", () => void created.flush());
  }
  return globalForViews.newsroomViewRecorder;
}

export type ViewOutcome =
  | { counted: true }
  | { counted: false; reason: "not-found" | "off" | "bot" | "author" | "repeat" };

export type ViewRequest = {
  postId: number;
  visitor: VisitorSignals;
  /** The signed-in reader's id, when there is a session. */
  viewerUserId: number | null;
  at?: Date;
};

export async function countView({ postId, visitor, viewerUserId, at = new Date() }: ViewRequest): Promise<ViewOutcome> {
  if (!Number.isSafeInteger(postId) || postId < 1) return { counted: false, reason: "not-found" };
  const target = await viewTarget(postId, at.getTime());
  if (!target) return { counted: false, reason: "not-found" };
  const verdict = judgeView({ mode: target.boardMode, userAgent: visitor.userAgent, viewerUserId, authorId: target.authorId });
  if (!verdict.counts) return { counted: false, reason: verdict.reason };
  const mode = target.boardMode === "every" ? "every" : "once";
  const key = visitorKey(await siteSecret("visitor"), visitor, at);
  const counted = await recorder().record({ postId, visitorKey: key, bucket: viewBucket(mode, at, randomUUID), at });
  return counted ? { counted: true } : { counted: false, reason: "repeat" };
}

/** Forgets cached count settings (after a board's view-count mode changes). */
export function forgetViewTargets(): void {
  targets.clear();
}
