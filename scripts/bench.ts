/**
 * `npm run bench`: the public site's speed at newsroom scale, over real HTTP against the
 * production build (issue 9).
 *
 *   1. builds the app (`next build` into NEXT_DIST_DIR, default .next; --skip-build reuses it);
 *   2. makes a throwaway database (SQLite file, or PostgreSQL on TEST_POSTGRES_URL's server),
 *      seeds a board of --size articles and runs ANALYZE (PostgreSQL: VACUUM ANALYZE);
 *   3. serves it with `next start` on a free port (3600 and up);
 *   4. warms every target up, then loops over them until --minutes have passed: autocannon with
 *      --connections for --duration seconds (right after a run of its control page, which its
 *      ratio is over), then one client at a time for --single seconds;
 *   5. samples the server's RSS once a second; measures the list's and the article's
 *      first-load JavaScript (gzipped) and the HTML sizes of the list and the control pages;
 *   6. prints a markdown table and writes it as JSON to bench-results/bench-<engine>-<size>.json.
 * The server is stopped and the database dropped in every case (errors and Ctrl+C included).
 *
 *   npm run bench
 *   npm run bench -- --engine postgresql --size 1000000
 *   npm run bench -- --skip-build --minutes 1 --size 20000
 *
 * Options: --engine sqlite|postgresql (sqlite), --database-url <PostgreSQL server for the
 * throwaway database> (TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/postgres),
 * --size N articles (100000), --minutes M whole run at least (5), --connections C (10),
 * --duration S seconds per target and pass (10), --single S seconds of the one-client pass (5),
 * --warmup S seconds per target (3), --port P (first free from 3600), --skip-build.
 *
 * Each target is compared with a control page (app/(bench)): cached pages with the prerendered
 * one, dynamic pages and the view beacon with the one rendered per request without a database.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Database } from "../lib/db/client";
import type { DatabaseEngine } from "../lib/db/engine";
import { openBulkLoader } from "../lib/db/bulk-load";
import { createRandom, TITLE_WORDS } from "../lib/seed/generate";
import { DEMO_BOARD, DEMO_CATEGORIES, seedDemoSite } from "../lib/seed/seed-site";
import {
  beaconVisitorHeaders,
  choosePort,
  delay,
  distDir,
  fail,
  finish,
  fmt,
  gitCommit,
  hasBuild,
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
  type AutocannonRequest,
  type LoadRun,
} from "./support/bench-harness";

const DEFAULT_POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Search words: a word in a large share of the generated titles, and one only two titles have. */
const COMMON_WORD = "지원";
const RARE_WORD = "뿌리산업";

/** Targets (the issue): p95 for one client, deep page vs page 1, RSS, first-load JS. */
const TARGETS = { cachedRatio: 0.9, dynamicRatio: 0.7, singleP95Ms: 30, deepPageRatio: 1.5, maxRssMb: 400, rssGrowth: 0.1, articleJsKb: 100 };

// ---------------------------------------------------------------------------------------------
// Options

type Options = {
  engine: DatabaseEngine;
  size: number;
  minutes: number;
  connections: number;
  duration: number;
  single: number;
  warmup: number;
  port: number | null;
  skipBuild: boolean;
};

function parseOptions(argv: string[]): Options {
  const { value, whole, flag } = optionReader(
    argv,
    ["engine", "database-url", "size", "minutes", "connections", "duration", "single", "warmup", "port"],
    ["skip-build"],
  );
  const databaseUrl = value("database-url");
  if (databaseUrl) process.env.TEST_POSTGRES_URL = databaseUrl;
  const engine = (value("engine") ?? (databaseUrl ? "postgresql" : "sqlite")) as DatabaseEngine;
  if (engine !== "sqlite" && engine !== "postgresql") fail(`--engine is sqlite or postgresql, got "${engine}"`);
  if (engine === "postgresql") process.env.TEST_POSTGRES_URL ??= DEFAULT_POSTGRES_SERVER;
  return {
    engine,
    size: whole("size", 100_000, 21),
    minutes: whole("minutes", 5, 0),
    connections: whole("connections", 10),
    duration: whole("duration", 10),
    single: whole("single", 5),
    warmup: whole("warmup", 3, 0),
    port: value("port") === undefined ? null : whole("port", 3600, 1024),
    skipBuild: flag("skip-build"),
  };
}

