/**
 * When a view counts, and which dedupe window it falls in. Pure rules, unit-tested; the data
 * layer (lib/data/views.ts) applies them.
 *
 * Per board, as Rhymix does: "every" counts every view, "once" counts one view per visitor per
 * article per window (default), "off" counts nothing. Bots and the logged-in author never count.
 */
import { isbot } from "isbot";
import { koreanDay } from "../visitors/visitor-key";

export const VIEW_COUNT_MODES = ["every", "once", "off"] as const;
export type ViewCountMode = (typeof VIEW_COUNT_MODES)[number];

export function isViewCountMode(value: string): value is ViewCountMode {
  return (VIEW_COUNT_MODES as readonly string[]).includes(value);
}

export type ViewContext = {
  mode: ViewCountMode;
  userAgent: string;
  /** The signed-in reader, if any. */
  viewerUserId: number | null;
  authorId: number;
};

export type ViewVerdict = { counts: true } | { counts: false; reason: "off" | "bot" | "author" };

export function judgeView(context: ViewContext): ViewVerdict {
  if (context.mode === "off") return { counts: false, reason: "off" };
  // An empty user agent is no browser either.
  if (!context.userAgent.trim() || isbot(context.userAgent)) return { counts: false, reason: "bot" };
  if (context.viewerUserId !== null && context.viewerUserId === context.authorId) return { counts: false, reason: "author" };
  return { counts: true };
}

/**
 * The dedupe window of a view: in "once" mode the Korean-time day (the visitor key's salt
 * rotates daily too, so one visitor is one key within exactly this window); in "every" mode a
 * value no other view shares.
 */
export function viewBucket(mode: Exclude<ViewCountMode, "off">, at: Date, unique: () => string): string {
  return mode === "once" ? koreanDay(at) : `every:${at.getTime().toString(36)}:${unique()}`;
}
