/**
 * `npm run test:instances`: two app instances on one PostgreSQL database, as behind a load
 * balancer, and the checks that they behave as one site (README: Running several instances).
 * Needs TEST_POSTGRES_URL (a server it may create and drop a database on) and the existing
 * production build (NEXT_DIST_DIR or .next; `npm test` builds before it runs this).
 *
 * Setup: a throwaway PostgreSQL database, migrated and seeded with the demo site, a shared
 * MEDIA_DIR and shared secrets; two `next start` servers (A and B) on two ports against it. Then:
 *   1. an article and the board's first page read on both until each answers from its own
 *      full-route cache (`x-nextjs-cache: HIT`);
 *   2. a guest comment written through A (the comment form's server action over HTTP, as a
 *      browser without JavaScript posts it), then B's cached article page polled until the
 *      comment is on it: within 2 s (lib/cache/cross-instance-revalidation.ts), printing the
 *      delay; likewise the comment count in B's cached board list. (Feeds carry no comments.)
 *   3. an article published through A (the dashboard's server action, signed in as the demo
 *      reporter): B's cached board list and its RSS feed show it within 2 s;
 *   4. the instances' listening connections cut (pg_terminate_backend): each reconnects, and a
 *      second comment through A again shows on B within 2 s;
 *   5. view beacons from distinct visitors to three articles, split across A and B and sent
 *      concurrently, some visitors to both instances at once (one view per visitor and day,
 *      so exactly one of the two may count): each article's viewCount must grow by exactly its
 *      distinct visitors, equal the number of `X-View-Counted: 1` answers, and equal its
 *      ViewEvent rows (plus the days the seed rolled up).
 * Exits 1 on any failure; always stops both servers and drops the database.
 *
 *   npm run test:instances
 *   npm run test:instances -- --port 3700 --views 600
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "../lib/db/client";
import { seedDemoSite } from "../lib/seed/seed-site";
import { hiddenFormFields, serverActionFormData } from "../tests/support/server-action-form";
import { createThrowawayDatabase } from "../tests/support/throwaway-database";
import { DEMO_REPORTER, signIn } from "./support/staff-session";
import { choosePorts, requireBuild, startServer, stopServer, waitUntilServing, type ServerProcess } from "./support/next-server";

const BOARD = "news";
/** The requirement: a write through one instance shows on the other within this. */
const CROSS_INSTANCE_LIMIT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 30_000;

type Options = { port: number | null; views: number };

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return { port: value("--port") ? Number(value("--port")) : null, views: Number(value("--views") ?? 600) };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let addressCounter = Math.floor(Math.random() * 0xf00000);
/** A client address of its own (private 10/8 range); `next start` takes it from X-Forwarded-For. */
function newAddress(): string {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

const failures: string[] = [];
function check(ok: boolean, message: string): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) failures.push(message);
}

async function get(server: ServerProcess, pathname: string): Promise<{ status: number; cache: string | null; text: string }> {
  const response = await fetch(`${server.base}${pathname}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: response.status, cache: response.headers.get("x-nextjs-cache"), text: await response.text() };
}

/** Reads `pathname` until the server answers it from its full-route cache; how many reads that took. */
async function readUntilCached(server: ServerProcess, pathname: string): Promise<number> {
  for (let attempt = 1; attempt <= 20; attempt++) {
    const page = await get(server, pathname);
    if (page.status === 200 && page.cache === "HIT") return attempt;
    await delay(200);
  }
  throw new Error(`${server.base}${pathname} never answered x-nextjs-cache: HIT`);
}

/** The comment count the board list shows next to the article's title (0 when none is shown). */
function listedCommentCount(listHtml: string, postId: number): number | null {
  const row = [...listHtml.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((match) => match[0]).find((text) => text.includes(`href="/${BOARD}/${postId}"`));
  if (!row) return null;
  return Number(/aria-label="댓글 (\d+)개"/.exec(row)?.[1] ?? 0);
}

/** Polls `read` every 25 ms until it returns true; the time that took, or null after `limitMs` × 5. */
async function timeUntil(read: () => Promise<boolean>, since: number, limitMs: number): Promise<number | null> {
  while (Date.now() - since < limitMs * 5) {
    if (await read()) return Date.now() - since;
    await delay(25);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** Writes a guest comment through A and waits for B's article page to show it; its text and when A answered, or null. */
async function commentThroughAShowsOnB(a: ServerProcess, b: ServerProcess, postId: number): Promise<{ body: string; written: number } | null> {
  const articlePath = `/${BOARD}/${postId}`;
  const form = hiddenFormFields((await get(a, articlePath)).text, 'name="guestName"');
  const body = `multi-instance check ${randomBytes(6).toString("hex")}`;
  const response = await fetch(`${a.base}${articlePath}`, {
    method: "POST",
    body: serverActionFormData(form, { guestName: "여러대시험", password: "1234", body }),
    redirect: "manual",
    headers: { Origin: a.base, "X-Forwarded-For": newAddress() },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  const written = Date.now();
  const commentId = /#comment-(\d+)$/.exec(response.headers.get("location") ?? "")?.[1];
  check(response.status === 303 && !!commentId, `A answered ${response.status} with comment ${commentId ?? "(none)"}`);
  if (!commentId) return null;
  const shownAfter = await timeUntil(async () => (await get(b, articlePath)).text.includes(body), written, CROSS_INSTANCE_LIMIT_MS);
  check(
    shownAfter !== null && shownAfter <= CROSS_INSTANCE_LIMIT_MS,
    `B's cached article page shows the comment ${shownAfter === null ? "never" : `${shownAfter} ms after A answered`} (limit ${CROSS_INSTANCE_LIMIT_MS} ms)`,
  );
  return { body, written };
}

