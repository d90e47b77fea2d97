/**
 * `npm run test:crash`: kills the production server with SIGKILL in the middle of a write load
 * and checks that nothing it acknowledged was lost and that every counter still equals its rows.
 * Runs on SQLite (WAL) always, and on PostgreSQL when TEST_POSTGRES_URL names a server.
 *
 * Per engine:
 *   1. a throwaway database (migrated, the demo site seeded) and a throwaway MEDIA_DIR;
 *   2. `next start` from the existing production build (NEXT_DIST_DIR or .next; `npm test`
 *      builds before it runs this), in a process group of its own;
 *   3. a write load over HTTP, as browsers send it: view beacons (POST /api/views, each from a
 *      new visitor: its own address, browser and cookie id), guest comments (the comment form's
 *      server action, posted as a form without JavaScript, each from its own address because of
 *      the 15-second rule) and articles (the dashboard form's server action, signed in as the
 *      demo reporter through next-auth's credentials endpoint);
 *   4. a few seconds in, SIGKILL to the server's whole process group (no flush, no shutdown
 *      hook runs), then `next start` again on the same database, and a short load on it;
 *   5. the checks, read straight from the database: every acknowledged comment and article is
 *      there (a 303 to the comment or to the article's edit page), every acknowledged view
 *      (`X-View-Counted: 1`) is a ViewEvent (its visitor key recomputed from the request),
 *      and for every post viewCount = its ViewEvents + its ViewDaily views, commentCount = its
 *      visible comments, a PostSearch row exists (and a CommentSearch row per visible
 *      comment; on PostgreSQL a post_title_fts row of the same title per PostSearch row); on
 *      SQLite also `PRAGMA integrity_check`.
 * Prints a short report per engine and exits 1 on any violation.
 *
 *   npm run test:crash
 *   npm run test:crash -- --engine sqlite --port 3650 --load-seconds 5
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "../lib/db/client";
import type { DatabaseEngine } from "../lib/db/engine";
import { seedDemoSite } from "../lib/seed/seed-site";
import { koreanDay, visitorKey } from "../lib/visitors/visitor-key";
import { hiddenFormFields, serverActionFormData } from "../tests/support/server-action-form";
import { createThrowawayDatabase } from "../tests/support/throwaway-database";
import { DEMO_REPORTER, signIn, type StaffSession } from "./support/staff-session";
import { choosePorts, processName, requireBuild, signalGroup, startServer, stopServer, waitUntilServing, type ServerProcess } from "./support/next-server";

const BOARD = "news";
const REPORTER = DEMO_REPORTER;
/** The visitor-hash key the servers run with, so the test can recompute each view's key. */
const VISITOR_SECRET = `crash-test-${randomBytes(8).toString("hex")}`;

type Options = { engines: DatabaseEngine[]; port: number | null; loadSeconds: number };

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const engine = value("--engine");
  const engines: DatabaseEngine[] = engine
    ? [engine as DatabaseEngine]
    : ["sqlite", ...(process.env.TEST_POSTGRES_URL ? (["postgresql"] as const) : [])];
  for (const name of engines) if (name !== "sqlite" && name !== "postgresql") throw new Error(`unknown engine ${name}`);
  return { engines, port: value("--port") ? Number(value("--port")) : null, loadSeconds: Number(value("--load-seconds") ?? 4) };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The server

/** SIGKILL to the server's whole process group: nothing gets to flush or shut down. */
async function killServer(server: ServerProcess): Promise<string> {
  const name = processName(server.process.pid!);
  signalGroup(server, "SIGKILL");
  await server.exited;
  return name;
}

// ---------------------------------------------------------------------------------------------
// Talking to the site like a browser without JavaScript

