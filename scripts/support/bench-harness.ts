/**
 * What the benchmarks (scripts/bench.ts, scripts/bench-views.ts) share: the production build,
 * a `next start` server on a free port and stopping it, autocannon runs, and the cleanup that
 * stops the server and drops the throwaway database in every case (errors and Ctrl+C too).
 *
 * One benchmark per process: call `startHarness(name)` first; `finish(main())` runs the
 * cleanups and exits with main's code.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { createDatabase, type Database } from "../../lib/db/client";
import type { DatabaseEngine } from "../../lib/db/engine";
import { createThrowawayDatabase } from "../../tests/support/throwaway-database";
import { serverNodeOptions } from "./server-node-options";

export const root = path.join(__dirname, "..", "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");

let name = "bench";

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function fail(message: string): never {
  console.error(`${name}: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Options: `--name value` pairs

export function optionReader(argv: string[], known: string[], flags: string[] = []) {
  for (const arg of argv) {
    if (arg.startsWith("--") && !known.includes(arg.slice(2)) && !flags.includes(arg.slice(2))) fail(`unknown option ${arg}`);
  }
  const value = (option: string): string | undefined => {
    const index = argv.indexOf(`--${option}`);
    if (index === -1) return undefined;
    const given = argv[index + 1];
    if (given === undefined || given.startsWith("--")) fail(`--${option} needs a value`);
    return given;
  };
  const whole = (option: string, fallback: number, min = 1): number => {
    const given = value(option);
    if (given === undefined) return fallback;
    const number = Number(given);
    if (!Number.isInteger(number) || number < min) fail(`--${option} needs a whole number ≥ ${min}, got "${given}"`);
    return number;
  };
  const flag = (option: string) => argv.includes(`--${option}`);
  return { value, whole, flag };
}

// ---------------------------------------------------------------------------------------------
// Cleanup and signals

const cleanups: { label: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | null = null;
let interrupted = false;
let runningLoad: AutocannonInstance | null = null;

export const wasInterrupted = () => interrupted;

/** Runs at the end, last registered first. */
export function onCleanup(label: string, run: () => Promise<void>) {
  cleanups.push({ label, run });
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    runningLoad?.stop();
    while (cleanups.length) {
      const task = cleanups.pop()!;
      try {
        await task.run();
      } catch (error) {
        console.error(`${name}: could not ${task.label}:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}

export function startHarness(benchName: string) {
  name = benchName;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // npx/tsx pass the terminal's Ctrl+C on as well: one signal is enough to stop.
      if (interrupted) return;
      interrupted = true;
      console.error(`\n${name}: ${signal}, stopping the server and dropping the database…`);
      void cleanup().then(() => process.exit(130));
    });
  }
}

/** Runs the cleanups after main and exits with its code (1 on an error, 130 when interrupted). */
export function finish(main: Promise<number>) {
  main
    .then(async (code) => {
      await cleanup();
      process.exit(code);
    })
    .catch(async (error) => {
      if (!interrupted) console.error(`${name} failed:`, error instanceof Error ? error.message : error);
      await cleanup();
      process.exit(interrupted ? 130 : 1);
    });
}

// ---------------------------------------------------------------------------------------------
// Build

/** The build folder: NEXT_DIST_DIR (next.config.ts reads it too), else .next. */
export const distDir = () => path.join(root, process.env.NEXT_DIST_DIR || ".next");

/** True when there is a production build that serves all these routes. */
export function hasBuild(routes: string[]): boolean {
  const manifest = path.join(distDir(), "app-path-routes-manifest.json");
  if (!existsSync(path.join(distDir(), "BUILD_ID")) || !existsSync(manifest)) return false;
  const text = readFileSync(manifest, "utf8");
  return routes.every((route) => text.includes(`"${route}"`));
}

/**
 * `next build` into distDir(). A build into another folder than .next adds that folder's types
 * to tsconfig.json's include list: the file is put back as it was, so a benchmark leaves the
 * working tree clean.
 */
export function nextBuild() {
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    const build = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}

// ---------------------------------------------------------------------------------------------
// Database

/** A migrated throwaway database and a client of it; disconnected and dropped at cleanup. */
export async function throwawayDatabase(engine: DatabaseEngine): Promise<{ url: string; database: Database }> {
  const throwaway = await createThrowawayDatabase(engine, { label: "bench", migrated: true });
  onCleanup("drop the throwaway database", () => throwaway.drop());
  const database = createDatabase(throwaway.url);
  onCleanup("disconnect", () => database.$disconnect());
  return { url: throwaway.url, database };
}

// ---------------------------------------------------------------------------------------------
// Server

function portIsFree(port: number): Promise<boolean> {
  const tryHost = (host: string) =>
    new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    });
  return tryHost("127.0.0.1").then((free) => (free ? tryHost("0.0.0.0") : false));
}

/** The port asked for (which must be free), else the first free one of first…first+99. */
export async function choosePort(wanted: number | null, first: number): Promise<number> {
  if (wanted !== null) {
    if (!(await portIsFree(wanted))) throw new Error(`port ${wanted} is in use`);
    return wanted;
  }
  for (let port = first; port < first + 100; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${first}–${first + 99}`);
}

export type Server = { process: ChildProcess; log: string[]; exited: Promise<number | null> };

/**
 * `next start` of distDir() on the database, in a process group of its own, with the Node
 * options `npm start` serves with (scripts/support/server-node-options.ts: the heap cap).
 */
export function startServer(databaseUrl: string, port: number): Server {
  const child = spawn(nextBin, ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", NODE_OPTIONS: serverNodeOptions() },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so the whole server (and any worker) stops together
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      log.push(line);
      if (process.env.BENCH_VERBOSE) console.log(`  [server] ${line}`);
      if (log.length > 200) log.shift();
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, log, exited };
}

export async function stopServer(server: Server) {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const group = -server.process.pid!;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(group, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const stopped = await Promise.race([server.exited.then(() => true), delay(10_000).then(() => false)]);
  if (!stopped) {
    signalGroup("SIGKILL");
    await server.exited;
  }
}

/** Waits until `path` answers 2xx (at most 120 s); throws with the server's output otherwise. */
export async function waitUntilServing(server: Server, base: string, probePath: string) {
  const deadline = Date.now() + 120_000;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`next start exited (${exitCode}):\n${server.log.join("\n")}`);
    try {
      const response = await fetch(`${base}${probePath}`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`next start did not serve ${probePath} within 120 s:\n${server.log.join("\n")}`);
}

// ---------------------------------------------------------------------------------------------
// autocannon (no type declarations ship with it; the few fields used here)

export type AutocannonRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
};
export type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  resets: number;
  "1xx": number;
  "2xx": number;
  "3xx": number;
  "4xx": number;
  "5xx": number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
};
type AutocannonInstance = NodeJS.EventEmitter & { stop: () => void };
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;
const autocannon = createRequire(__filename)("autocannon") as Autocannon;

/** One autocannon run: its result, wall time, every response's latency (ms) and error messages. */
export type LoadRun = { result: AutocannonResult; wallSeconds: number; latencies: number[]; errorMessages: Map<string, number> };

export function runLoad(options: Record<string, unknown>): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const errorMessages = new Map<string, number>();
    const started = process.hrtime.bigint();
    const instance = autocannon(options, (error, result) => {
      runningLoad = null;
      if (interrupted) reject(new Error("interrupted"));
      else if (error) reject(error);
      else resolve({ result, wallSeconds: Number(process.hrtime.bigint() - started) / 1e9, latencies, errorMessages });
    });
    runningLoad = instance;
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    instance.on("reqError", (error: Error) => {
      const message = error?.message ?? String(error);
      errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
    });
  });
}

/** The p-th percentile (nearest rank) of ascending values, to 0.1. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index] * 10) / 10;
}

export function headerValue(headers: Record<string, string | string[]>, header: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === header) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The view beacon

const CHROME_UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/**
 * Headers of a POST /api/views from a browser of its own: a Chrome user agent ending in its
 * visitor number and an `nv` cookie id (the route accepts [A-Za-z0-9_-]{16,64}). The cookie is
 * sent on purpose: the route gives a request without one a fresh random id, and the id is part
 * of the visitor key, so cookieless requests would each be a new visitor.
 */
export function beaconVisitorHeaders(kind: string, visitor: number): Record<string, string> {
  const number = String(visitor).padStart(6, "0");
  return {
    "content-type": "application/json",
    "user-agent": `${CHROME_UA} Visitor/${kind}-${number}`,
    cookie: `nv=${kind}-visitor-${number}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Report

export function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return null;
  }
}

export const fmt = (value: number, digits = 0) =>
  value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
