import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { encodeValue } from "@/lib/db/bulk-insert";
import { sql } from "@/lib/db/sql";
import { siteSecret } from "@/lib/data/site-secrets";

/**
 * Login throttling, per account and per client (the LoginThrottle table; nothing else touches
 * it). Both ways in (the login form's action and next-auth's Credentials provider) go through
 * attemptLogin in lib/auth/credentials.ts, which calls the three functions below:
 *
 *   claimLoginAttempt  before the password is looked at: refuses while either key is locked;
 *                      otherwise takes one of the key's MAX_FAILURES slots in the current window
 *   recordLoginFailure the password was wrong: a key whose slots are all used is locked
 *   recordLoginSuccess the account key is cleared; the client key gets its slot back
 *
 * The rule: MAX_FAILURES failures within WINDOW_MS lock a key; the n-th lockout lasts
 * lockSeconds(n) (1, 2, 4, … minutes, at most an hour). While a key is locked no password is
 * checked at all, not even the right one. When a lock ends the key starts a fresh window;
 * after QUIET_MS with no attempt its lockout count starts again from zero.
 *
 * A slot is taken *before* the password is checked (and handed back on success), so a burst
 * of parallel requests gets MAX_FAILURES guesses, not as many as arrive before the first
 * failure is written. Every step is one conditional UPDATE (or an INSERT … ON CONFLICT DO
 * NOTHING), never a read-modify-write in JavaScript, so several app instances on one database
 * (PostgreSQL, or SQLite, whose writers take turns) count every attempt exactly once.
 * `now` is a parameter everywhere so tests can move the clock.
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const QUIET_MS = 24 * 3_600_000;
const FIRST_LOCK_SECONDS = 60;
const LONGEST_LOCK_SECONDS = 3_600;

/** How long the n-th lockout (1, 2, …) lasts: 1 minute, doubling, at most an hour. */
export function lockSeconds(lockout: number): number {
  return Math.min(LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.max(0, Math.min(lockout - 1, 12)));
}

/** The keys of one attempt: the login id as typed, and a keyed hash of the client's address. */
export type LoginThrottleKeys = { account: string; client: string };

export async function loginThrottleKeys(loginId: string, ip: string): Promise<LoginThrottleKeys> {
  const digest = createHmac("sha256", await siteSecret("visitor")).update(`login-client:${ip}`).digest("base64url").slice(0, 32);
  return { account: `account:${loginId}`, client: `client:${digest}` };
}

/** A slot taken in one key's window (handed back by key and window start). */
type Slot = { key: string; windowStartedAt: Date };

export type LoginClaim =
  | { allowed: true; account: Slot; client: Slot }
  | { allowed: false; retryAfterSeconds: number };

const secondsUntil = (moment: Date, now: Date) => Math.max(1, Math.ceil((moment.getTime() - now.getTime()) / 1000));

/**
 * Before checking a password: a slot in both keys, or how many seconds to wait. The account
 * key is tried first, so attempts at a locked account do not use up the client's slots.
 */
export async function claimLoginAttempt(keys: LoginThrottleKeys, now: Date = new Date()): Promise<LoginClaim> {
  const account = await claimSlot(keys.account, now);
  if ("retryAfterSeconds" in account) return { allowed: false, retryAfterSeconds: account.retryAfterSeconds };
  const client = await claimSlot(keys.client, now);
  if ("retryAfterSeconds" in client) {
    await releaseSlot(account);
    return { allowed: false, retryAfterSeconds: client.retryAfterSeconds };
  }
  return { allowed: true, account, client };
}

/**
 * The password was wrong: the failure stays counted, and a key with all its slots used is
 * locked. Returns how many seconds the attempt's keys are now locked for (0: not locked).
 */
export async function recordLoginFailure(claim: Extract<LoginClaim, { allowed: true }>, now: Date = new Date()): Promise<number> {
  const locked = await Promise.all([lockIfFull(claim.account.key, now), lockIfFull(claim.client.key, now)]);
  return Math.max(...locked);
}

/**
 * The password was right: the account starts over (its failures and lockouts are forgotten)
 * and the client gets its slot back. Rows with nothing left to remember are removed.
 */
export async function recordLoginSuccess(claim: Extract<LoginClaim, { allowed: true }>, now: Date = new Date()): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: claim.account.key } });
  await releaseSlot(claim.client);
  await forgetQuietKeys(now);
}

