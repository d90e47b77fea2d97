/**
 * Korean-time days in SQL, for grouping and cutting ViewEvents by day on either engine.
 * Timestamps are stored in UTC (Prisma's forms: ISO text on SQLite, timestamp(3) on PostgreSQL).
 */
import type { DatabaseEngine } from "../db/engine";

/** SQL for the Korean-time day ("2026-11-29") of a timestamp column. */
export function koreanDaySql(engine: DatabaseEngine, column: string): string {
  return engine === "sqlite" ? `date(${column}, '+9 hours')` : `to_char(${column} + interval '9 hours', 'YYYY-MM-DD')`;
}

/** The moment a Korean-time day starts, "2026-11-29" → 2026-11-28T15:00:00Z. */
export function startOfKoreanDay(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}

/** The Korean-time day `offset` days from `day`. */
export function addDays(day: string, offset: number): string {
  return new Date(startOfKoreanDay(day).getTime() + offset * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
}
