import "server-only";
import { createDatabase, type Database } from "./client";

/**
 * The app's database client: one per server process, kept across hot reloads in development.
 * Import it only from lib/data; pages and actions call the data layer, never Prisma.
 */
const globalForDatabase = globalThis as unknown as { newsroomDatabase?: Database };

export const db: Database = (globalForDatabase.newsroomDatabase ??= createDatabase());

export type { Database } from "./client";
