/**
 * `npm run bench:views`: counted views per second over real HTTP against the production build.
 *
 *   1. builds the app when there is no production build (or one without /api/views);
 *   2. makes a throwaway database (SQLite file, or PostgreSQL on TEST_POSTGRES_URL's server),
 *      seeds the demo site and serves it with `next start` on a free port (3300 and up);
 *   3. warms up, then POSTs /api/views with autocannon: by default 20,000 requests on 200
 *      connections from 2,000 visitors over 50 articles, in a fixed pattern whose number of
 *      counted views is known in advance (see `planRequest`);
 *   4. reads back from the database how far SUM(viewCount) of those articles moved and how
 *      many ViewEvent rows appeared, prints a table and writes bench-results/views-<engine>.json.
 * Exits 1 when the count is not exact or any request failed; the server is stopped and the
 * database dropped in every case (errors and Ctrl+C included).
 *
 *   npm run bench:views
 *   npm run bench:views -- --engine postgresql        (needs TEST_POSTGRES_URL or --database-url)
 *   npm run bench:views -- --views 40000 --connections 100 --port 3310
 *
 * Options: --engine sqlite|postgresql, --database-url <postgresql server to create the throwaway
 * database on>, --views N (20000), --connections C (200), --visitors V (2000), --articles A (50),
 * --warmup W (500), --posts P (560, articles seeded), --port P (first free from 3300).
 *
 * Visitors: one request is one simulated browser — a Chrome user agent ending in its visitor
 * number and a fixed `nv` cookie id of its own. The cookie is sent on purpose: the view route
 * gives a request without one a fresh random id, and the id is part of the visitor key, so
 * cookieless requests would each be a new visitor and repeats would count.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../lib/db/client";
import type { DatabaseEngine } from "../lib/db/engine";
import { DEMO_BOARD, seedDemoSite } from "../lib/seed/seed-site";
import { koreanDay } from "../lib/visitors/visitor-key";
import {
  choosePort,
  fail,
  finish,
  fmt,
  gitCommit,
  hasBuild,
  headerValue,
  nextBuild,
  onCleanup,
  optionReader,
  percentile,
  root,
  runLoad,
  startHarness,
  startServer,
  stopServer,
  throwawayDatabase,
  waitUntilServing,
  beaconVisitorHeaders,
  type AutocannonRequest,
} from "./support/bench-harness";

// ---------------------------------------------------------------------------------------------
// Options

type Options = {
  engine: DatabaseEngine;
  views: number;
  connections: number;
  visitors: number;
  articles: number;
  warmup: number;
  posts: number;
  port: number | null;
};

function parseOptions(argv: string[]): Options {
  const { value, whole } = optionReader(argv, ["engine", "database-url", "views", "connections", "visitors", "articles", "warmup", "posts", "port"]);
  const databaseUrl = value("database-url");
  if (databaseUrl) process.env.TEST_POSTGRES_URL = databaseUrl;
  const engine = (value("engine") ?? (databaseUrl ? "postgresql" : "sqlite")) as DatabaseEngine;
  if (engine !== "sqlite" && engine !== "postgresql") fail(`--engine is sqlite or postgresql, got "${engine}"`);
  if (engine === "postgresql" && !process.env.TEST_POSTGRES_URL) {
    fail("--engine postgresql needs TEST_POSTGRES_URL (or --database-url), e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  }
  const options: Options = {
    engine,
    views: whole("views", 20_000),
    connections: whole("connections", 200),
    visitors: whole("visitors", 2_000, 2),
    articles: whole("articles", 50),
    warmup: whole("warmup", 500, 0),
    posts: whole("posts", 560, 21),
    port: value("port") === undefined ? null : whole("port", 3300, 1024),
  };
  if (options.connections > options.views) fail("--connections cannot exceed --views");
  if (options.articles * 2 > options.posts) fail("--posts must be at least twice --articles (warm-up uses other articles)");
  return options;
}

// ---------------------------------------------------------------------------------------------
// The request pattern

/**
 * Request i of the measured run. Rounds of `visitors` requests, visitor = i mod visitors;
 * in a cycle of 10 rounds:
 *   rounds 0–7  a new article for every visitor (offsets 0, 3, …, 21): all count;
 *   round 8     the article of round 0 again: all repeats of views stored long before;
 *   round 9     two neighbouring requests (in flight together, usually in one batch) share a
 *               visitor and a new article (offset 24): one of each twin counts.
 * With the defaults (20,000 requests, 2,000 visitors, 50 articles): 17,000 distinct
 * (visitor, article) pairs, so exactly 17,000 counted views.
 */
function planRequest(i: number, visitors: number, articles: number): { visitor: number; article: number } {
  const round = Math.floor(i / visitors);
  const j = i % visitors;
  const phase = round % 10;
  const visitor = phase === 9 ? j - (j % 2) : j;
  const offset = phase <= 7 ? 3 * phase : phase === 8 ? 0 : 24;
  return { visitor, article: (7 * visitor + offset) % articles };
}

const BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

// ---------------------------------------------------------------------------------------------
// Build

