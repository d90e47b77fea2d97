import bcrypt from "bcryptjs";
import { decode, encode } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import {
  ABSOLUTE_TIMEOUT_SECONDS,
  authOptions,
  RECHECK_INTERVAL_SECONDS,
  refreshSessionToken,
  SessionEndedError,
  sessionTokenFor,
  sessionUserOf,
} from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS } from "@/lib/seed/seed-site";

/** Accounts of this file's own, so the seeded ones others rely on stay as they are. */
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const created: number[] = [];

async function createUser(name: string, password: string | null, extra: { disabledAt?: Date; role?: string } = {}) {
  const user = await db.user.create({
    data: {
      loginId: `auth_${name}_${suffix}`,
      displayName: `시험 ${name}`,
      passwordHash: password === null ? "!" : await bcrypt.hash(password, 10),
      role: extra.role ?? "reporter",
      disabledAt: extra.disabledAt ?? null,
    },
  });
  created.push(user.id);
  return user;
}

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: created } } });
});

describe("verifyCredentials", () => {
  it("accepts the demo reporter and the demo admin", async () => {
    const reporter = await verifyCredentials(DEMO_ACCOUNTS.reporter.loginId, DEMO_ACCOUNTS.reporter.password);
    expect(reporter).toMatchObject({ displayName: "kmbn2019", role: "reporter" });
    expect(reporter!.id).toEqual(expect.any(Number));
    const admin = await verifyCredentials(DEMO_ACCOUNTS.admin.loginId, DEMO_ACCOUNTS.admin.password);
    expect(admin).toMatchObject({ displayName: DEMO_ACCOUNTS.admin.displayName, role: "admin" });
    // Only what a session needs: no hash, no login id.
    expect(Object.keys(admin!).sort()).toEqual(["displayName", "id", "role"]);
  });

  it("refuses a wrong password, another account's password, and an unknown id", async () => {
    expect(await verifyCredentials(DEMO_ACCOUNTS.reporter.loginId, "reporter-2020")).toBeNull();
    expect(await verifyCredentials(DEMO_ACCOUNTS.reporter.loginId, DEMO_ACCOUNTS.admin.password)).toBeNull();
    expect(await verifyCredentials(DEMO_ACCOUNTS.reporter.loginId.toUpperCase(), DEMO_ACCOUNTS.reporter.password)).toBeNull();
    expect(await verifyCredentials(`nobody_${suffix}`, DEMO_ACCOUNTS.reporter.password)).toBeNull();
    expect(await verifyCredentials("", "")).toBeNull();
  });

  it("refuses a byline-only account (hash \"!\"), whatever is typed", async () => {
    const byline = await createUser("byline", null);
    for (const password of ["!", "", "password", DEMO_ACCOUNTS.reporter.password]) {
      expect(await verifyCredentials(byline.loginId, password)).toBeNull();
    }
    // The seeded bylines too.
    expect(await verifyCredentials("kimminji", "!")).toBeNull();
  });

  it("refuses a disabled account even with its right password", async () => {
    const user = await createUser("disabled", "right-password-1");
    expect(await verifyCredentials(user.loginId, "right-password-1")).toMatchObject({ id: user.id, role: "reporter" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await verifyCredentials(user.loginId, "right-password-1")).toBeNull();
  });

  it("takes about as long for an unknown id as for a real one (a bcrypt compare either way)", async () => {
    const time = async (loginId: string) => {
      const start = performance.now();
      await verifyCredentials(loginId, "not-the-password");
      return performance.now() - start;
    };
    await time(`warm_${suffix}`); // makes the dummy hash once
    // bcrypt at cost 10 takes tens of milliseconds; a lookup alone takes a millisecond or two.
    expect(await time(`nobody_${suffix}`)).toBeGreaterThan(15);
    expect(await time("kimminji")).toBeGreaterThan(15);
  });
});

describe("session tokens", () => {
  const now = Math.floor(Date.now() / 1000);

  it("carry the user's id, name and role, and survive next-auth's encryption", async () => {
    const user: SessionUser = { id: 7, displayName: "kmbn2019", role: "reporter" };
    const options = await authOptions();
    const jwt = await encode({ token: sessionTokenFor(user, now), secret: options.secret!, maxAge: 60 });
    const token = await decode({ token: jwt, secret: options.secret! });
    expect(sessionUserOf(token!)).toEqual(user);
    expect(token).toMatchObject({ sub: "7", loginAt: now, checkedAt: now });
    const session = await options.callbacks!.session!({ session: { expires: "x" }, token: token! } as never);
    expect(session).toEqual({ user, expires: "x" });
  });

  it("end at the absolute timeout, however recently they were used", async () => {
    const user = await createUser("absolute", "pw-absolute");
    const token = sessionTokenFor({ id: user.id, displayName: user.displayName, role: "reporter" }, now - ABSOLUTE_TIMEOUT_SECONDS);
    token.checkedAt = now;
    await expect(refreshSessionToken(token, now)).rejects.toBeInstanceOf(SessionEndedError);
    await expect(refreshSessionToken(token, now - 60)).resolves.toBe(token);
  });

  it("re-read the user every few minutes: a changed role shows, a disabled user is logged out", async () => {
    const user = await createUser("recheck", "pw-recheck");
    const token = sessionTokenFor({ id: user.id, displayName: user.displayName, role: "reporter" }, now);
    await db.user.update({ where: { id: user.id }, data: { role: "editor", displayName: "새 이름" } });

    // Within the interval the token is trusted as it is (no database read).
    expect(await refreshSessionToken(token, now + RECHECK_INTERVAL_SECONDS - 1)).toBe(token);

    const later = now + RECHECK_INTERVAL_SECONDS;
    const refreshed = await refreshSessionToken(token, later);
    expect(sessionUserOf(refreshed)).toEqual({ id: user.id, displayName: "새 이름", role: "editor" });
    expect(refreshed.checkedAt).toBe(later);
    expect(refreshed.loginAt).toBe(now);

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(refreshSessionToken(refreshed, later + RECHECK_INTERVAL_SECONDS)).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("end when the user no longer exists or the token is malformed", async () => {
    const gone = sessionTokenFor({ id: 2_000_000_000, displayName: "없음", role: "admin" }, now - RECHECK_INTERVAL_SECONDS);
    await expect(refreshSessionToken(gone, now)).rejects.toBeInstanceOf(SessionEndedError);
    await expect(refreshSessionToken({ sub: "1" }, now)).rejects.toBeInstanceOf(SessionEndedError);
    await expect(refreshSessionToken({ ...sessionTokenFor({ id: 1, displayName: "x", role: "reporter" }, now), role: "owner" }, now)).rejects.toBeInstanceOf(SessionEndedError);
  });
});
