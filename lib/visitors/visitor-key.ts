/**
 * Who a visitor is, without keeping who they are: a keyed hash of the IP address and user
 * agent (and a first-party cookie id when there is one) under a salt that changes every day
 * (Korean time), as Plausible and Umami do. The same visitor keeps one key for a day; no raw
 * IP is ever stored, and yesterday's keys cannot be linked to today's. Comments are the one
 * exception: their writers are known by a commenter key that stays the same (commenterKey).
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
 * Who wrote a comment, kept for good: a keyed hash of the client's network (the IPv4 address,
 * or the /64 an IPv6 address belongs to, since one household or phone is handed a whole /64 and
 * moves within it) under the site's visitor secret. Unlike visitorKey it does not change at
 * midnight, so the 15-second rule and an editor's block (CommentBlock) keep holding; still no
 * raw address is stored. Keys start with "c:", so they are told apart from the daily visitor
 * keys comments stored before (a block on one of those would never match anything again).
 */
export const COMMENTER_KEY_PREFIX = "c:";

export function commenterKey(secret: string, ip: string): string {
  const digest = createHmac("sha256", secret).update(`commenter:${commenterNetwork(ip)}`).digest("base64url").slice(0, 32);
  return `${COMMENTER_KEY_PREFIX}${digest}`;
}

export function isCommenterKey(key: string | null | undefined): key is string {
  return typeof key === "string" && key.startsWith(COMMENTER_KEY_PREFIX);
}

/** The part of an address that names one commenter: IPv4 whole, IPv6 by its first 64 bits. */
export function commenterNetwork(ip: string): string {
  if (!ip.includes(":") || ip.includes(".")) return ip;
  const [head, tail = null] = ip.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (missing < 0 || (tail === null && missing !== 0)) return ip;
  const groups = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return ip;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * The client's address from request headers.
 *
 * `next start` puts the socket's address in X-Forwarded-For only when the request has no such
 * header; a header the client sends arrives unchanged (checked on Next 16.4: no header gives
 * "::ffff:127.0.0.1", a sent "6.6.6.6" stays "6.6.6.6"). So the first entry is whatever the
 * client wrote, and only the entries our own proxies append can be trusted: each appends the
 * address it saw. The real client is the entry the outermost of our proxies added,
 * `trustedProxies` from the right — TRUSTED_PROXY_COUNT, default 1 (one reverse proxy such as
 * nginx with proxy_add_x_forwarded_for; a CDN in front of it makes 2). With no proxy the header
 * is Next's single entry, so the last entry is right then too; but a client that reaches
 * `next start` directly can write any address, which no header rule can undo.
 */
export function clientIp(headers: Pick<Headers, "get">, trustedProxies: number = trustedProxyCount()): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = entries.length ? entries[Math.max(0, entries.length - Math.max(1, trustedProxies))] : headers.get("x-real-ip")?.trim();
  return chosen ? normalizeAddress(chosen) : "unknown";
}

/** TRUSTED_PROXY_COUNT: how many reverse proxies of our own stand in front of the app (default 1). */
export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const value = env.TRUSTED_PROXY_COUNT?.trim();
  return value && /^\d{1,2}$/.test(value) ? Number(value) : 1;
}

/** One spelling per address: no port, no brackets, IPv4 without its IPv6-mapped prefix, lower case. */
function normalizeAddress(address: string): string {
  let value = address.slice(0, 100).toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, "");
  return value.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/, "$1");
}
