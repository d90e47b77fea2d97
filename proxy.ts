import { NextResponse, type NextRequest } from "next/server";
import { isCachedPageUrl } from "@/lib/routing/cached-urls";
import { CACHED_PAGE_NONCE, contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { changesState, FOREIGN_ORIGIN_MESSAGE, isForeignOrigin } from "@/lib/security/same-origin";
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "@/lib/security/security-headers";
import { siteConfig } from "@/lib/site-config";

/**
 * Every request but static files passes here, for three things (SECURITY.md):
 *
 * 1. CSRF: a POST, PUT, PATCH or DELETE whose Origin is another site, or `null`, gets 403 before
 *    any server action or route handler runs (lib/security/same-origin.ts).
 * 2. Content-Security-Policy with a nonce (lib/security/content-security-policy.ts): on the
 *    response, and on the request, where Next reads the nonce to put it on its own scripts. A
 *    new nonce per request, except on the URLs Next's full-route cache serves (a board's first
 *    page, a plain article URL): its cached HTML carries the nonce it was rendered with, so those requests all get
 *    the server process's CACHED_PAGE_NONCE. Strict-Transport-Security when the site is https.
 * 3. The dashboard's front door. Without a session cookie there is nothing to show, so the
 *    visitor goes to /login and comes back afterwards. This only redirects: every dashboard page
 *    reads the session itself (lib/auth/require-user.ts) and every action and data function
 *    checks who is asking, so a forged or expired cookie gets no further than here would let it.
 *    It also passes the requested path on (x-dashboard-path), so a page whose session turns out
 *    to be stale can send the reader to /login with the right way back.
 *
 * The other security headers (nosniff, frame and referrer policies …) come from next.config.ts.
 */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const HTTPS = siteConfig.url.startsWith("https:");
const DEVELOPMENT = process.env.NODE_ENV === "development";

/** Headers of a response the proxy answers itself (next.config.ts headers() may not reach it). */
function withSecurityHeaders(response: NextResponse, policy?: string): NextResponse {
  if (policy) response.headers.set("Content-Security-Policy", policy);
  if (HTTPS) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  for (const { key, value } of SECURITY_HEADERS) if (!response.headers.has(key)) response.headers.set(key, value);
  return response;
}

/**
 * The largest body any request may have: next.config.ts's proxyClientMaxBodySize and server
 * actions' bodySizeLimit (11 MB, an image upload and its form). A bigger one is refused here,
 * on its Content-Length: past this limit the proxy would hand a truncated body on, which the
 * action cannot parse (a 500 instead of a 413).
 */
const MAX_BODY_BYTES = 11 * 1024 * 1024;

/**
 * A path whose percent-escapes do not decode (/news/%E0) would reach Next's router, which
 * cannot decode the route's parameters and answers a bare 500; it is a bad request instead.
 */
function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A server-action call (POST with a Next-Action header) whose body Next could not decode: every
 * action of this site takes the submitted form, which React sends as multipart/form-data, so
 * another type, a body that does not parse as a form, or arguments that are not React's
 * encoding of a form is a bad request here, not a 500 from Next's action decoder.
 */
async function isMalformedActionCall(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return true;
  try {
    const form = await request.clone().formData();
    // React sends the arguments as JSON in field "0", the form itself as a reference ("$K1")
    // in the last place; a "0" that is anything else is not a call React made.
    const args = form.get("0");
    if (args === null) return false;
    const parsed: unknown = typeof args === "string" ? JSON.parse(args) : null;
    if (!Array.isArray(parsed) || parsed.length === 0) return true;
    const last = parsed.at(-1);
    return typeof last !== "string" || !/^\$K[0-9a-f]+$/.test(last) || !parsed.slice(0, -1).every(isPlainReplyValue);
  } catch {
    return true;
  }
}

/**
 * The earlier arguments (the form's previous state): plain JSON. React escapes a string that
 * starts with "$" as "$$…" and writes undefined as "$undefined"; any other "$…" string is a
 * reference (promise, date, stream…) that none of this site's actions takes.
 */
function isPlainReplyValue(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || value.startsWith("$$") || value === "$undefined";
  if (Array.isArray(value)) return value.every(isPlainReplyValue);
  if (value !== null && typeof value === "object") return Object.values(value).every(isPlainReplyValue);
  return true;
}

const isDashboard = (pathname: string) => pathname === "/dashboard" || pathname.startsWith("/dashboard/");

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;

  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return withSecurityHeaders(
      new NextResponse("요청이 너무 큽니다.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" } }),
    );
  }

  if (isMalformedPath(pathname)) {
    return withSecurityHeaders(
      new NextResponse("잘못된 주소입니다.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }),
    );
  }

  if (changesState(request.method) && isForeignOrigin(request.headers, siteConfig.url)) {
    return withSecurityHeaders(
      new NextResponse(FOREIGN_ORIGIN_MESSAGE, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }),
    );
  }

  if (await isMalformedActionCall(request)) {
    return withSecurityHeaders(
      new NextResponse("잘못된 요청입니다.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }),
    );
  }

  const nonce = isCachedPageUrl(pathname, searchParams) ? CACHED_PAGE_NONCE : newNonce();
  const policy = contentSecurityPolicy({ nonce, https: HTTPS, development: DEVELOPMENT });
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", policy);
  forwarded.set("x-nonce", nonce);

  if (isDashboard(pathname)) {
    const hasSession = request.cookies
      .getAll()
      .some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
    if (!hasSession) {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withSecurityHeaders(NextResponse.redirect(login));
    }
    forwarded.set("x-dashboard-path", `${pathname}${search}`);
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers: forwarded } }), policy);
}

export const config = {
  // Everything but build assets, uploaded pictures (app/media; but a /media/ path with a
  // percent-escape, which no stored file has, comes here to be checked) and public/ files.
  matcher: ["/((?!_next/static/|_next/image|media/(?!.*%)|favicon\\.ico$|logo\\.png$|logo\\.svg$).*)"],
};