// ---------------------------------------------------------------------------------------------
// Targets

/** Which control page a target is compared with. */
type Kind = "control" | "cached" | "dynamic";

/** `paths`: a target that asks another address each request (the first of them is its `path`). */
type Target = { name: string; path: string; kind: Kind; method?: "POST"; paths?: string[]; shownPath?: string; describe: string };

const PRERENDERED = "/bench/prerendered";
/** The article page's markup for a fixed article: an article's size, raw and gzipped (app/(bench)/bench/prerendered-article). */
const PRERENDERED_ARTICLE = "/bench/prerendered-article";
const DYNAMIC = "/bench/dynamic";
/** The controls a cached page may be compared with: the one closest to it in HTML size. */
const STATIC_CONTROLS = [PRERENDERED, PRERENDERED_ARTICLE];
const CONTROL_LABELS: Record<string, string> = { [PRERENDERED]: "static", [PRERENDERED_ARTICLE]: "static, article", [DYNAMIC]: "dynamic" };

/**
 * 제목 searches that no request repeats within the minute a board remembers a search's plan
 * and count (lib/board/list-totals.ts), so each pays them: every piece of two to four
 * characters of the generated titles' words, from the rarest to the most common (지원 is one),
 * on the whole board and in each category tab, shuffled.
 */
