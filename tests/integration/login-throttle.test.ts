import bcrypt from "bcryptjs";
import { afterAll, describe, expect, it } from "vitest";
import { attemptLogin, type LoginResult } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { lockSeconds, loginThrottleKeys, MAX_FAILURES, QUIET_MS, WINDOW_MS } from "@/lib/data/login-throttle";
import { loginThrottledMessage } from "@/lib/validations/login";

/** Accounts and addresses of this file's own; every test moves its own clock (`now`). */
const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "right-password-7";
const created: number[] = [];
const loginIds: string[] = [];
const ips: string[] = [];

let ipCounter = 0;
/** A client address no other test uses (TEST-NET-2). */
function freshIp(): string {
  const ip = `198.51.${100 + Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
  ips.push(ip);
  return ip;
}

async function createUser(name: string) {
  const user = await db.user.create({
    data: { loginId: `throttle_${name}_${suffix}`, displayName: `시험 ${name}`, passwordHash: await bcrypt.hash(PASSWORD, 10), role: "reporter" },
  });
  created.push(user.id);
  loginIds.push(user.loginId);
  return user;
}

function unknownId(name: string): string {
  const loginId = `throttle_nobody_${name}_${suffix}`;
  loginIds.push(loginId);
  return loginId;
}

const at = (start: Date, plusMs: number) => new Date(start.getTime() + plusMs);

async function rowOf(key: string) {
  return db.loginThrottle.findUnique({ where: { key } });
}

afterAll(async () => {
  const clientKeys = await Promise.all(ips.map(async (ip) => (await loginThrottleKeys("", ip)).client));
  await db.loginThrottle.deleteMany({ where: { key: { in: [...loginIds.map((id) => `account:${id}`), ...clientKeys] } } });
  await db.user.deleteMany({ where: { id: { in: created } } });
});

describe("the rule", () => {
  it("locks for 1, 2, 4 … minutes, at most an hour, and says so in Korean in whole minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map(lockSeconds)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    expect(loginThrottledMessage(60)).toBe("로그인 시도가 너무 많습니다. 1분 후에 다시 시도해 주세요.");
    expect(loginThrottledMessage(1)).toBe("로그인 시도가 너무 많습니다. 1분 후에 다시 시도해 주세요.");
    expect(loginThrottledMessage(61)).toBe("로그인 시도가 너무 많습니다. 2분 후에 다시 시도해 주세요.");
    expect(loginThrottledMessage(3600)).toBe("로그인 시도가 너무 많습니다. 60분 후에 다시 시도해 주세요.");
  });
});

describe("per account", () => {
  it("checks 4 failures as usual; the 5th locks; while locked even the right password is refused; afterwards it logs in and the account starts over", async () => {
    const user = await createUser("lock");
    const start = new Date();
    // Each attempt from another address, so only the account key counts.
    for (let failure = 1; failure < MAX_FAILURES; failure++) {
      expect(await attemptLogin({ loginId: user.loginId, password: `wrong-${failure}`, clientIp: freshIp() }, at(start, failure * 1000))).toEqual({
        status: "wrong",
      });
    }
    expect(await rowOf(`account:${user.loginId}`)).toMatchObject({ failures: 4, lockedUntil: null, lockouts: 0 });

    // The 5th failure locks the account for a minute, and says so at once.
    const fifth = at(start, 5_000);
    expect(await attemptLogin({ loginId: user.loginId, password: "wrong-5", clientIp: freshIp() }, fifth)).toEqual({
      status: "throttled",
      retryAfterSeconds: 60,
    });
    expect(await rowOf(`account:${user.loginId}`)).toMatchObject({ failures: 5, lockouts: 1, lockedUntil: at(fifth, 60_000) });

    // Locked: the right password from a new address is refused without being checked, and no slot is used.
    const during = at(fifth, 20_000);
    const refused = await attemptLogin({ loginId: user.loginId, password: PASSWORD, clientIp: freshIp() }, during);
    expect(refused).toEqual({ status: "throttled", retryAfterSeconds: 40 });
    expect(await rowOf(`account:${user.loginId}`)).toMatchObject({ failures: 5, lockouts: 1 });

    // The lock has run out: the right password logs in and the account's row is gone.
    const after = at(fifth, 60_000);
    const result = await attemptLogin({ loginId: user.loginId, password: PASSWORD, clientIp: freshIp() }, after);
    expect(result).toEqual({ status: "ok", user: { id: user.id, displayName: user.displayName, role: "reporter" } });
    expect(await rowOf(`account:${user.loginId}`)).toBeNull();
  });

  it("locks longer each time (1 min, then 2, then 4), and forgets the lockouts after a quiet day", async () => {
    const user = await createUser("backoff");
    const fail = (now: Date) => attemptLogin({ loginId: user.loginId, password: "guess", clientIp: freshIp() }, now);
    const lockout = async (start: Date): Promise<LoginResult> => {
      for (let failure = 1; failure < MAX_FAILURES; failure++) expect(await fail(at(start, failure))).toEqual({ status: "wrong" });
      return fail(at(start, MAX_FAILURES));
    };
    const first = new Date();
    expect(await lockout(first)).toEqual({ status: "throttled", retryAfterSeconds: 60 });
    // After the lock the account has a fresh window of MAX_FAILURES attempts, then a longer lock.
    const second = at(first, 61_000);
    expect(await lockout(second)).toEqual({ status: "throttled", retryAfterSeconds: 120 });
    expect(await fail(at(second, 119_500))).toEqual({ status: "throttled", retryAfterSeconds: 1 });
    const third = at(second, 121_000);
    expect(await lockout(third)).toEqual({ status: "throttled", retryAfterSeconds: 240 });
    expect(await rowOf(`account:${user.loginId}`)).toMatchObject({ lockouts: 3 });

    // A day without attempts: the next lockout is a short one again.
    const nextDay = at(third, 240_000 + QUIET_MS + 1000);
    expect(await lockout(nextDay)).toEqual({ status: "throttled", retryAfterSeconds: 60 });
    expect(await rowOf(`account:${user.loginId}`)).toMatchObject({ lockouts: 1 });
  });

  it("counts failures within 15 minutes only: older ones are forgotten", async () => {
    const user = await createUser("window");
    const ip = freshIp();
    const start = new Date();
    for (let failure = 1; failure < MAX_FAILURES; failure++) {
      expect(await attemptLogin({ loginId: user.loginId, password: "guess", clientIp: ip }, at(start, failure * 1000))).toEqual({ status: "wrong" });
    }
    // The window that started with the first failure is over: a new one starts with this failure.
    const later = at(start, WINDOW_MS + 1000);
    expect(await attemptLogin({ loginId: user.loginId, password: "guess", clientIp: ip }, later)).toEqual({ status: "wrong" });
    expect(await rowOf(`account:${user.loginId}`)).toMatchObject({ failures: 1, windowStartedAt: later, lockedUntil: null });
  });

  it("throttles an unknown login id like a real one (a lock does not tell which ids exist)", async () => {
    const loginId = unknownId("lock");
    const start = new Date();
    const results = [];
    for (let attempt = 1; attempt <= MAX_FAILURES + 1; attempt++) {
      results.push(await attemptLogin({ loginId, password: "guess", clientIp: freshIp() }, at(start, attempt)));
    }
    expect(results.map((result) => result.status)).toEqual(["wrong", "wrong", "wrong", "wrong", "throttled", "throttled"]);
  });
});

describe("per client address", () => {
  it("locks an address that fails with many different login ids, for every account, and keeps no raw address", async () => {
    const ip = freshIp();
    const user = await createUser("shared-ip");
    const start = new Date();
    for (let attempt = 1; attempt < MAX_FAILURES; attempt++) {
      expect(await attemptLogin({ loginId: unknownId(`spray${attempt}`), password: "guess", clientIp: ip }, at(start, attempt))).toEqual({
        status: "wrong",
      });
    }
    expect(await attemptLogin({ loginId: unknownId("spray5"), password: "guess", clientIp: ip }, at(start, 5))).toEqual({
      status: "throttled",
      retryAfterSeconds: 60,
    });
    // Another id, even a real one with its right password, from that address: refused.
    expect(await attemptLogin({ loginId: unknownId("spray6"), password: "guess", clientIp: ip }, at(start, 6))).toMatchObject({
      status: "throttled",
    });
    expect(await attemptLogin({ loginId: user.loginId, password: PASSWORD, clientIp: ip }, at(start, 7))).toMatchObject({ status: "throttled" });
    // Attempts refused at the address leave those accounts' slots as they were.
    expect(await rowOf(`account:${user.loginId}`)).toMatchObject({ failures: 0, lockedUntil: null });
    // The same account from another address is checked as usual.
    expect(await attemptLogin({ loginId: user.loginId, password: PASSWORD, clientIp: freshIp() }, at(start, 8))).toMatchObject({ status: "ok" });

    const { client } = await loginThrottleKeys("", ip);
    expect(client).toMatch(/^client:[A-Za-z0-9_-]{32}$/);
    expect(await rowOf(client)).toMatchObject({ failures: 5, lockouts: 1 });
    expect(await db.loginThrottle.count({ where: { key: { contains: ip } } })).toBe(0);
  });

  it("does not count a successful login against the address", async () => {
    const ip = freshIp();
    const user = await createUser("office");
    const start = new Date();
    const attempt = (loginId: string, password: string, step: number) => attemptLogin({ loginId, password, clientIp: ip }, at(start, step));
    for (let step = 1; step <= 3; step++) expect(await attempt(unknownId(`typo${step}`), "guess", step)).toEqual({ status: "wrong" });
    expect(await attempt(user.loginId, PASSWORD, 4)).toMatchObject({ status: "ok" });
    expect(await rowOf((await loginThrottleKeys("", ip)).client)).toMatchObject({ failures: 3, lockedUntil: null });
    expect(await attempt(unknownId("typo4"), "guess", 5)).toEqual({ status: "wrong" });
    expect(await attempt(unknownId("typo5"), "guess", 6)).toMatchObject({ status: "throttled" });
  });
});

describe("under concurrency", () => {
  it("20 parallel guesses at one account: exactly 5 are checked and the account is locked once", async () => {
    const user = await createUser("burst");
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => attemptLogin({ loginId: user.loginId, password: `guess-${index}`, clientIp: freshIp() }, now)),
    );
    expect(results.every((result) => result.status !== "ok")).toBe(true);
    expect(results.filter((result) => result.status === "throttled").length).toBeGreaterThanOrEqual(20 - MAX_FAILURES + 1);
    const row = await rowOf(`account:${user.loginId}`);
    expect(row).toMatchObject({ failures: MAX_FAILURES, lockouts: 1, lockedUntil: at(now, 60_000) });
    // Only the attempts that were checked used a slot of their address.
    const clientKeys = await Promise.all(ips.slice(-20).map(async (ip) => (await loginThrottleKeys("", ip)).client));
    const clientRows = await db.loginThrottle.findMany({ where: { key: { in: clientKeys } } });
    expect(clientRows.reduce((sum, row) => sum + row.failures, 0)).toBe(MAX_FAILURES);
  });

  it("20 parallel guesses from one address at 20 accounts: 5 are checked, the address is locked once, refused accounts keep no failure", async () => {
    const ip = freshIp();
    const now = new Date();
    const ids = Array.from({ length: 20 }, (_, index) => unknownId(`parallel${index}`));
    const results = await Promise.all(ids.map((loginId) => attemptLogin({ loginId, password: "guess", clientIp: ip }, now)));
    expect(results.every((result) => result.status !== "ok")).toBe(true);
    expect(await rowOf((await loginThrottleKeys("", ip)).client)).toMatchObject({ failures: MAX_FAILURES, lockouts: 1, lockedUntil: at(now, 60_000) });
    const accountRows = await db.loginThrottle.findMany({ where: { key: { in: ids.map((id) => `account:${id}`) } } });
    expect(accountRows.reduce((sum, row) => sum + row.failures, 0)).toBe(MAX_FAILURES);
  });

  it("4 parallel failures from one address are all counted (no lost update), and the 5th locks", async () => {
    const ip = freshIp();
    const now = new Date();
    const results = await Promise.all(
      [1, 2, 3, 4].map((index) => attemptLogin({ loginId: unknownId(`four${index}`), password: "guess", clientIp: ip }, now)),
    );
    expect(results).toEqual(Array(4).fill({ status: "wrong" }));
    const { client } = await loginThrottleKeys("", ip);
    expect(await rowOf(client)).toMatchObject({ failures: 4, lockedUntil: null });
    expect(await attemptLogin({ loginId: unknownId("four5"), password: "guess", clientIp: ip }, now)).toEqual({ status: "throttled", retryAfterSeconds: 60 });
  });
});