async function checkWriteReachesOtherInstance(a: ServerProcess, b: ServerProcess, postId: number): Promise<void> {
  const articlePath = `/${BOARD}/${postId}`;
  console.log("\n1. both instances serve the article and the board's first page from their own caches");
  for (const server of [a, b]) {
    for (const pathname of [articlePath, `/${BOARD}`]) {
      const reads = await readUntilCached(server, pathname);
      check(true, `${server === a ? "A" : "B"} ${pathname}: HIT after ${reads} read(s)`);
    }
  }
  const listBefore = listedCommentCount((await get(b, `/${BOARD}`)).text, postId);
  check(listBefore !== null, `B's cached list shows article ${postId} (comment count ${listBefore})`);

  console.log("\n2. a guest comment written through A; B shows it");
  const comment = await commentThroughAShowsOnB(a, b, postId);
  if (!comment) return;
  const { body, written } = comment;
  const listDelay = await timeUntil(
    async () => (listedCommentCount((await get(b, `/${BOARD}`)).text, postId) ?? 0) > (listBefore ?? 0),
    written,
    CROSS_INSTANCE_LIMIT_MS,
  );
  check(
    listDelay !== null && listDelay <= CROSS_INSTANCE_LIMIT_MS,
    `B's cached board list shows the new comment count ${listDelay === null ? "never" : `${listDelay} ms after A answered`} (limit ${CROSS_INSTANCE_LIMIT_MS} ms)`,
  );
  const onA = (await get(a, articlePath)).text.includes(body);
  check(onA, "A's article page shows it too");
  const cachedAgain = await readUntilCached(b, articlePath);
  check((await get(b, articlePath)).text.includes(body), `B caches the new page again (HIT after ${cachedAgain} read(s)) and it keeps the comment`);
}

