import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { loginThrottledMessage } from "@/lib/validations/login";

/**
 * next-auth's endpoints (/api/auth/session, /csrf, /signout, /callback/credentials, …).
 * The handler is built per request because the secret is looked up asynchronously (an
 * environment variable, or a random secret kept in the database; lib/data/site-secrets.ts).
 */
type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(request, context, await authOptions());
}

/**
 * POSTs as above, except that a login refused as throttled (too many failures for the account
 * or from this address; lib/data/login-throttle.ts) is answered 429 with a Retry-After header
 * and a Korean message, instead of next-auth's ordinary "CredentialsSignin" failure. The lock
 * is checked, and the password left unchecked, inside the provider's authorize
 * (attemptLogin), after next-auth has checked the CSRF token; only the answer changes here.
 */
async function postHandler(request: NextRequest, context: RouteContext): Promise<Response> {
  let throttledFor = 0;
  const options = await authOptions({ onLoginThrottled: (seconds) => (throttledFor = seconds) });
  const response: Response = await NextAuth(request, context, options);
  if (throttledFor === 0) return response;
  const message = loginThrottledMessage(throttledFor);
  return Response.json(
    { error: "TooManyLoginAttempts", message, retryAfterSeconds: throttledFor },
    { status: 429, headers: { "Retry-After": String(throttledFor), "Cache-Control": "no-store" } },
  );
}

export { handler as GET, postHandler as POST };