async function claimSlot(key: string, now: Date): Promise<Slot | { retryAfterSeconds: number }> {
  // Each pass either decides or saw the row change under it (made, pruned, unlocked): again.
  for (let attempt = 0; attempt < 5; attempt++) {
    await startOverIfDue(key, now);
    const taken = await db.loginThrottle.updateMany({
      where: { key, lockedUntil: null, failures: { lt: MAX_FAILURES } },
      data: { failures: { increment: 1 } },
    });
    const row = await db.loginThrottle.findUnique({
      where: { key },
      select: { failures: true, windowStartedAt: true, lockedUntil: true, lockouts: true },
    });
    if (taken.count === 1 && row) return { key, windowStartedAt: row.windowStartedAt };
    if (row) {
      if (row.lockedUntil && row.lockedUntil > now) return { retryAfterSeconds: secondsUntil(row.lockedUntil, now) };
      // The lock ran out just now, or another request made the row after the update above: again.
      if (row.lockedUntil || row.failures < MAX_FAILURES) continue;
      // Every slot is taken by attempts still being checked: if they fail, a lock follows.
      const windowEnds = new Date(row.windowStartedAt.getTime() + WINDOW_MS);
      return { retryAfterSeconds: Math.min(lockSeconds(row.lockouts + 1), secondsUntil(windowEnds, now)) };
    }
    // The first attempt with this key: the row is made with its slot taken.
    if (await insertWithOneSlot(key, now)) return { key, windowStartedAt: now };
  }
  throw new Error(`login throttle: could not claim a slot for ${key.split(":")[0]}`);
}

/**
 * A key's lockout count starts again after a quiet day; a fresh window starts when the lock
 * has run out or the window is over. Both are conditional updates: of several requests doing
 * this at once, one starts the window and the others see it started.
 */
async function startOverIfDue(key: string, now: Date): Promise<void> {
  const quietSince = new Date(now.getTime() - QUIET_MS);
  await db.loginThrottle.updateMany({
    where: {
      key,
      lockouts: { gt: 0 },
      windowStartedAt: { lt: quietSince },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: quietSince } }],
    },
    data: { lockouts: 0 },
  });
  await db.loginThrottle.updateMany({
    where: {
      key,
      OR: [{ lockedUntil: { lte: now } }, { lockedUntil: null, windowStartedAt: { lte: new Date(now.getTime() - WINDOW_MS) } }],
    },
    data: { failures: 0, windowStartedAt: now, lockedUntil: null },
  });
}

/** Makes the key's row with one slot taken; false when another request made it first. */
async function insertWithOneSlot(key: string, now: Date): Promise<boolean> {
  const at = encodeValue(db, now);
  const inserted = await db.$executeRaw(sql`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStartedAt", "lockouts", "updatedAt")
    VALUES (${key}, 1, ${at}, 0, ${at})
    ON CONFLICT ("key") DO NOTHING`);
  return inserted === 1;
}

/** Hands a slot back, unless its window has since ended or the key got locked meanwhile. */
async function releaseSlot(slot: Slot): Promise<void> {
  await db.loginThrottle.updateMany({
    where: { key: slot.key, windowStartedAt: slot.windowStartedAt, lockedUntil: null, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
}

/**
 * Locks the key when all its slots are used and it is not locked yet; returns the seconds it
 * is locked for. The lock is a compare-and-set on the lockout count, so of several failures
 * arriving at once exactly one locks the key and each lockout is counted once.
 */
async function lockIfFull(key: string, now: Date): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await db.loginThrottle.findUnique({ where: { key }, select: { failures: true, lockedUntil: true, lockouts: true } });
    if (!row) return 0;
    if (row.lockedUntil) return row.lockedUntil > now ? secondsUntil(row.lockedUntil, now) : 0;
    if (row.failures < MAX_FAILURES) return 0;
    const seconds = lockSeconds(row.lockouts + 1);
    const locked = await db.loginThrottle.updateMany({
      where: { key, lockedUntil: null, failures: { gte: MAX_FAILURES }, lockouts: row.lockouts },
      data: { lockedUntil: new Date(now.getTime() + seconds * 1000), lockouts: row.lockouts + 1 },
    });
    if (locked.count === 1) return seconds;
  }
  return 0;
}

/** Removes keys quiet for a day: no window, lock or lockout of theirs still matters. */
async function forgetQuietKeys(now: Date): Promise<void> {
  const quietSince = new Date(now.getTime() - QUIET_MS);
  await db.loginThrottle.deleteMany({
    where: { windowStartedAt: { lt: quietSince }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: quietSince } }] },
  });
}