function ensureBuild() {
  if (hasBuild(["/api/views"])) return;
  console.log("No production build with /api/views: building (next build)…");
  nextBuild();
}

// ---------------------------------------------------------------------------------------------
// Database reads

async function pickArticles(database: Database, count: number): Promise<{ measured: number[]; warm: number[] }> {
  const board = await database.board.findFirst({ where: { slug: DEMO_BOARD.slug }, select: { id: true, viewCountMode: true } });
  if (!board) throw new Error(`the seeded site has no board "${DEMO_BOARD.slug}"`);
  if (board.viewCountMode !== "once") throw new Error(`board "${DEMO_BOARD.slug}" counts views in "${board.viewCountMode}" mode, not "once"`);
  const posts = await database.post.findMany({
    where: { boardId: board.id, status: "published", isNotice: false, deletedAt: null },
    select: { id: true },
    orderBy: { id: "desc" },
    take: count * 2,
  });
  if (posts.length < count * 2) throw new Error(`need ${count * 2} published articles, the board has ${posts.length}`);
  const ids = posts.map((post) => post.id);
  return { measured: ids.slice(0, count), warm: ids.slice(count) };
}

async function viewState(database: Database, postIds: number[]): Promise<{ viewSum: number; events: number; eventsOnArticles: number }> {
  const [sum, events, eventsOnArticles] = await Promise.all([
    database.post.aggregate({ where: { id: { in: postIds } }, _sum: { viewCount: true } }),
    database.viewEvent.count(),
    database.viewEvent.count({ where: { postId: { in: postIds } } }),
  ]);
  return { viewSum: sum._sum.viewCount ?? 0, events, eventsOnArticles };
}

// ---------------------------------------------------------------------------------------------
// Report

