import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { findLoginAccount } from "@/lib/data/users";
import type { SessionUser } from "./session-user";

/**
 * The one password check. Both ways in (the login form's action and next-auth's Credentials
 * provider) call verifyCredentials, so rate limiting (the login-throttle issue) goes here.
 */

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

/** The user whose login id and password these are, or null (wrong, unknown, byline-only, disabled). */
export async function verifyCredentials(loginId: string, password: string): Promise<SessionUser | null> {
  const account = loginId ? await findLoginAccount(loginId) : null;
  const usable = account !== null && !account.disabled && BCRYPT_HASH.test(account.passwordHash);
  const hash = usable ? account.passwordHash : await getDummyHash();
  const matches = await bcrypt.compare(password, hash);
  if (!usable || !matches) return null;
  return { id: account.id, displayName: account.displayName, role: account.role };
}
