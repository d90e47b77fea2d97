/**
 * A production `next start` for the test scripts (scripts/crash-test.ts,
 * scripts/multi-instance-check.ts): started from the existing build (NEXT_DIST_DIR or .next)
 * in a process group of its own, so a signal reaches the server and anything it forked; its
 * last 200 log lines kept for a failure report.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const projectRoot = path.join(__dirname, "..", "..");
const nextBin = path.join(projectRoot, "node_modules", ".bin", "next");
export const buildDir = process.env.NEXT_DIST_DIR || ".next";

export type ServerProcess = { process: ChildProcess; log: string[]; exited: Promise<void>; base: string };

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Throws unless a production build is there (`npm test` builds before its scripts run). */
export function requireBuild(): void {
  if (!existsSync(path.join(projectRoot, buildDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${buildDir}: run \`npx next build\` first (npm test does).`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "0.0.0.0", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** `count` free ports in a row from `first` (below `first + 100`), or `wanted` and the ports after it. */
export async function choosePorts(wanted: number | null, first: number, count = 1): Promise<number[]> {
  if (wanted !== null) return Array.from({ length: count }, (_, i) => wanted + i);
  for (let port = first; port + count <= first + 100; port++) {
    const ports = Array.from({ length: count }, (_, i) => port + i);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return ports;
  }
  throw new Error(`no ${count} free ports in a row in ${first}–${first + 99}`);
}

export function startServer(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(nextBin, ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectRoot,
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // a process group of its own: a signal reaches the server and anything it forked
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) log.push(line);
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { process: child, log, exited, base: `http://127.0.0.1:${port}` };
}

/** Resolves once `probePath` answers 2xx; throws with the server's log if it exits or takes over 120 s. */
export async function waitUntilServing(server: ServerProcess, probePath: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let gone = false;
  void server.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`next start exited:\n${server.log.join("\n")}`);
    try {
      const response = await fetch(`${server.base}${probePath}`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  throw new Error(`next start did not serve ${probePath} within 120 s:\n${server.log.join("\n")}`);
}

/** The name of a process as the kernel knows it (`next start` renames itself `next-server (v16…)`). */
export function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] || "?";
  } catch {
    return "?";
  }
}

export function signalGroup(server: ServerProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.process.pid!, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the server's process group, SIGKILL after 10 s. */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  signalGroup(server, "SIGTERM");
  const stopped = await Promise.race([server.exited.then(() => true), delay(10_000).then(() => false)]);
  if (!stopped) {
    signalGroup(server, "SIGKILL");
    await server.exited;
  }
}
