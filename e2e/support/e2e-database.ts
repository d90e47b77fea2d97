/**
 * The e2e server's throwaway database, for specs that must look behind the page (a view
 * counter, a title changed without revalidating the cache). serve-throwaway.ts writes the
 * database's URL to a file named after the server's port while it serves, and removes it when
 * it stops; a spec opens it with `openE2eDatabase(baseURL)`.
 *
 * Plain SQL through the drivers, not the app's Prisma client: Playwright's loader cannot load
 * the generated client (an ES module), and a spec needs only a column or two.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Client } from "pg";
import { engineOf, sqliteFilePath } from "../../lib/db/engine";

export function databaseUrlFile(port: string | number): string {
  return path.join(os.tmpdir(), `newsroom-e2e-${port}.database-url`);
}

export type E2ePost = { title: string; viewCount: number; commentCount: number };

export type E2eDatabase = {
  post(postId: number): Promise<E2ePost>;
  /** Changes a title in the database only: no search document, no cache revalidation. */
  setPostTitle(postId: number, title: string): Promise<void>;
  /** Moves a scheduled article's publication time to a moment ago, as if its time had come. */
  makeScheduledPostDue(postId: number): Promise<void>;
  close(): Promise<void>;
};

const SELECT_POST = 'SELECT "title", "viewCount", "commentCount" FROM "Post" WHERE "id" = ';
const UPDATE_TITLE = 'UPDATE "Post" SET "title" = ';
const UPDATE_PUBLISHED_AT = 'UPDATE "Post" SET "publishedAt" = ';
/** A moment ago, as Prisma stores DateTime in SQLite (ISO text with an explicit offset). */
const momentAgoSqlite = () => new Date(Date.now() - 1000).toISOString().replace("Z", "+00:00");

function found(row: E2ePost | undefined, postId: number): E2ePost {
  if (!row) throw new Error(`No post ${postId}`);
  return { title: row.title, viewCount: Number(row.viewCount), commentCount: Number(row.commentCount) };
}

/** The database behind the e2e server at `baseURL`. */
export async function openE2eDatabase(baseURL: string): Promise<E2eDatabase> {
  const file = databaseUrlFile(new URL(baseURL).port);
  let url: string;
  try {
    url = readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`No database URL in ${file}: is the e2e server (e2e/support/serve-throwaway.ts) running?`);
  }
  if (engineOf(url) === "sqlite") {
    const sqlite = new BetterSqlite3(sqliteFilePath(url), { timeout: 5_000 });
    return {
      post: async (postId) => found(sqlite.prepare(`${SELECT_POST}?`).get(postId) as E2ePost | undefined, postId),
      setPostTitle: async (postId, title) => void sqlite.prepare(`${UPDATE_TITLE}? WHERE "id" = ?`).run(title, postId),
      makeScheduledPostDue: async (postId) =>
        void sqlite.prepare(`${UPDATE_PUBLISHED_AT}? WHERE "id" = ? AND "status" = 'scheduled'`).run(momentAgoSqlite(), postId),
      close: async () => void sqlite.close(),
    };
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    post: async (postId) => found((await client.query<E2ePost>(`${SELECT_POST}$1`, [postId])).rows[0], postId),
    setPostTitle: async (postId, title) => void (await client.query(`${UPDATE_TITLE}$1 WHERE "id" = $2`, [title, postId])),
    makeScheduledPostDue: async (postId) =>
      void (await client.query(`${UPDATE_PUBLISHED_AT}(now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "id" = $1 AND "status" = 'scheduled'`, [postId])),
    close: () => client.end(),
  };
}
