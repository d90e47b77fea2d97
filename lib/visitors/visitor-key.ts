/**
 * Who a visitor is, without keeping who they are: a keyed hash of the IP address and user
 * agent (and a first-party cookie id when there is one) under a salt that changes every day
 * (Korean time), as Plausible and Umami do. The same visitor keeps one key for a day; no raw
 * IP is ever stored, and yesterday's keys cannot be linked to today's.
 */
import { createHmac } from "node:crypto";

export type VisitorSignals = { ip: string; userAgent: string; cookieId?: string | null };

/** The Korean-time calendar day of a moment, "2026-11-29". */
export function koreanDay(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A 32-character key for the visitor on the day of `at`. */
export function visitorKey(secret: string, signals: VisitorSignals, at: Date = new Date()): string {
  const dailySalt = createHmac("sha256", secret).update(`visitor-salt:${koreanDay(at)}`).digest();
  return createHmac("sha256", dailySalt)
    .update([signals.ip, signals.userAgent, signals.cookieId ?? ""].join("\n"))
    .digest("base64url")
    .slice(0, 32);
}

/**
 * The client's address from request headers: the first X-Forwarded-For entry (set by `next
 * start` itself, or by the load balancer in front of it), else X-Real-IP.
 */
export function clientIp(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
