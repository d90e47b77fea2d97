import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { claimLoginAttempt, loginThrottleKeys, recordLoginFailure, recordLoginSuccess } from "@/lib/data/login-throttle";
import { findLoginAccount } from "@/lib/data/users";
import type { SessionUser } from "./session-user";

/**
 * The one way to log in. Both ways in (the login form's action and next-auth's Credentials
 * provider) call attemptLogin, which throttles by account and by client
 * (lib/data/login-throttle.ts) around verifyCredentials, the password check itself.
 */

export type LoginAttempt = { loginId: string; password: string; clientIp: string };

export type LoginResult =
  | { status: "ok"; user: SessionUser }
  /** Wrong id or password; never says which. */
  | { status: "wrong" }
  /** Too many failures for this account or from this client: wait, the password was not checked. */
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Checks a login unless its account or client is locked. A locked attempt is refused without
 * looking at the password (the right one too), so guessing during a lock learns nothing; the
 * failure that locks a key is answered "throttled" as well. Unknown ids are throttled like
 * real ones, so a lock does not tell which ids exist.
 */
export async function attemptLogin({ loginId, password, clientIp }: LoginAttempt, now: Date = new Date()): Promise<LoginResult> {
  const claim = await claimLoginAttempt(await loginThrottleKeys(loginId, clientIp), now);
  if (!claim.allowed) return { status: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  const user = await verifyCredentials(loginId, password);
  if (user) {
    await recordLoginSuccess(claim, now);
    return { status: "ok", user };
  }
  const lockedFor = await recordLoginFailure(claim, now);
  return lockedFor > 0 ? { status: "throttled", retryAfterSeconds: lockedFor } : { status: "wrong" };
}

/** Cost of the bcrypt hashes the site writes (the seed uses the same). */
const BCRYPT_COST = 10;

/**
 * A real bcrypt hash nobody knows the password of. An unknown id, a byline-only account
 * (hash "!") and a disabled account are all compared against something, so the answer takes
 * about as long as for a real account and timing does not tell which login ids exist.
 */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= bcrypt.hash(randomBytes(18).toString("base64"), BCRYPT_COST));

/** A bcrypt hash ("$2a$", "$2b$" or "$2y$", a cost, 53 characters of salt and digest). */
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

/**
 * The user whose login id and password these are, or null (wrong, unknown, byline-only,
 * disabled). Not throttled: logins go through attemptLogin.
 */
export async function verifyCredentials(loginId: string, password: string): Promise<SessionUser | null> {
  const account = loginId ? await findLoginAccount(loginId) : null;
  const usable = account !== null && !account.disabled && BCRYPT_HASH.test(account.passwordHash);
  const hash = usable ? account.passwordHash : await getDummyHash();
  const matches = await bcrypt.compare(password, hash);
  if (!usable || !matches) return null;
  return { id: account.id, displayName: account.displayName, role: account.role };
}
