import "server-only";
import type { AuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { siteSecret } from "@/lib/data/site-secrets";
import { findActiveSessionUser } from "@/lib/data/users";
import { LoginSchema } from "@/lib/validations/login";
import { clientIp } from "@/lib/visitors/visitor-key";
import { safeCallbackPathFrom } from "./callback-url";
import { attemptLogin } from "./credentials";
import { isRole } from "./roles";
import { parseSessionUser, type SessionUser } from "./session-user";

/**
 * next-auth 4 for the newsroom: a Credentials provider (login id + password), sessions in an
 * encrypted JWT cookie, no database sessions.
 *
 * Timeouts:
 * - idle: the JWT and its cookie expire IDLE_TIMEOUT after they were last signed. next-auth
 *   re-signs the JWT on every read of /api/auth/session (the site header reads it on each
 *   page), so any page view keeps a session alive; two hours without one ends it.
 *   (session.updateAge throttles only database sessions; with JWTs there is nothing to set.)
 * - absolute: the token remembers when its user logged in (loginAt); the jwt callback ends it
 *   ABSOLUTE_TIMEOUT later however active the user was.
 * - re-check: every RECHECK_INTERVAL the jwt callback reads the user again, so disabling an
 *   account or changing a role takes effect within minutes (a disabled user is logged out).
 */
export const IDLE_TIMEOUT_SECONDS = 2 * 60 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;
export const RECHECK_INTERVAL_SECONDS = 5 * 60;

/** Thrown by the jwt callback to end a session; next-auth then clears the cookie. */
export class SessionEndedError extends Error {
  override name = "SessionEnded";
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Secure cookies (the Secure flag and the "__Secure-" prefix) when the site says it is served
 * over HTTPS. Fixed per process, so the login action and next-auth always agree on the name.
 */
function usesSecureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** The session cookie, exactly as next-auth reads and writes it. */
export function sessionCookie() {
  const secure = usesSecureCookies();
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/** What the JWT carries besides next-auth's own claims (iat, exp, jti). */
type SessionClaims = {
  sub: string;
  uid: number;
  displayName: string;
  role: SessionUser["role"];
  /** When the user logged in (seconds): the absolute timeout counts from here. */
  loginAt: number;
  /** When the user was last read from the database (seconds). */
  checkedAt: number;
};

/** The token a fresh login starts with (next-auth's callback route and the login action alike). */
export function sessionTokenFor(user: SessionUser, now: number = nowSeconds()): JWT {
  const claims: SessionClaims = {
    sub: String(user.id),
    uid: user.id,
    displayName: user.displayName,
    role: user.role,
    loginAt: now,
    checkedAt: now,
  };
  return claims;
}

function claimsOf(token: JWT): SessionClaims | null {
  const { sub, uid, displayName, role, loginAt, checkedAt } = token;
  if (typeof sub !== "string" || typeof uid !== "number" || typeof displayName !== "string" || !isRole(role)) return null;
  if (typeof loginAt !== "number" || typeof checkedAt !== "number") return null;
  return { sub, uid, displayName, role, loginAt, checkedAt };
}

/**
 * The jwt callback's work on an existing session: enforce the absolute timeout and re-read
 * the user now and then. Throws SessionEndedError when the session must end.
 */
export async function refreshSessionToken(token: JWT, now: number = nowSeconds()): Promise<JWT> {
  const claims = claimsOf(token);
  if (!claims) throw new SessionEndedError("malformed session token");
  if (now - claims.loginAt >= ABSOLUTE_TIMEOUT_SECONDS) throw new SessionEndedError("absolute timeout");
  if (now - claims.checkedAt < RECHECK_INTERVAL_SECONDS) return token;
  const user = await findActiveSessionUser(claims.uid);
  if (!user) throw new SessionEndedError("account disabled or removed");
  return { ...token, displayName: user.displayName, role: user.role, checkedAt: now };
}

/** The user a token speaks for. */
export function sessionUserOf(token: JWT): SessionUser | null {
  const claims = claimsOf(token);
  return claims && parseSessionUser({ id: claims.uid, displayName: claims.displayName, role: claims.role });
}

/**
 * next-auth 4 builds its absolute URLs (its own redirects, e.g. after a stale CSRF token) from
 * NEXTAUTH_URL, and without it from the request's host only when AUTH_TRUST_HOST is set;
 * otherwise it assumes http://localhost:3000. So that `npm start` works on any host and port
 * with no configuration, an unset NEXTAUTH_URL means: trust the host the request came in on
 * (Host / X-Forwarded-Host, and X-Forwarded-Proto, which Next.js fills in). Where callbacks
 * lead is still limited to this site's paths by the redirect callback below.
 */
function trustRequestHostUnlessConfigured() {
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
}

/** What the route handler wants to hear from a sign-in (app/api/auth/[...nextauth]/route.ts). */
export type SignInHooks = {
  /** A login was refused as throttled; next-auth itself can only call it a failed sign-in. */
  onLoginThrottled?: (retryAfterSeconds: number) => void;
};

/** The options, per request: the secret may come from the database (lib/data/site-secrets). */
export async function authOptions(hooks: SignInHooks = {}): Promise<AuthOptions> {
  trustRequestHostUnlessConfigured();
  const cookie = sessionCookie();
  return {
    secret: await siteSecret("auth"),
    session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
    jwt: { maxAge: IDLE_TIMEOUT_SECONDS },
    useSecureCookies: cookie.options.secure,
    cookies: { sessionToken: cookie },
    // next-auth's own pages are not used: its sign-in, sign-out confirmation (after a stale CSRF
    // token) and error pages all lead to /login, which says what happened in Korean.
    pages: { signIn: "/login", signOut: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "아이디",
        credentials: {
          loginId: { label: "아이디", type: "text" },
          password: { label: "비밀번호", type: "password" },
        },
        async authorize(credentials, request) {
          const input = LoginSchema.safeParse(credentials ?? {});
          if (!input.success) return null;
          // next-auth hands over the request's headers as a plain object with lower-case names.
          const requestHeaders: Record<string, unknown> = request.headers ?? {};
          const header = (name: string) => {
            const value = requestHeaders[name.toLowerCase()];
            return typeof value === "string" ? value : null;
          };
          const result = await attemptLogin({ ...input.data, clientIp: clientIp({ get: header }) });
          if (result.status === "throttled") hooks.onLoginThrottled?.(result.retryAfterSeconds);
          if (result.status !== "ok") return null;
          return { id: String(result.user.id), name: result.user.displayName, sessionUser: result.user };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = parseSessionUser((user as { sessionUser?: unknown }).sessionUser);
          if (!signedIn) throw new SessionEndedError("sign-in without a user");
          return sessionTokenFor(signedIn);
        }
        return refreshSessionToken(token);
      },
      async session({ session, token }) {
        const user = sessionUserOf(token);
        if (!user) throw new SessionEndedError("no user in the session token");
        // Only what the header and the checks need: no e-mail, no picture, no login time.
        return { user, expires: session.expires } as unknown as Session;
      },
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPathFrom(url, baseUrl)}`;
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session (timeout, disabled account) is routine, not an error.
        const error = metadata instanceof Error ? metadata : metadata?.error;
        if (error instanceof SessionEndedError || (error as { name?: string } | undefined)?.name === "SessionEnded") return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
}