function coldSearchPaths(slug: string): string[] {
  const pieces = new Set<string>();
  for (const word of TITLE_WORDS) {
    const chars = Array.from(word);
    for (let length = 2; length <= 4; length += 1) {
      for (let start = 0; start + length <= chars.length; start += 1) pieces.add(chars.slice(start, start + length).join(""));
    }
  }
  const tabs = [null, ...DEMO_CATEGORIES.map((category) => category.slug)];
  const paths = [...pieces].flatMap((piece) =>
    tabs.map((tab) => `/${slug}?target=title&q=${encodeURIComponent(piece)}${tab ? `&category=${tab}` : ""}`),
  );
  const random = createRandom(9);
  for (let i = paths.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  return paths;
}

function targetsFor(slug: string, size: number, articleId: number): Target[] {
  const deepPage = Math.min(5_000, Math.ceil(size / 20));
  const coldSearches = coldSearchPaths(slug);
  return [
    { name: "control: prerendered", path: PRERENDERED, kind: "control", describe: "same list markup, rendered at build" },
    { name: "control: prerendered article", path: PRERENDERED_ARTICLE, kind: "control", describe: "the article page's markup for a fixed article, rendered at build" },
    { name: "control: dynamic", path: DYNAMIC, kind: "control", describe: "same list markup, rendered per request, no database" },
    { name: "list page 1", path: `/${slug}`, kind: "cached", describe: "the board as it opens" },
    { name: "list page 1, dynamic", path: `/${slug}?page=1`, kind: "dynamic", describe: "the same list, not from the cache (a list query)" },
    { name: `list page ${deepPage}`, path: `/${slug}?page=${deepPage}`, kind: "dynamic", describe: "a deep page" },
    { name: "sorted by title", path: `/${slug}?sort=title&order=asc`, kind: "dynamic", describe: "제목 ascending" },
    { name: "sorted by views", path: `/${slug}?sort=views`, kind: "dynamic", describe: "조회 수 descending" },
    { name: "category", path: `/${slug}?category=${DEMO_CATEGORIES[1].slug}`, kind: "dynamic", describe: `${DEMO_CATEGORIES[1].name} tab` },
    { name: "search: common word", path: `/${slug}?target=title&q=${encodeURIComponent(COMMON_WORD)}`, kind: "dynamic", describe: `제목 ‘${COMMON_WORD}’` },
    { name: "search: rare word", path: `/${slug}?target=title&q=${encodeURIComponent(RARE_WORD)}`, kind: "dynamic", describe: `제목 ‘${RARE_WORD}’` },
    {
      name: "search: a new word each",
      path: coldSearches[0],
      paths: coldSearches,
      shownPath: `/${slug}?target=title&q=…[&category=…] (${fmt(coldSearches.length)} searches)`,
      kind: "dynamic",
      describe: "제목, a search not asked in the last minute",
    },
    { name: "article", path: `/${slug}/${articleId}`, kind: "cached", describe: "plain article URL (cached route)" },
    { name: "feed", path: `/${slug}/rss.xml`, kind: "cached", describe: "the board's RSS" },
    { name: "view beacon", path: "/api/views", kind: "dynamic", method: "POST", describe: "POST /api/views, a new visitor each" },
  ];
}

/** Browser-like request headers: compressed answers, as a browser asks for them. */
const GET_HEADERS = { "accept-encoding": "gzip", accept: "text/html,application/xhtml+xml,*/*" };

let beaconVisitor = 0;
/** Where a target with `paths` goes on from (the run after goes on where this one stopped). */
const nextPath = new Map<string, number>();

/**
 * An autocannon request for the target; every beacon request is a new visitor of one of the
 * articles, and a target with `paths` asks the next of them each request.
 */
function requestFor(target: Target, beaconArticles: number[]): AutocannonRequest {
  const paths = target.paths;
  if (paths) {
    return {
      method: "GET",
      path: target.path,
      headers: GET_HEADERS,
      setupRequest: (request) => {
        const index = nextPath.get(target.path) ?? 0;
        nextPath.set(target.path, index + 1);
        return { ...request, path: paths[index % paths.length] };
      },
    };
  }
  if (target.method !== "POST") return { method: "GET", path: target.path, headers: GET_HEADERS };
  return {
    method: "POST",
    path: target.path,
    setupRequest: (request) => {
      const visitor = beaconVisitor++;
      const postId = beaconArticles[visitor % beaconArticles.length];
      return { ...request, headers: beaconVisitorHeaders("load", visitor), body: JSON.stringify({ postId }) };
    },
  };
}

type Pass = { requests: number; seconds: number; latencies: number[]; errors: number; non2xx: number; statuses: Map<string, number> };

const emptyPass = (): Pass => ({ requests: 0, seconds: 0, latencies: [], errors: 0, non2xx: 0, statuses: new Map() });

function addRun(pass: Pass, run: LoadRun) {
  pass.requests += run.result.requests.total;
  pass.seconds += run.wallSeconds;
  for (const latency of run.latencies) pass.latencies.push(latency);
  pass.errors += run.result.errors + run.result.timeouts;
  pass.non2xx += run.result.non2xx;
  for (const [code, stat] of Object.entries(run.result.statusCodeStats)) pass.statuses.set(code, (pass.statuses.get(code) ?? 0) + stat.count);
}

async function load(base: string, target: Target, beaconArticles: number[], connections: number, seconds: number): Promise<LoadRun> {
  return runLoad({ url: base, connections, duration: seconds, timeout: 30, requests: [requestFor(target, beaconArticles)] });
}

// ---------------------------------------------------------------------------------------------
// Memory: the server's RSS

/** Processes of a process group: pid, command line and VmRSS in kB. */
function groupProcesses(group: number): { pid: number; command: string; rssKb: number }[] {
  const found = [];
  for (const entry of readdirSafe("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ")".
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== group) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      found.push({ pid: Number(entry), command, rssKb: rss ? Number(rss[1]) : 0 });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * The process that serves: `next start` may serve itself or from a child (next-server). The
 * group's process titled next-server, else its largest.
 */
function serverProcess(group: number) {
  const processes = groupProcesses(group);
  return processes.find((candidate) => candidate.command.startsWith("next-server")) ?? processes.sort((a, b) => b.rssKb - a.rssKb)[0];
}

function sampleRss(group: number) {
  const samples: { at: number; rssMb: number }[] = [];
  let pid: number | null = null;
  let command = "";
  const started = Date.now();
  const take = () => {
    const server = serverProcess(group);
    if (!server) return;
    pid = server.pid;
    command = server.command;
    samples.push({ at: (Date.now() - started) / 1000, rssMb: server.rssKb / 1024 });
  };
  take();
  const timer = setInterval(take, 1_000);
  return {
    samples,
    now: () => {
      take();
      return samples.at(-1)?.rssMb ?? NaN;
    },
    stop: () => clearInterval(timer),
    process: () => ({ pid, command }),
  };
}

// ---------------------------------------------------------------------------------------------
// Page weight: HTML and first-load JavaScript

type PageWeight = {
  path: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** First-load JS: the `<script src>` a modern browser downloads (not `<script noModule>`). */
  scripts: number;
  scriptBytes: number;
  scriptGzipBytes: number;
  /** `<script noModule src>` (the legacy browsers' polyfills): never downloaded by a modern browser, so not first-load JS. */
  noModuleScripts: number;
  noModuleGzipBytes: number;
  /** Each script's address and gzipped size, largest first. */
  scriptList: { src: string; gzipBytes: number; noModule: boolean }[];
};

async function pageWeight(base: string, pagePath: string): Promise<PageWeight> {
  const response = await fetch(`${base}${pagePath}`);
  const html = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${pagePath} answered ${response.status}`);
  // Every <script … src> once, and whether it is noModule (React renders the attribute as `noModule=""`).
  const tags = new Map<string, boolean>();
  for (const match of html.toString().matchAll(/<script\b([^>]*?)\ssrc="([^"]+)"([^>]*)>/g)) {
    const source = match[2].replaceAll("&amp;", "&");
    const noModule = /\snomodule\b/i.test(` ${match[1]} ${match[3]}`);
    tags.set(source, (tags.get(source) ?? true) && noModule);
  }
  let scripts = 0;
  let scriptBytes = 0;
  let scriptGzipBytes = 0;
  let noModuleScripts = 0;
  let noModuleGzipBytes = 0;
  const scriptList = [];
  for (const [source, noModule] of tags) {
    const script = await fetch(new URL(source, base));
    const body = Buffer.from(await script.arrayBuffer());
    if (!script.ok) throw new Error(`${source} (from ${pagePath}) answered ${script.status}`);
    const gzipBytes = gzipSync(body).length;
    if (noModule) {
      noModuleScripts += 1;
      noModuleGzipBytes += gzipBytes;
    } else {
      scripts += 1;
      scriptBytes += body.length;
      scriptGzipBytes += gzipBytes;
    }
    scriptList.push({ src: source, gzipBytes, noModule });
  }
  scriptList.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { path: pagePath, htmlBytes: html.length, htmlGzipBytes: gzipSync(html).length, scripts, scriptBytes, scriptGzipBytes, noModuleScripts, noModuleGzipBytes, scriptList };
}

/**
 * What a page's first-load JS adds to the framework's: the gzipped bytes of its scripts (not
 * noModule) that the prerendered control, which has no client component of ours beyond the
 * site's header and footer, does not load.
 */
function addedToControl(page: PageWeight, control: PageWeight): { scripts: number; gzipBytes: number } {
  const shared = new Set(control.scriptList.map((script) => script.src));
  const added = page.scriptList.filter((script) => !script.noModule && !shared.has(script.src));
  return { scripts: added.length, gzipBytes: added.reduce((sum, script) => sum + script.gzipBytes, 0) };
}

/** The static control whose HTML is closest in size (by ratio) to `bytes`. */
function closestControl(bytes: number, controlBytes: Map<string, number>): string {
  const distance = (control: string) => Math.abs(Math.log(bytes / controlBytes.get(control)!));
  return STATIC_CONTROLS.reduce((best, control) => (distance(control) < distance(best) ? control : best));
}

// ---------------------------------------------------------------------------------------------
// Database

/**
 * Statistics for the planners, as a site that has been running has them. On PostgreSQL also a
 * VACUUM: a freshly loaded table has no visibility map, so index-only list reads would visit
 * the table for every row, and autovacuum would start that VACUUM by itself in the middle of
 * the measurement, taking a core from the server under test.
 */
async function analyze(database: Database) {
  if (database.engine === "postgresql") await database.$executeRawUnsafe("VACUUM (ANALYZE)");
  else {
    await database.$executeRawUnsafe("ANALYZE");
    await database.$queryRawUnsafe("PRAGMA optimize");
  }
}

/** The article the bench reads (one in the middle of the board) and 50 the beacon counts views of. */
async function pickArticles(database: Database, slug: string): Promise<{ article: number; beacon: number[] }> {
  const board = await database.board.findFirst({ where: { slug }, select: { id: true } });
  if (!board) throw new Error(`the seeded site has no board "${slug}"`);
  const where = { boardId: board.id, status: "published" as const, isNotice: false, deletedAt: null };
  const total = await database.post.count({ where });
  const middle = await database.post.findFirst({ where, select: { id: true }, orderBy: { id: "asc" }, skip: Math.floor(total / 2) });
  const beacon = await database.post.findMany({ where, select: { id: true }, orderBy: { id: "desc" }, take: 50 });
  if (!middle || beacon.length === 0) throw new Error("the seeded board has no published articles");
  return { article: middle.id, beacon: beacon.map((post) => post.id) };
}

// ---------------------------------------------------------------------------------------------
// Report

type Row = {
  target: string;
  path: string;
  kind: Kind;
  comparedWith: string | null;
  requestsPerSecond: number;
  ratio: number | null;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requests: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  singleClient: { requests: number; requestsPerSecond: number; p50: number; p95: number; p99: number };
};

/**
 * A target's row. `pairedControl` is its control measured right before each of its own runs
 * (null for a control): the ratio is over that, so a machine whose speed drifts over the
 * minutes of a run moves both sides alike.
 */
function summarize(target: Target, multi: Pass, single: Pass, comparedWith: string | null, pairedControl: Pass | null): Row {
  const latencies = [...multi.latencies].sort((a, b) => a - b);
  const singles = [...single.latencies].sort((a, b) => a - b);
  const rps = multi.requests / multi.seconds;
  return {
    target: target.name,
    path: target.shownPath ?? (target.method ? `${target.method} ${target.path}` : target.path),
    kind: target.kind,
    comparedWith,
    requestsPerSecond: round(rps, 1),
    ratio: pairedControl ? round(rps / (pairedControl.requests / pairedControl.seconds), 2) : null,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    requests: multi.requests,
    errors: multi.errors + single.errors,
    non2xx: multi.non2xx + single.non2xx,
    statusCodes: Object.fromEntries([...mergeCounts(multi.statuses, single.statuses)]),
    singleClient: {
      requests: single.requests,
      requestsPerSecond: round(single.requests / single.seconds, 1),
      p50: percentile(singles, 50),
      p95: percentile(singles, 95),
      p99: percentile(singles, 99),
    },
  };
}

function mergeCounts(a: Map<string, number>, b: Map<string, number>) {
  const merged = new Map(a);
  for (const [key, count] of b) merged.set(key, (merged.get(key) ?? 0) + count);
  return merged;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function markdownTable(header: string[], rows: string[][], alignRight: boolean[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (alignRight[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((width, i) => (alignRight[i] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

function resultsTable(rows: Row[]): string {
  const verdict = (row: Row) => {
    if (row.kind === "control") return "";
    const goal = row.kind === "cached" ? TARGETS.cachedRatio : TARGETS.dynamicRatio;
    const ratioOk = row.ratio !== null && row.ratio >= goal;
    const p95Ok = row.kind === "cached" || row.singleClient.p95 <= TARGETS.singleP95Ms;
    const clean = row.errors === 0 && row.non2xx === 0;
    return ratioOk && p95Ok && clean ? "yes" : "no";
  };
  return markdownTable(
    ["target", "path", "req/s", "× control", "p50 ms", "p95 ms", "p99 ms", "errors / non-2xx", "1 client p50 / p95 ms", "meets target"],
    rows.map((row) => [
      row.target,
      `\`${row.path}\``,
      fmt(row.requestsPerSecond, 0),
      row.ratio === null ? "—" : `${row.ratio.toFixed(2)} (${CONTROL_LABELS[row.comparedWith!]})`,
      String(row.latencyMs.p50),
      String(row.latencyMs.p95),
      String(row.latencyMs.p99),
      `${row.errors} / ${row.non2xx}`,
      row.singleClient.requests === 0 ? "none answered" : `${row.singleClient.p50} / ${row.singleClient.p95}`,
      verdict(row),
    ]),
    [false, false, true, true, true, true, true, true, true, false],
  );
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const { engine, size, connections } = options;
  const startedAt = new Date();
  console.log(
    `bench on ${engine}: ${fmt(size)} articles, ${connections} connections, ${options.duration} s per target (+ ${options.single} s one client), ` +
      `at least ${options.minutes} min, build in ${path.relative(root, distDir())}`,
  );

  const routes = [PRERENDERED, PRERENDERED_ARTICLE, DYNAMIC, "/api/views"];
  if (options.skipBuild) {
    if (!hasBuild(routes)) fail(`--skip-build: ${path.relative(root, distDir())} holds no production build with ${routes.join(", ")}`);
  } else {
    console.log("Building (next build)…");
    nextBuild();
  }
  const port = await choosePort(options.port, 3600);

  const throwaway = await throwawayDatabase(engine);
  const { database } = throwaway;
  let seedStarted = Date.now();
  let lastReport = 0;
  const loader = await openBulkLoader(throwaway.url);
  const seeded = await seedDemoSite(database, {
    posts: size,
    loader,
    onProgress: (done, total) => {
      if (Date.now() - lastReport < 10_000 && done < total) return;
      lastReport = Date.now();
      console.log(`  seeded ${fmt(done)} / ${fmt(total)} articles (${((Date.now() - seedStarted) / 1000).toFixed(0)} s)`);
    },
  });
  await loader.close();
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  seedStarted = Date.now();
  await analyze(database);
  const analyzeSeconds = (Date.now() - seedStarted) / 1000;
  console.log(`Seeded ${fmt(seeded.posts)} articles and ${fmt(seeded.comments)} comments in ${seedSeconds.toFixed(1)} s; ${database.engine === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE"} ${analyzeSeconds.toFixed(1)} s.`);

  const slug = DEMO_BOARD.slug;
  const { article, beacon } = await pickArticles(database, slug);
  await database.$disconnect();
  const targets = targetsFor(slug, size, article);

  const base = `http://127.0.0.1:${port}`;
  const server = startServer(throwaway.url, port);
  onCleanup("stop the server", () => stopServer(server));
  await waitUntilServing(server, base, PRERENDERED);
  const rss = sampleRss(server.process.pid!);
  onCleanup("stop sampling memory", async () => rss.stop());
  console.log(`Serving ${path.relative(root, distDir())} at ${base} (pid ${rss.process().pid}: ${rss.process().command}).`);

  // Page weight, before the load (also the first request of each page).
  const weights = {
    listPage: await pageWeight(base, `/${slug}`),
    article: await pageWeight(base, `/${slug}/${article}`),
    prerenderedControl: await pageWeight(base, PRERENDERED),
    articleControl: await pageWeight(base, PRERENDERED_ARTICLE),
    dynamicControl: await pageWeight(base, DYNAMIC),
  };
  const framework = {
    controlGzipBytes: weights.prerenderedControl.scriptGzipBytes,
    article: addedToControl(weights.article, weights.prerenderedControl),
    listPage: addedToControl(weights.listPage, weights.prerenderedControl),
  };

  // What each target answers, before any load: status, size, and whether Next's cache served it.
  const probes = [];
  for (const target of targets) {
    const response = await fetch(`${base}${target.path}`, {
      method: target.method ?? "GET",
      headers: target.method ? beaconVisitorHeaders("probe", 0) : GET_HEADERS,
      body: target.method ? JSON.stringify({ postId: beacon[0] }) : undefined,
    });
    const bytes = (await response.arrayBuffer()).byteLength;
    const probe = { target: target.name, path: target.path, status: response.status, bytes, nextCache: response.headers.get("x-nextjs-cache"), cacheControl: response.headers.get("cache-control") };
    probes.push(probe);
    console.log(`  ${target.name}: ${probe.status}, ${fmt(bytes)} bytes${probe.nextCache ? `, x-nextjs-cache ${probe.nextCache}` : ""}, cache-control ${probe.cacheControl ?? "—"}`);
  }

  // Warm-up: every target, then the memory baseline.
  if (options.warmup > 0) {
    for (const target of targets) {
      const run = await load(base, target, beacon, connections, options.warmup);
      const failed = run.result.errors + run.result.timeouts + run.result.non2xx;
      console.log(`  warm-up ${target.name}: ${run.result.requests.total} requests${failed ? `, ${failed} failed` : ""}`);
    }
  }
  const rssAfterWarmup = rss.now();
  console.log(`Warmed up; server RSS ${rssAfterWarmup.toFixed(0)} MB.`);

  // Which control each target is compared with: a cached page with the prerendered control
  // closest to it in size (uncompressed bytes as probed), the others with the dynamic one.
  const probedBytes = new Map(probes.map((probe) => [probe.path, probe.bytes]));
  const controlOf = (target: Target): Target | null => {
    if (target.kind === "control") return null;
    const path = target.kind === "cached" ? closestControl(probedBytes.get(target.path) ?? 0, probedBytes) : DYNAMIC;
    return targets.find((candidate) => candidate.path === path)!;
  };

  // Measured rounds until --minutes have passed (at least one). Side by side: under load, every
  // target right after a run of its control (counted in the control's row too, and kept apart
  // as the target's paired control, which its ratio is over).
  const multi = new Map(targets.map((target) => [target.path, emptyPass()]));
  const single = new Map(targets.map((target) => [target.path, emptyPass()]));
  const paired = new Map(targets.map((target) => [target.path, emptyPass()]));
  const measureStarted = Date.now();
  let rounds = 0;
  do {
    rounds += 1;
    for (const target of targets) {
      const control = controlOf(target);
      if (control) {
        const run = await load(base, control, beacon, connections, options.duration);
        addRun(paired.get(target.path)!, run);
        addRun(multi.get(control.path)!, run);
      }
      addRun(multi.get(target.path)!, await load(base, target, beacon, connections, options.duration));
      addRun(single.get(target.path)!, await load(base, target, beacon, 1, options.single));
    }
    const minutes = (Date.now() - measureStarted) / 60_000;
    console.log(`  round ${rounds} done (${minutes.toFixed(1)} min, RSS ${rss.now().toFixed(0)} MB)`);
  } while (Date.now() - measureStarted < options.minutes * 60_000);
  // Settle (pending timers, GC) before the last memory reading.
  await delay(2_000);
  const rssAtEnd = rss.now();
  rss.stop();

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const rows = targets.map((target) => {
    const control = controlOf(target);
    return summarize(target, multi.get(target.path)!, single.get(target.path)!, control?.path ?? null, control ? paired.get(target.path)! : null);
  });
  const cachedComparisons = rows
    .filter((row) => row.kind === "cached")
    .map((row) => `${row.target} ${kb(probedBytes.get(row.path) ?? 0)} → ${CONTROL_LABELS[row.comparedWith!]} (\`${row.comparedWith}\`, ${kb(probedBytes.get(row.comparedWith!)!)})`);
  const pageOne = rows.find((row) => row.path === `/${slug}?page=1`)!;
  const deep = rows.find((row) => row.target.startsWith("list page") && row.path.includes("?page=") && row !== pageOne)!;
  const maxRss = Math.max(...rss.samples.map((sample) => sample.rssMb));

  const summary = {
    engine,
    size,
    date: startedAt.toISOString(),
    commit: gitCommit(),
    machine: machineInfo(),
    options: { ...options, port },
    seed: { articles: seeded.posts, comments: seeded.comments, seconds: round(seedSeconds, 1), analyzeSeconds: round(analyzeSeconds, 1) },
    rounds,
    measuredMinutes: round((Date.now() - measureStarted) / 60_000, 2),
    rows,
    deepPage: {
      target: deep.target,
      singleClientP50Ratio: round(deep.singleClient.p50 / pageOne.singleClient.p50, 2),
      singleClientP95Ratio: round(deep.singleClient.p95 / pageOne.singleClient.p95, 2),
      goal: TARGETS.deepPageRatio,
    },
    memory: {
      process: rss.process(),
      afterWarmupMb: round(rssAfterWarmup, 1),
      atEndMb: round(rssAtEnd, 1),
      maxMb: round(maxRss, 1),
      endToWarmup: round(rssAtEnd / rssAfterWarmup, 3),
      samples: rss.samples.map((sample) => [round(sample.at, 1), round(sample.rssMb, 1)]),
    },
    pageWeight: weights,
    framework,
    probes,
    targets: TARGETS,
  };

  const lines = [
    `### ${engine}, ${fmt(seeded.posts)} articles (${summary.date.slice(0, 16).replace("T", " ")} UTC, commit ${summary.commit ?? "?"})`,
    "",
    resultsTable(rows),
    "",
    `- ${connections} connections, ${options.duration} s per target per round, each right after ${options.duration} s of its control (its ratio is over those runs); ${rounds} round(s) over ${summary.measuredMinutes} min; one-client pass ${options.single} s per target per round.`,
    `- Page ${deep.target.replace("list page ", "")} vs page 1 (both rendered per request), one client: p50 ${summary.deepPage.singleClientP50Ratio}×, p95 ${summary.deepPage.singleClientP95Ratio}× (target ≤ ${TARGETS.deepPageRatio}×).`,
    `- Server RSS (${rss.process().command.split(" ")[0] || "?"}): ${rssAfterWarmup.toFixed(0)} MB after warm-up, ${rssAtEnd.toFixed(0)} MB at the end (${summary.memory.endToWarmup}×), max ${maxRss.toFixed(0)} MB (targets < ${TARGETS.maxRssMb} MB, end within ${TARGETS.rssGrowth * 100}%).`,
    `- First-load JS (gzipped, \`<script noModule>\` left out): article ${kb(weights.article.scriptGzipBytes)} in ${weights.article.scripts} scripts (target ≤ ${TARGETS.articleJsKb} kB), list ${kb(weights.listPage.scriptGzipBytes)} in ${weights.listPage.scripts}, control ${kb(weights.prerenderedControl.scriptGzipBytes)}.`,
    `- Of that, the framework's share (the prerendered control's JS: Next, React and the site header/footer) is ${kb(framework.controlGzipBytes)}; the article adds ${kb(framework.article.gzipBytes)} in ${framework.article.scripts} scripts, the list ${kb(framework.listPage.gzipBytes)} in ${framework.listPage.scripts}.`,
    `- noModule scripts (legacy browsers only, not counted above): article ${kb(weights.article.noModuleGzipBytes)} in ${weights.article.noModuleScripts}, list ${kb(weights.listPage.noModuleGzipBytes)} in ${weights.listPage.noModuleScripts}, control ${kb(weights.prerenderedControl.noModuleGzipBytes)}.`,
    `- HTML: list page 1 ${kb(weights.listPage.htmlBytes)} (${kb(weights.listPage.htmlGzipBytes)} gzipped), prerendered control ${kb(weights.prerenderedControl.htmlBytes)} (${kb(weights.prerenderedControl.htmlGzipBytes)}), article control ${kb(weights.articleControl.htmlBytes)} (${kb(weights.articleControl.htmlGzipBytes)}), dynamic control ${kb(weights.dynamicControl.htmlBytes)} (${kb(weights.dynamicControl.htmlGzipBytes)}), article ${kb(weights.article.htmlBytes)} (${kb(weights.article.htmlGzipBytes)}).`,
    `- Cached rows compared with the prerendered control closest in HTML size: ${cachedComparisons.join("; ")}.`,
    `- Seed: ${seedSeconds.toFixed(0)} s, ${engine === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE"} ${analyzeSeconds.toFixed(0)} s.`,
    `- Machine: ${summary.machine.cpuModel}, ${summary.machine.cores} cores, ${summary.machine.ramGb} GB RAM, Node ${summary.machine.node}, ${summary.machine.platform}; 1-min load ${summary.machine.loadAverage1m} at the end.`,
  ];
  console.log(`\n${lines.join("\n")}\n`);

  const folder = path.join(root, "bench-results");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `bench-${engine}-${size}.json`);
  writeFileSync(file, `${JSON.stringify({ ...summary, markdown: lines.join("\n") }, null, 2)}\n`);
  console.log(`Wrote ${path.relative(root, file)}`);

  const failures = rows.reduce((sum, row) => sum + row.errors + row.non2xx, 0);
  if (failures) console.log(`${failures} requests failed. Last server output:\n${server.log.slice(-20).join("\n")}`);
  return failures ? 1 : 0;
}

startHarness("bench");
finish(main());