function printTable(rows: [string, string][]) {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const line = `+${"-".repeat(width + 2)}+${"-".repeat(valueWidth + 2)}+`;
  console.log(line);
  for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value.padStart(valueWidth)} |`);
  console.log(line);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const { engine, views, connections, visitors, articles } = options;
  console.log(
    `bench:views on ${engine}: ${fmt(views)} views, ${connections} connections, ${fmt(visitors)} visitors, ${articles} articles, warm-up ${options.warmup}`,
  );

  ensureBuild();
  const port = await choosePort(options.port, 3300);

  const throwaway = await throwawayDatabase(engine);
  const { database } = throwaway;
  const seeded = Date.now();
  const { posts } = await seedDemoSite(database, { posts: options.posts });
  console.log(`Seeded ${posts} articles in ${((Date.now() - seeded) / 1000).toFixed(1)} s.`);
  const { measured, warm } = await pickArticles(database, articles);

  const base = `http://127.0.0.1:${port}`;
  const server = startServer(throwaway.url, port);
  onCleanup("stop the server", () => stopServer(server));
  await waitUntilServing(server, base, `/${DEMO_BOARD.slug}`);
  console.log(`Serving the production build at ${base} (DATABASE_URL: ${engine} throwaway).`);

  // Warm-up: half bot views of the measured articles (loads their cached count settings, counts
  // nothing), half views by other visitors of other articles (the write path, counted there).
  if (options.warmup > 0) {
    let next = 0;
    const warmOutcomes = new Map<string, number>();
    const warmup = await runLoad({
      url: base,
      connections: Math.min(connections, options.warmup),
      amount: options.warmup,
      timeout: 30,
      requests: [
        {
          method: "POST",
          path: "/api/views",
          setupRequest: (request: AutocannonRequest) => {
            const w = next++;
            const bot = w % 2 === 0;
            const headers = bot ? { "content-type": "application/json", "user-agent": BOT_UA } : beaconVisitorHeaders("warm", w);
            const postId = bot ? measured[(w / 2) % articles] : warm[w % articles];
            return { ...request, headers, body: JSON.stringify({ postId }) };
          },
          onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string | string[]>) => {
            const outcome = headerValue(headers, "x-view-counted") ?? "(none)";
            warmOutcomes.set(outcome, (warmOutcomes.get(outcome) ?? 0) + 1);
          },
        },
      ],
    });
    const outcomeList = [...warmOutcomes].map(([outcome, count]) => `${count}× "${outcome}"`).join(", ");
    console.log(`Warm-up: ${warmup.result.requests.total} requests in ${warmup.wallSeconds.toFixed(2)} s (${outcomeList}).`);
    if (warmup.result.errors || warmup.result.non2xx) {
      throw new Error(`warm-up failed: ${warmup.result.errors} errors, ${warmup.result.non2xx} non-2xx\n${server.log.slice(-30).join("\n")}`);
    }
  }

  // The measured run.
  const loadBefore = os.loadavg()[0];
  const before = await viewState(database, measured);
  const dayBefore = koreanDay(new Date());
  let issued = 0;
  const issuedPairs = new Map<string, number>(); // pair → requests issued for it
  const countedPairs = new Map<string, number>(); // pair → responses that said "counted"
  const outcomes = new Map<string, number>();
  let missingHeader = 0;
  const load = await runLoad({
    url: base,
    connections,
    amount: views,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/api/views",
        setupRequest: (request: AutocannonRequest, context: Record<string, unknown>) => {
          const i = issued++;
          const { visitor, article } = planRequest(i, visitors, articles);
          const pair = `${visitor}:${article}`;
          issuedPairs.set(pair, (issuedPairs.get(pair) ?? 0) + 1);
          context.pair = pair;
          return { ...request, headers: beaconVisitorHeaders("bench", visitor), body: JSON.stringify({ postId: measured[article] }) };
        },
        onResponse: (_status: number, _body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => {
          const outcome = headerValue(headers, "x-view-counted");
          if (outcome === undefined) {
            missingHeader++;
            return;
          }
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (outcome === "1") {
            const pair = context.pair as string;
            countedPairs.set(pair, (countedPairs.get(pair) ?? 0) + 1);
          }
        },
      },
    ],
  });
  const after = await viewState(database, measured);
  const dayAfter = koreanDay(new Date());
  const loadAfter = os.loadavg()[0];

  const { result, wallSeconds } = load;
  const latencies = load.latencies.sort((a, b) => a - b);
  const counted = after.viewSum - before.viewSum;
  const newEvents = after.events - before.events;
  const expected = issuedPairs.size;
  const httpCounted = outcomes.get("1") ?? 0;
  const pairsCountedTwice = [...countedPairs.values()].filter((count) => count > 1).length;
  const requestErrors = result.errors + result.timeouts + result.non2xx + missingHeader;
  const sameDay = dayBefore === dayAfter;
  const exact =
    sameDay && counted === expected && counted === newEvents && newEvents === after.eventsOnArticles - before.eventsOnArticles && httpCounted === expected && pairsCountedTwice === 0;

  const summary = {
    engine,
    date: new Date().toISOString(),
    commit: gitCommit(),
    options: { views, connections, visitors, articles, warmup: options.warmup, posts: options.posts, port },
    requests: result.requests.total,
    requestsIssued: issued,
    countedViews: counted,
    expectedCountedViews: expected,
    httpCountedResponses: httpCounted,
    viewEventsCreated: newEvents,
    wallSeconds: Number(wallSeconds.toFixed(3)),
    countedViewsPerSecond: Number((counted / wallSeconds).toFixed(1)),
    requestsPerSecond: Number((result.requests.total / wallSeconds).toFixed(1)),
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
    errors: {
      total: requestErrors,
      connectionErrors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      missingViewHeader: missingHeader,
      messages: Object.fromEntries(load.errorMessages),
    },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count])),
    outcomes: Object.fromEntries(outcomes),
    pairsCountedTwice,
    koreanDay: sameDay ? dayBefore : `${dayBefore}..${dayAfter}`,
    machine: { cpus: os.cpus().length, loadAverage1mBefore: Number(loadBefore.toFixed(2)), loadAverage1mAfter: Number(loadAfter.toFixed(2)) },
    exact,
  };

  console.log("");
  printTable([
    ["engine", engine],
    ["requests", fmt(summary.requests)],
    ["counted views (SUM(viewCount) increase)", fmt(counted)],
    ["expected counted views (distinct pairs)", fmt(expected)],
    ["new ViewEvent rows", fmt(newEvents)],
    ["X-View-Counted: 1 responses", fmt(httpCounted)],
    ["wall time", `${wallSeconds.toFixed(2)} s`],
    ["counted views/s", fmt(summary.countedViewsPerSecond, 1)],
    ["requests/s", fmt(summary.requestsPerSecond, 1)],
    ["latency p50 / p95 / p99", `${summary.latencyMs.p50} / ${summary.latencyMs.p95} / ${summary.latencyMs.p99} ms`],
    ["errors (conn / timeouts / non-2xx / no header)", `${result.errors} / ${result.timeouts} / ${result.non2xx} / ${missingHeader}`],
    ["exact", exact ? "yes" : "no"],
  ]);
  console.log(`Machine: ${os.cpus().length} CPUs, 1-min load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (others' work makes these numbers noisy).`);
  console.log(`Outcomes: ${[...outcomes].map(([outcome, count]) => `${fmt(count)}× "${outcome}"`).join(", ")}`);
  if (load.errorMessages.size) console.log(`Request errors: ${[...load.errorMessages].map(([m, c]) => `${c}× ${m}`).join("; ")}`);
  if (!sameDay) console.log(`The run crossed midnight in Korea (${dayBefore} → ${dayAfter}): repeats counted in a new window; run it again.`);
  if (pairsCountedTwice) console.log(`${pairsCountedTwice} (visitor, article) pairs were answered "counted" more than once.`);

  const folder = path.join(root, "bench-results");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `views-${engine}.json`);
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`Wrote ${path.relative(root, file)}`);

  if (requestErrors > 0 || result.non2xx > 0) console.log(`Last server output:\n${server.log.slice(-20).join("\n")}`);
  return exact && requestErrors === 0 ? 0 : 1;
}

startHarness("bench:views");
finish(main());
