/**
 * The site's public address (`https://news.example.kr`), for what must name a page in full:
 * the print view's article URL and its QR code. A configured address wins (SITE_URL, else
 * NEXTAUTH_URL, which a real site sets for login anyway); without one it is read off the
 * request: the host the browser asked for (X-Forwarded-Host from a proxy in front, else Host)
 * and the scheme the proxy saw (X-Forwarded-Proto, else http). Pure: the caller passes the
 * headers and the environment.
 *
 * A client talking to `next start` directly can send any Host, so only pages rendered per
 * request for that client may use the request's origin, never a cached page.
 */

type HeaderReader = { get(name: string): string | null };
type OriginEnv = { SITE_URL?: string; NEXTAUTH_URL?: string };

/** host, host:port, [v6]:port; nothing else (no userinfo, path or spaces). */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The origin of an http(s) URL (`https://a.kr/x` → `https://a.kr`), or null. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

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

/** The configured origin (SITE_URL, then NEXTAUTH_URL), else the request's, else localhost. */
export function publicOrigin(headers: HeaderReader, env: OriginEnv = process.env): string {
  return originOf(env.SITE_URL) ?? originOf(env.NEXTAUTH_URL) ?? requestOrigin(headers) ?? "http://localhost:3000";
}

/** `origin` + an absolute path: absoluteUrlOn("https://a.kr", "/news/1") → "https://a.kr/news/1". */
export function absoluteUrlOn(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