async function checkPublishingReachesOtherInstance(a: ServerProcess, b: ServerProcess): Promise<void> {
  console.log("\n3. an article published through A; B's cached list and feed show it");
  const feedPath = `/${BOARD}/rss.xml`;
  await readUntilCached(b, `/${BOARD}`);
  for (let read = 0; read < 2; read++) check((await get(b, feedPath)).status === 200, `B serves ${feedPath} (read ${read + 1}, kept in its data cache)`);
  const session = await signIn(a.base, DEMO_REPORTER, newAddress(), REQUEST_TIMEOUT_MS);
  const headers = { Cookie: session.cookie, "X-Forwarded-For": session.address };
  const page = await fetch(`${a.base}/dashboard/posts/new`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const form = hiddenFormFields(await page.text(), 'name="bodyHtml"');
  const title = `여러 대 시험 기사 ${randomBytes(6).toString("hex")}`;
  const values = { title, subtitle: "", boardSlug: BOARD, categoryId: "", tags: "", publishAt: "", intent: "publish", bodyHtml: `<p>${title} 본문.</p>` };
  const response = await fetch(`${a.base}/dashboard/posts/new`, {
    method: "POST",
    body: serverActionFormData(form, values),
    redirect: "manual",
    headers: { ...headers, Origin: a.base },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  const published = Date.now();
  const postId = /^\/dashboard\/posts\/(\d+)\/edit/.exec(response.headers.get("location") ?? "")?.[1];
  check(response.status === 303 && !!postId, `A answered ${response.status} with article ${postId ?? "(none)"}`);
  if (!postId) return;
  for (const [what, pathname] of [["cached board list", `/${BOARD}`], ["RSS feed", feedPath]] as const) {
    const shownAfter = await timeUntil(async () => (await get(b, pathname)).text.includes(title), published, CROSS_INSTANCE_LIMIT_MS);
    check(
      shownAfter !== null && shownAfter <= CROSS_INSTANCE_LIMIT_MS,
      `B's ${what} shows it ${shownAfter === null ? "never" : `${shownAfter} ms after A answered`} (limit ${CROSS_INSTANCE_LIMIT_MS} ms)`,
    );
  }
}

const LISTENERS = `SELECT COUNT(*) AS "listeners" FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'newsroom cache listener'`;

async function checkListenerReconnects(a: ServerProcess, b: ServerProcess, database: Database, postId: number): Promise<void> {
  console.log("\n4. the listening connections cut: they reconnect, and a write through A reaches B again");
  const listeners = async () => Number((await database.$queryRawUnsafe<{ listeners: bigint | number }[]>(LISTENERS))[0].listeners);
  const before = await listeners();
  check(before === 2, `two listening connections before the cut (${before})`);
  await database.$queryRawUnsafe(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'newsroom cache listener'`,
  );
  const cut = Date.now();
  const back = await timeUntil(async () => (await listeners()) === 2, cut, 10_000);
  check(back !== null, `both listening again ${back === null ? "never" : `${back} ms after the cut`}`);
  // Back, each instance expires every page (it may have missed messages), and again 2 s later:
  // past that, B's page is cached afresh and only a message from A can expire it.
  await delay(2_500);
  await readUntilCached(b, `/${BOARD}/${postId}`);
  await commentThroughAShowsOnB(a, b, postId);
}

// ---------------------------------------------------------------------------------------------

type Visitor = { ip: string; userAgent: string; cookieId: string; postId: number };

async function sendView(server: ServerProcess, visitor: Visitor): Promise<"counted" | "not counted" | "failed"> {
  try {
    const response = await fetch(`${server.base}/api/views`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": visitor.userAgent, "X-Forwarded-For": visitor.ip, Cookie: `nv=${visitor.cookieId}` },
      body: JSON.stringify({ postId: visitor.postId }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (response.status !== 204) return "failed";
    return response.headers.get("x-view-counted") === "1" ? "counted" : "not counted";
  } catch {
    return "failed";
  }
}

/** Per article: its counter, its ViewEvent rows, and the views of days already folded into ViewDaily (the seed's). */
async function viewCounts(database: Database, postIds: number[]): Promise<Map<number, { viewCount: number; events: number; rolledUp: number }>> {
  const rows = await database.$queryRawUnsafe<{ id: number; viewCount: number; events: bigint | number; rolledUp: bigint | number }[]>(
    `SELECT p."id", p."viewCount",
       (SELECT COUNT(*) FROM "ViewEvent" e WHERE e."postId" = p."id") AS "events",
       (SELECT COALESCE(SUM(d."views"), 0) FROM "ViewDaily" d WHERE d."postId" = p."id") AS "rolledUp"
     FROM "Post" p WHERE p."id" IN (${postIds.join(", ")})`,
  );
  return new Map(rows.map((row) => [Number(row.id), { viewCount: Number(row.viewCount), events: Number(row.events), rolledUp: Number(row.rolledUp) }]));
}

async function checkViewsStayExact(a: ServerProcess, b: ServerProcess, database: Database, postIds: number[], views: number): Promise<void> {
  console.log(`\n5. ${views} views from distinct visitors, split across A and B, sent concurrently`);
  const before = await viewCounts(database, postIds);
  const visitors: Visitor[] = Array.from({ length: views }, (_, i) => ({
    ip: newAddress(),
    userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 instances-${i}`,
    cookieId: randomBytes(16).toString("base64url"),
    postId: postIds[i % postIds.length],
  }));
  // Every 10th visitor sends its view to both instances at the same moment: one of them counts.
  const requests = visitors.flatMap((visitor, i) =>
    i % 10 === 0 ? [{ server: a, visitor }, { server: b, visitor }] : [{ server: i % 2 === 0 ? a : b, visitor }],
  );
  const answers: { postId: number; outcome: Awaited<ReturnType<typeof sendView>>; server: ServerProcess }[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 40 }, async () => {
      while (next < requests.length) {
        const { server, visitor } = requests[next++];
        answers.push({ postId: visitor.postId, outcome: await sendView(server, visitor), server });
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const failed = answers.filter((answer) => answer.outcome === "failed").length;
  const byServer = (server: ServerProcess) => answers.filter((answer) => answer.server === server && answer.outcome === "counted").length;
  console.log(`  ${requests.length} beacons in ${seconds.toFixed(1)} s; counted through A ${byServer(a)}, through B ${byServer(b)}`);
  check(failed === 0, `every beacon answered 204 (${failed} did not)`);
  const after = await viewCounts(database, postIds);
  for (const postId of postIds) {
    const expected = visitors.filter((visitor) => visitor.postId === postId).length;
    const counted = answers.filter((answer) => answer.postId === postId && answer.outcome === "counted").length;
    const now = after.get(postId)!;
    const grew = now.viewCount - before.get(postId)!.viewCount;
    const newEvents = now.events - before.get(postId)!.events;
    check(
      grew === expected && counted === expected && newEvents === expected && now.viewCount === now.events + now.rolledUp,
      `article ${postId}: ${expected} visitors → viewCount +${grew}, ${counted} answered counted, ${newEvents} new ViewEvents; ` +
        `viewCount ${now.viewCount} ${now.viewCount === now.events + now.rolledUp ? "=" : "≠"} ${now.events} events + ${now.rolledUp} rolled up`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!process.env.TEST_POSTGRES_URL) {
    console.error("TEST_POSTGRES_URL is not set: this check needs a PostgreSQL server (several instances share one database; SQLite is one process per file).");
    return 1;
  }
  requireBuild();
  const started = Date.now();
  console.log("== Two app instances on one PostgreSQL");
  const throwaway = await createThrowawayDatabase("postgresql", { label: "instances" });
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-instances-media-"));
  const database = createDatabase(throwaway.url);
  const servers: ServerProcess[] = [];
  try {
    await seedDemoSite(database);
    const articles = await database.post.findMany({
      where: { status: "published", isNotice: false, board: { slug: BOARD } },
      select: { id: true },
      orderBy: { publishedAt: "desc" },
      take: 3,
    });
    const postIds = articles.map((article) => article.id);
    // What every instance of one site shares: the database, the secrets, the media folder.
    const shared = {
      DATABASE_URL: throwaway.url,
      MEDIA_DIR: mediaDir,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      VISITOR_SECRET: randomBytes(32).toString("base64url"),
    };
    const ports = await choosePorts(options.port, 3700, 2);
    for (const port of ports) servers.push(startServer({ ...shared, PORT: String(port) }, port));
    await Promise.all(servers.map((server) => waitUntilServing(server, `/${BOARD}/${postIds[0]}`)));
    const [a, b] = servers;
    console.log(`A ${a.base}, B ${b.base}, database ${new URL(throwaway.url).pathname.slice(1)}`);

    await checkWriteReachesOtherInstance(a, b, postIds[0]);
    await checkPublishingReachesOtherInstance(a, b);
    await checkListenerReconnects(a, b, database, postIds[1]);
    await checkViewsStayExact(a, b, database, postIds, options.views);

    if (failures.length) {
      console.log(`\nFAILED (${failures.length}):`);
      for (const failure of failures) console.log(`  - ${failure}`);
      for (const [name, server] of [["A", a], ["B", b]] as const) console.log(`\n${name}'s last log lines:\n${server.log.slice(-20).join("\n")}`);
      return 1;
    }
    console.log(`\nOK: a write through A showed on B within ${CROSS_INSTANCE_LIMIT_MS} ms; views through both stayed exact (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return 0;
  } finally {
    await Promise.all(servers.map(stopServer));
    await database.$disconnect();
    await throwaway.drop().catch((error) => console.error("dropping the throwaway database failed", error));
    rmSync(mediaDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