let addressCounter = Math.floor(Math.random() * 0xf00000);
/** A client address of its own (private 10/8 range); `next start` takes it from X-Forwarded-For. */
function newAddress(): string {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

const REQUEST_TIMEOUT_MS = 30_000;

type AckedView = { postId: number; ip: string; userAgent: string; cookieId: string; sentAt: Date; answeredAt: Date };
type AckedComment = { id: number; postId: number; body: string };
type AckedArticle = { id: number; title: string };

type Tally = { sent: number; acknowledged: number; refused: number; failed: number; inFlight: number };
const newTally = (): Tally => ({ sent: 0, acknowledged: 0, refused: 0, failed: 0, inFlight: 0 });

class WriteLoad {
  readonly views: AckedView[] = [];
  readonly comments: AckedComment[] = [];
  readonly articles: AckedArticle[] = [];
  readonly tally = { views: newTally(), comments: newTally(), articles: newTally() };
  private running = false;
  private workers: Promise<void>[] = [];
  private serial = 0;
  private commentForms = new Map<number, [string, string][]>();
  private articleForm: [string, string][] | null = null;
  private session: StaffSession | null = null;

  constructor(
    private base: string,
    private readonly label: string,
    private readonly postIds: number[],
  ) {}

  /** Points the load at a restarted server (same address; forms and session are fetched again). */
  retarget(base: string) {
    this.base = base;
    this.commentForms.clear();
    this.articleForm = null;
  }

  start() {
    this.running = true;
    this.workers = [
      ...Array.from({ length: 12 }, () => this.loop(() => this.sendView(), this.tally.views)),
      ...Array.from({ length: 3 }, () => this.loop(() => this.sendComment(), this.tally.comments)),
      ...Array.from({ length: 2 }, () => this.loop(() => this.sendArticle(), this.tally.articles)),
    ];
  }

  /** Stops sending and waits for the requests in flight to be answered (or to fail). */
  async stop() {
    this.running = false;
    await Promise.all(this.workers);
  }

  private async loop(send: () => Promise<boolean>, tally: Tally) {
    while (this.running) {
      tally.sent++;
      tally.inFlight++;
      try {
        if (await send()) tally.acknowledged++;
        else tally.refused++;
      } catch {
        // Refused connection, reset socket, timeout: not acknowledged, so nothing is promised.
        tally.failed++;
        await delay(50);
      } finally {
        tally.inFlight--;
      }
    }
  }

  private pickPost(): number {
    return this.postIds[Math.floor(Math.random() * this.postIds.length)];
  }

  private async sendView(): Promise<boolean> {
    const postId = this.pickPost();
    const view = {
      postId,
      ip: newAddress(),
      userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 crash-${++this.serial}`,
      cookieId: randomBytes(16).toString("base64url"),
      sentAt: new Date(),
    };
    const response = await fetch(`${this.base}/api/views`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": view.userAgent, "X-Forwarded-For": view.ip, Cookie: `nv=${view.cookieId}` },
      body: JSON.stringify({ postId }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (response.status !== 204 || response.headers.get("x-view-counted") !== "1") return false;
    this.views.push({ ...view, answeredAt: new Date() });
    return true;
  }

  private async commentForm(postId: number): Promise<[string, string][]> {
    let form = this.commentForms.get(postId);
    if (!form) {
      const response = await fetch(`${this.base}/${BOARD}/${postId}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      form = hiddenFormFields(await response.text(), 'name="guestName"');
      this.commentForms.set(postId, form);
    }
    return form;
  }

  private async sendComment(): Promise<boolean> {
    const postId = this.pickPost();
    const form = await this.commentForm(postId);
    const body = `crash-test ${this.label} comment ${++this.serial} ${randomBytes(4).toString("hex")}`;
    const data = serverActionFormData(form, { guestName: "충돌시험", password: "1234", body });
    const response = await fetch(`${this.base}/${BOARD}/${postId}`, {
      method: "POST",
      body: data,
      redirect: "manual",
      headers: { Origin: this.base, "X-Forwarded-For": newAddress() },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    const id = /#comment-(\d+)$/.exec(response.headers.get("location") ?? "")?.[1];
    if (response.status !== 303 || !id) return false;
    this.comments.push({ id: Number(id), postId, body });
    return true;
  }

  private async signIn(): Promise<StaffSession> {
    this.session ??= await signIn(this.base, REPORTER, newAddress(), REQUEST_TIMEOUT_MS);
    return this.session;
  }

  private async sendArticle(): Promise<boolean> {
    const session = await this.signIn();
    const headers = { Cookie: session.cookie, "X-Forwarded-For": session.address };
    if (!this.articleForm) {
      const page = await fetch(`${this.base}/dashboard/posts/new`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      this.articleForm = hiddenFormFields(await page.text(), 'name="bodyHtml"');
    }
    const title = `crash-test ${this.label} article ${++this.serial} ${randomBytes(4).toString("hex")}`;
    const data = serverActionFormData(this.articleForm, {
      title,
      subtitle: "",
      boardSlug: BOARD,
      categoryId: "",
      tags: "",
      publishAt: "",
      intent: "publish",
      bodyHtml: `<p>${title}: 충돌 시험 기사 본문.</p>`,
    });
    const response = await fetch(`${this.base}/dashboard/posts/new`, {
      method: "POST",
      body: data,
      redirect: "manual",
      headers: { ...headers, Origin: this.base },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    const id = /^\/dashboard\/posts\/(\d+)\/edit/.exec(response.headers.get("location") ?? "")?.[1];
    if (response.status !== 303 || !id) return false;
    this.articles.push({ id: Number(id), title });
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// The checks

type Row = Record<string, unknown>;

async function rows(database: Database, query: string): Promise<Row[]> {
  return database.$queryRawUnsafe<Row[]>(query);
}

async function checkDatabase(database: Database, load: WriteLoad): Promise<{ violations: string[]; stats: Record<string, number> }> {
  const violations: string[] = [];
  const report = (message: string) => {
    if (violations.length < 50) violations.push(message);
  };

  if (database.engine === "sqlite") {
    const [result] = await rows(database, "PRAGMA integrity_check");
    if (result?.integrity_check !== "ok") report(`PRAGMA integrity_check: ${JSON.stringify(result)}`);
  }

  const comments = new Map(
    (await rows(database, `SELECT "id", "postId", "body", "status" FROM "Comment"`)).map((row) => [Number(row.id), row]),
  );
  for (const acked of load.comments) {
    const row = comments.get(acked.id);
    if (!row) report(`acknowledged comment ${acked.id} is missing`);
    else if (row.body !== acked.body || Number(row.postId) !== acked.postId || row.status !== "visible") {
      report(`acknowledged comment ${acked.id} changed: ${JSON.stringify(row)}`);
    }
  }

  const posts = new Map(
    (
      await rows(
        database,
        `SELECT p."id", p."title", p."status", p."viewCount", p."commentCount",
           (SELECT COUNT(*) FROM "ViewEvent" e WHERE e."postId" = p."id") AS "events",
           (SELECT COALESCE(SUM(d."views"), 0) FROM "ViewDaily" d WHERE d."postId" = p."id") AS "rolledUp",
           (SELECT COUNT(*) FROM "Comment" c WHERE c."postId" = p."id" AND c."status" = 'visible') AS "visibleComments",
           (SELECT COUNT(*) FROM "PostSearch" s WHERE s."postId" = p."id") AS "searchDocuments"
         FROM "Post" p`,
      )
    ).map((row) => [Number(row.id), row]),
  );
  for (const acked of load.articles) {
    const row = posts.get(acked.id);
    if (!row) report(`acknowledged article ${acked.id} is missing`);
    else if (row.title !== acked.title || row.status !== "published") report(`acknowledged article ${acked.id} changed: ${row.title} (${row.status})`);
  }
  for (const [id, row] of posts) {
    const views = Number(row.events) + Number(row.rolledUp);
    if (Number(row.viewCount) !== views) report(`post ${id}: viewCount ${row.viewCount} ≠ ${row.events} events + ${row.rolledUp} rolled up`);
    if (Number(row.commentCount) !== Number(row.visibleComments)) report(`post ${id}: commentCount ${row.commentCount} ≠ ${row.visibleComments} visible comments`);
    if (Number(row.searchDocuments) !== 1) report(`post ${id}: no PostSearch row`);
  }

  const [orphans] = await rows(
    database,
    `SELECT COUNT(*) AS "missing" FROM "Comment" c WHERE c."status" = 'visible'
       AND NOT EXISTS (SELECT 1 FROM "CommentSearch" s WHERE s."commentId" = c."id")`,
  );
  if (Number(orphans.missing) > 0) report(`${orphans.missing} visible comments have no CommentSearch row`);

  if (database.engine === "postgresql") {
    // 제목 searches read post_title_fts, which triggers keep equal to PostSearch in the same transaction.
    const [titles] = await rows(
      database,
      `SELECT COUNT(*) AS "stale" FROM "PostSearch" s WHERE NOT EXISTS
         (SELECT 1 FROM "post_title_fts" t WHERE t."postId" = s."postId" AND t."title_fts" = to_tsvector('simple', s."titleTokens"))`,
    );
    if (Number(titles.stale) > 0) report(`${titles.stale} search documents have no post_title_fts row of the same title`);
  }

  const events = new Set(
    (await rows(database, `SELECT "postId", "visitorKey" FROM "ViewEvent"`)).map((row) => `${Number(row.postId)} ${row.visitorKey}`),
  );
  for (const view of load.views) {
    const signals = { ip: view.ip, userAgent: view.userAgent, cookieId: view.cookieId };
    // The server took the time between sending and answering; both ends fall on one Korean day but at midnight.
    const keys = new Set([view.sentAt, view.answeredAt].map((at) => visitorKey(VISITOR_SECRET, signals, at)));
    if (![...keys].some((key) => events.has(`${view.postId} ${key}`))) {
      report(`acknowledged view of post ${view.postId} from ${view.ip} (${koreanDay(view.sentAt)}) has no ViewEvent`);
    }
  }

  return { violations, stats: { posts: posts.size, comments: comments.size, viewEvents: events.size } };
}

// ---------------------------------------------------------------------------------------------

async function runEngine(engine: DatabaseEngine, options: Options): Promise<boolean> {
  const started = Date.now();
  console.log(`\n== Crash test on ${engine}`);
  const throwaway = await createThrowawayDatabase(engine, { label: "crash" });
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), "newsroom-crash-media-"));
  const database = createDatabase(throwaway.url);
  let server: ServerProcess | null = null;
  try {
    await seedDemoSite(database);
    const published = await database.post.findMany({
      where: { status: "published", board: { slug: BOARD } },
      select: { id: true },
      orderBy: { id: "desc" },
      take: 40,
    });
    const [port] = await choosePorts(options.port, 3600);
    const env = { DATABASE_URL: throwaway.url, MEDIA_DIR: mediaDir, VISITOR_SECRET, PORT: String(port) };

    server = startServer(env, port);
    await waitUntilServing(server, `/${BOARD}`);
    const load = new WriteLoad(server.base, engine, published.map((post) => post.id));
    load.start();
    // Once every kind of write has been acknowledged at least once, somewhere further into the
    // load, so the kill lands while writes of every kind are in flight.
    const warmDeadline = Date.now() + 120_000;
    while (Date.now() < warmDeadline && Math.min(load.views.length, load.comments.length, load.articles.length) === 0) await delay(100);
    await delay(options.loadSeconds * 1000 * (0.5 + Math.random() * 0.5));
    const beforeKill = { views: load.views.length, comments: load.comments.length, articles: load.articles.length };
    const inFlight = { views: load.tally.views.inFlight, comments: load.tally.comments.inFlight, articles: load.tally.articles.inFlight };
    const killedAt = Date.now();
    const killedName = await killServer(server);
    console.log(`SIGKILL to process group ${server.process.pid} (${killedName}) ${((killedAt - started) / 1000).toFixed(1)} s in, with writes in flight`);
    await load.stop();

    server = startServer(env, port);
    await waitUntilServing(server, `/${BOARD}`);
    console.log(`restarted on the same database in ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
    load.retarget(server.base);
    load.start();
    await delay(2_000);
    await load.stop();

    const { violations, stats } = await checkDatabase(database, load);
    const line = (name: "views" | "comments" | "articles", before: number) => {
      const tally = load.tally[name];
      return `  ${name.padEnd(8)} acknowledged ${String(load[name].length).padStart(5)} (${before} before the kill), in flight at the kill ${inFlight[name]}, refused ${tally.refused}, failed ${tally.failed}`;
    };
    console.log(line("views", beforeKill.views));
    console.log(line("comments", beforeKill.comments));
    console.log(line("articles", beforeKill.articles));
    console.log(`  database: ${stats.posts} posts, ${stats.comments} comments, ${stats.viewEvents} view events`);
    if (load.views.length === 0 || load.comments.length === 0 || load.articles.length === 0) {
      violations.push("the load acknowledged no write of some kind: the test proved nothing");
    }
    if (beforeKill.views === 0 || beforeKill.comments === 0 || beforeKill.articles === 0) {
      violations.push("some kind of write was never acknowledged before the kill: the test proved nothing about it");
    }
    if (violations.length) {
      console.log(`FAILED on ${engine}:`);
      for (const violation of violations) console.log(`  - ${violation}`);
      console.log(server.log.slice(-20).join("\n"));
      return false;
    }
    console.log(
      `OK on ${engine}: every acknowledged write survived; viewCount = events + rolled-up days, commentCount = visible comments, ` +
        `a search document for every post${engine === "sqlite" ? ", integrity_check ok" : ""} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    return true;
  } finally {
    if (server) await stopServer(server);
    await database.$disconnect();
    await throwaway.drop().catch(() => undefined);
    rmSync(mediaDir, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  requireBuild();
  let ok = true;
  for (const engine of options.engines) ok = (await runEngine(engine, options)) && ok;
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
