/**
 * The e2e server's throwaway database, for specs that must look behind the page (a view
 * counter, a title changed without revalidating the cache, an article made long or made a
 * draft). serve-throwaway.ts writes the database's URL to a file named after the server's port
 * while it serves, and removes it when it stops; a spec opens it with `openE2eDatabase(baseURL)`.
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
export type E2ePostContent = { subtitle: string; bodyHtml: string };

export type E2eDatabase = {
  post(postId: number): Promise<E2ePost>;
  /** Changes a title in the database only: no search document, no cache revalidation. */
  setPostTitle(postId: number, title: string): Promise<void>;
  /** Moves a scheduled article's publication time to a moment ago, as if its time had come. */
  makeScheduledPostDue(postId: number): Promise<void>;
  postContent(postId: number): Promise<E2ePostContent>;
  /** Replaces a subtitle and body in the database only: no sanitizer, revision, search document or cache revalidation. */
  setPostContent(postId: number, content: E2ePostContent): Promise<void>;
  /** Changes a post's status (published, draft, …) in the database only. */
  setPostStatus(postId: number, status: string): Promise<void>;
  close(): Promise<void>;
};

const SELECT_POST = 'SELECT "title", "viewCount", "commentCount" FROM "Post" WHERE "id" = ';
const UPDATE_TITLE = 'UPDATE "Post" SET "title" = ';
const UPDATE_PUBLISHED_AT = 'UPDATE "Post" SET "publishedAt" = ';
const SELECT_CONTENT = 'SELECT "subtitle", "bodyHtml" FROM "Post" WHERE "id" = ';
const UPDATE_CONTENT = 'UPDATE "Post" SET "subtitle" = ';
const UPDATE_STATUS = 'UPDATE "Post" SET "status" = ';
/** A moment ago, as Prisma stores DateTime in SQLite (ISO text with an explicit offset). */
const momentAgoSqlite = () => new Date(Date.now() - 1000).toISOString().replace("Z", "+00:00");

function foundContent(row: E2ePostContent | undefined, postId: number): E2ePostContent {
  if (!row) throw new Error(`No post ${postId}`);
  return { subtitle: row.subtitle, bodyHtml: row.bodyHtml };
}

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
      postContent: async (postId) => foundContent(sqlite.prepare(`${SELECT_CONTENT}?`).get(postId) as E2ePostContent | undefined, postId),
      setPostContent: async (postId, content) =>
        void sqlite.prepare(`${UPDATE_CONTENT}?, "bodyHtml" = ? WHERE "id" = ?`).run(content.subtitle, content.bodyHtml, postId),
      setPostStatus: async (postId, status) => void sqlite.prepare(`${UPDATE_STATUS}? WHERE "id" = ?`).run(status, postId),
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
    postContent: async (postId) => foundContent((await client.query<E2ePostContent>(`${SELECT_CONTENT}$1`, [postId])).rows[0], postId),
    setPostContent: async (postId, content) =>
      void (await client.query(`${UPDATE_CONTENT}$1, "bodyHtml" = $2 WHERE "id" = $3`, [content.subtitle, content.bodyHtml, postId])),
    setPostStatus: async (postId, status) => void (await client.query(`${UPDATE_STATUS}$1 WHERE "id" = $2`, [status, postId])),
    close: () => client.end(),
  };
}
