import "server-only";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions, IDLE_TIMEOUT_SECONDS, sessionCookie, sessionTokenFor } from "./options";
import { parseSessionUser, type SessionUser } from "./session-user";

/**
 * The signed-in user of the current request, or null. Reads the session cookie, so a page
 * or action that calls it renders per request: the public (site) pages never call it (the
 * header asks /api/auth/session from the browser instead), actions and the dashboard do.
 * A session past its timeouts, or of a user since disabled, gives null.
 */
export async function getSessionUser(): Promise<{ id: number; displayName: string; role: "reporter" | "editor" | "admin" } | null> {
  const jar = await cookies();
  const { name } = sessionCookie();
  // No session cookie (whole or chunked): nobody is logged in, and no database read is needed.
  if (!jar.getAll().some((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`))) return null;
  const session = await getServerSession(await authOptions());
  return parseSessionUser(session?.user);
}

/**
 * Logs the user in on this response: sets the same encrypted JWT cookie next-auth's
 * credentials callback would. For server actions (the login form), after verifyCredentials.
 */
export async function startSession(user: SessionUser): Promise<void> {
  const options = await authOptions();
  const value = await encode({ token: sessionTokenFor(user), secret: options.secret!, maxAge: IDLE_TIMEOUT_SECONDS });
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, value, {
    ...cookie.options,
    expires: new Date(Date.now() + IDLE_TIMEOUT_SECONDS * 1000),
  });
}

/**
 * Logs the user out on this response: expires the session cookie, whole or in the chunks
 * next-auth splits a long one into (name.0, name.1, …). For server actions (logoutAction).
 */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const cookie = sessionCookie();
  const chunk = new RegExp(`^${cookie.name.replace(/[.$]/g, "\\$&")}(\\.\\d+)?$`);
  for (const { name } of jar.getAll()) {
    if (chunk.test(name)) jar.set(name, "", { ...cookie.options, maxAge: 0, expires: new Date(0) });
  }
}
