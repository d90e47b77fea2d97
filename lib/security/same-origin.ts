/**
 * CSRF: a state-changing request (POST, PUT, PATCH, DELETE) sent by another site's page carries
 * that site's Origin, and a sandboxed frame or a redirect chain sends `Origin: null`. proxy.ts
 * refuses both with 403 before any server action or route handler runs. A request with no
 * Origin at all is not a browser's cross-site request (browsers send Origin on every
 * cross-origin POST): the server's own calls to /api/internal/* and tools like curl.
 */
const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function changesState(method: string): boolean {
  return STATE_CHANGING_METHODS.has(method.toUpperCase());
}

/**
 * True when the request's Origin names another site. Ours is the host the request was sent to
 * (Host, or X-Forwarded-Host behind a reverse proxy, as Next's own server-action check reads it)
 * or the configured site address (SITE_URL).
 */
export function isForeignOrigin(headers: Headers, siteUrl: string): boolean {
  const origin = headers.get("origin");
  return origin !== null && isForeignAddress(origin, headers, siteUrl);
}

/** True when `address` (an Origin or a Referer) is not on this site's hosts, or is no http(s) address. */
function isForeignAddress(address: string, headers: Headers, siteUrl: string): boolean {
  let originHost: string;
  try {
    const url = new URL(address);
    if (url.protocol !== "http:" && url.protocol !== "https:") return true;
    originHost = url.host.toLowerCase();
  } catch {
    return true; // "null" and anything else that is not an address
  }
  const ownHosts = [headers.get("x-forwarded-host")?.split(",")[0], headers.get("host"), new URL(siteUrl).host]
    .filter((host): host is string => Boolean(host))
    .map((host) => host.trim().toLowerCase());
  return !ownHosts.includes(originHost);
}

export const FOREIGN_ORIGIN_MESSAGE = "다른 사이트에서 보낸 요청은 받지 않습니다.";

/**
 * True when a GET for a subresource (the article's no-JavaScript view image) was made by one of
 * this site's own pages. Browsers say so in `Sec-Fetch-Site` (`same-origin`); one too old to
 * send it still sends the page's address as `Referer` (the referrer policy keeps it within the
 * site), which must then be ours. Anything else — another site's `<img>`, an address typed into
 * the bar (`none`), a tool sending neither header — is not this site's page asking.
 */
export function isOwnPageRequest(headers: Headers, siteUrl: string): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) return fetchSite === "same-origin";
  const referer = headers.get("referer");
  return referer !== null && !isForeignAddress(referer, headers, siteUrl);
}
