import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { siteSecret } from "@/lib/data/site-secrets";

/**
 * The token the server's own scheduler sends to /api/internal/publish-due: derived from the
 * site's secret, so only this site's processes know it, and compared in constant time.
 */
export async function internalToken(): Promise<string> {
  return createHmac("sha256", await siteSecret("auth")).update("internal:publish-due").digest("base64url");
}

export async function isInternalToken(candidate: string | null): Promise<boolean> {
  if (!candidate) return false;
  const expected = Buffer.from(await internalToken());
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
