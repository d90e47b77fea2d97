/**
 * Retention: ViewEvents older than N days become daily counts in ViewDaily, and the events go.
 * viewCount does not change (it equals events + daily views before and after), and stats keep
 * every day. One transaction: a crash leaves either all of it or none.
 */
import type { Database } from "../db/client";
import { encodeValue } from "../db/bulk-insert";
import { koreanDay } from "../visitors/visitor-key";
import { addDays, koreanDaySql, startOfKoreanDay } from "./view-days";

export type RollupResult = { cutoffDay: string; events: number };

export async function rollUpViews(database: Database, { olderThanDays, now = new Date() }: { olderThanDays: number; now?: Date }): Promise<RollupResult> {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 1) throw new Error("olderThanDays must be a whole number of at least 1");
  // Whole Korean days only: events from the cutoff day on stay events.
  const cutoffDay = addDays(koreanDay(now), -olderThanDays);
  const cutoff = encodeValue(database, startOfKoreanDay(cutoffDay));
  const sqlite = database.engine === "sqlite";
  const p = (index: number) => (sqlite ? "?" : `$${index}`);
  const day = koreanDaySql(database.engine, `"createdAt"`);
  const events = await database.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO "ViewDaily" ("postId", "day", "views") ` +
        `SELECT "postId", ${day}, COUNT(*) FROM "ViewEvent" WHERE "createdAt" < ${p(1)} GROUP BY "postId", ${day} ` +
        `ON CONFLICT ("postId", "day") DO UPDATE SET "views" = "ViewDaily"."views" + ${sqlite ? "excluded" : "EXCLUDED"}."views"`,
      cutoff,
    );
    return tx.$executeRawUnsafe(`DELETE FROM "ViewEvent" WHERE "createdAt" < ${p(1)}`, cutoff);
  }, { maxWait: 10_000, timeout: 600_000 });
  return { cutoffDay, events };
}
