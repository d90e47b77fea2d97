import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { siteSecret } from "@/lib/data/site-secrets";

/**
 * Requests a server makes to itself, for work that must run inside a request (Next only lets a
 * request revalidate cached pages) but is started by a timer: the scheduler's publish-due and
 * the second cache expiry after a write. They go to /api/internal/*, which answers only the
 * token below: derived from the site's secret, so only this site's processes know it, and
 * compared in constant time. Anyone else gets a 404.
 */
export async function internalToken(): Promise<string> {
  return createHmac("sha256", await siteSecret("auth")).update("internal-requests").digest("base64url");
}

export async function isInternalToken(candidate: string | null): Promise<boolean> {
  if (!candidate) return false;
  const expected = Buffer.from(await internalToken());
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** This server's own address: INTERNAL_BASE_URL, or 127.0.0.1 on the port `next start` listens on. */
function serverBaseUrl(): string {
  return process.env.INTERNAL_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
}

/** POSTs JSON to one of this server's /api/internal routes; failures are logged, never thrown. */
export async function postToSelf(path: `/api/internal/${string}`, body: unknown = {}): Promise<void> {
  try {
    const response = await fetch(`${serverBaseUrl()}${path}`, {
      method: "POST",
      headers: { "x-internal-token": await internalToken(), "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) console.error(`internal request ${path} answered ${response.status}`);
  } catch (error) {
    console.error(`internal request ${path} failed`, error);
  }
}
