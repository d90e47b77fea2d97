/**
 * Signing in to a running server as a newsroom user over HTTP, as the login form does through
 * next-auth's credentials endpoint (its CSRF token first), for the test scripts that write
 * articles through the dashboard's server action (scripts/crash-test.ts,
 * scripts/multi-instance-check.ts).
 */
export type StaffSession = { cookie: string; address: string };

export const DEMO_REPORTER = { loginId: "kmbn2019", password: "reporter-2020!" };

/** The session cookie (`name=value`) and the client address it signed in from (for X-Forwarded-For). */
export async function signIn(base: string, credentials: { loginId: string; password: string }, address: string, timeoutMs = 30_000): Promise<StaffSession> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "X-Forwarded-For": address }, signal: AbortSignal.timeout(timeoutMs) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; "), "X-Forwarded-For": address, Origin: base },
    body: new URLSearchParams({ csrfToken, ...credentials, callbackUrl: "/dashboard", json: "true" }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await login.arrayBuffer();
  const session = login.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`login as ${credentials.loginId} failed (${login.status})`);
  return { cookie: session, address };
}
