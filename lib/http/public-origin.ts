import { parseSiteUrl } from "@/lib/site-config";

/**
 * The site's public address (`https://news.example.kr`), for what must name a page in full
 * even on a site that has not configured it: the print view's article URL and its QR code. A
 * configured address wins (SITE_URL, else NEXTAUTH_URL, read by lib/site-config.ts as feeds,
 * sitemaps and canonical links use it); without one it is read off the request: the host the
 * browser asked for (X-Forwarded-Host from a proxy in front, else Host) and the scheme the
 * proxy saw (X-Forwarded-Proto, else http). Pure: the caller passes the headers and the
 * environment.
 *
 * A client talking to `next start` directly can send any Host, so only pages rendered per
 * request for that client may use the request's origin, never a cached page.
 */

type HeaderReader = { get(name: string): string | null };
type OriginEnv = { SITE_URL?: string; NEXTAUTH_URL?: string };

/** host, host:port, [v6]:port; nothing else (no userinfo, path or spaces). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The first value of a header a chain of proxies may have appended to (`a, b`). */
function firstValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}

/** The origin the request was made to, from its headers, or null when they name none usable. */
export function requestOrigin(headers: HeaderReader): string | null {
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host"));
  if (!host || !HOST.test(host)) return null;
  const proto = firstValue(headers.get("x-forwarded-proto"))?.toLowerCase();
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}

/**
 * The configured base URL (lib/site-config.ts: SITE_URL, else NEXTAUTH_URL), else the
 * request's origin, else the local default. No trailing slash.
 */
export function publicBaseUrl(headers: HeaderReader, env: OriginEnv = process.env): string {
  const configured = env.SITE_URL ?? env.NEXTAUTH_URL;
  if (configured?.trim()) return parseSiteUrl(configured);
  return requestOrigin(headers) ?? parseSiteUrl(undefined);
}

/** A base URL + an absolute path: absoluteUrlOn("https://a.kr", "/news/1") → "https://a.kr/news/1". */
export function absoluteUrlOn(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
