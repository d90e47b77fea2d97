import { NextResponse, type NextRequest } from "next/server";

/**
 * The dashboard's front door. Without a session cookie there is nothing to show, so the
 * visitor goes to /login and comes back afterwards. This only redirects: every dashboard page
 * reads the session itself (lib/auth/require-user.ts) and every action and data function checks
 * who is asking, so a forged or expired cookie gets no further than here would let it.
 *
 * It also passes the requested path on (x-dashboard-path), so a page whose session turns out
 * to be stale can send the reader to /login with the right way back.
 */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies
    .getAll()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (!hasSession) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("x-dashboard-path", `${pathname}${search}`);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
