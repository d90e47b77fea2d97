import "server-only";
import { db } from "@/lib/db";

/**
 * Sends one PostgreSQL NOTIFY on the app's connection pool (lib/cache/cross-instance-revalidation.ts
 * decides what and when). PostgreSQL only: pg_notify does not exist on SQLite.
 */
export async function sendCacheInvalidationNotice(channel: string, payload: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}
