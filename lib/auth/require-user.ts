import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { canAdminister, canModerate } from "./roles";
import { getSessionUser } from "./session";
import type { SessionUser } from "./session-user";

/**
 * Dashboard pages start with one of these. proxy.ts already sends visitors without a session
 * cookie to /login, but only this check reads the session itself: a cookie past its timeouts,
 * or of an account disabled since, also ends at /login, and a reporter who types an editor's
 * address gets a 404 (the page does not exist for them).
 *
 * Server actions do not use these (a redirect is no answer to a form); they call
 * getSessionUser() and return a Korean message instead.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get("x-dashboard-path") ?? "/dashboard";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** An editor or an admin (comment moderation, restoring articles). */
export async function requireModerator(): Promise<SessionUser> {
  const user = await requireUser();
  if (!canModerate(user.role)) notFound();
  return user;
}

/** An admin (accounts, boards). */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!canAdminister(user.role)) notFound();
  return user;
}
