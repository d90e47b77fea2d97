import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/seed/seed-site";

/** Every page a test visits is photographed into e2e/screenshots for a person to look at. */
async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-auth-${name}.png`, fullPage: true });
}

const reporter = DEMO_ACCOUNTS.reporter;
const admin = DEMO_ACCOUNTS.admin;
const WRONG = "아이디 또는 비밀번호가 맞지 않습니다.";

const header = (page: Page) => page.locator("header").first();
const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));

/** Fills and submits the login form, and waits for the server's answer to this submission. */
async function fillLogin(page: Page, loginId: string, password: string) {
  await page.getByLabel("아이디").fill(loginId);
  await page.getByLabel("비밀번호").fill(password);
  await submitLogin(page);
}

async function submitLogin(page: Page) {
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/login");
  await page.getByRole("button", { name: "로그인" }).click();
  await answered;
}

test("a reporter logs in from the header, comes back to the same page with the name shown, and logs out", async ({ page, context }) => {
  await page.goto("/news?page=2");
  const loginLink = header(page).getByRole("link", { name: "로그인" });
  await expect(loginLink).toBeVisible();
  await snapshot(page, "01-header-logged-out");

  await loginLink.click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnews%3Fpage%3D2$/);
  await expect(page.getByRole("heading", { level: 1, name: "로그인" })).toBeVisible();
  await expect(page).toHaveTitle(/로그인/);
  await snapshot(page, "02-login-page");

  await fillLogin(page, reporter.loginId, reporter.password);
  await expect(page).toHaveURL(/\/news\?page=2$/);
  await expect(header(page).getByText(reporter.displayName, { exact: true })).toBeVisible();
  await expect(header(page).getByRole("button", { name: "로그아웃" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: "로그인" })).toHaveCount(0);
  await snapshot(page, "03-header-logged-in");

  // The cookie is next-auth's, out of scripts' reach; the session says who and what role.
  const cookie = await sessionCookie(context);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user).toEqual({ id: expect.any(Number), displayName: reporter.displayName, role: "reporter" });
  expect(session.expires).toEqual(expect.any(String));

  // Other pages know it too: the login page offers to continue or log out.
  await page.goto("/login?callbackUrl=%2Fnews");
  await expect(page.getByText("계정으로 로그인되어 있습니다")).toBeVisible();
  await snapshot(page, "04-login-page-when-logged-in");
  await page.getByRole("link", { name: "계속하기" }).click();
  await expect(page).toHaveURL(/\/news$/);

  await header(page).getByRole("button", { name: "로그아웃" }).click();
  await expect(page).toHaveURL(/\/news$/);
  await expect(header(page).getByRole("link", { name: "로그인" })).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await snapshot(page, "05-header-logged-out-again");
});

test("a wrong password or an unknown id gets the same Korean message, and the typed id stays", async ({ page, context }) => {
  await page.goto("/login?callbackUrl=%2Fnews");
  await fillLogin(page, reporter.loginId, "not-my-password");
  const alert = page.locator("#login-error[role=alert]");
  await expect(alert).toHaveText(WRONG);
  await expect(page.getByLabel("아이디")).toHaveValue(reporter.loginId);
  await expect(page.getByLabel("비밀번호")).toHaveValue("");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnews$/);
  expect(await sessionCookie(context)).toBeUndefined();
  await snapshot(page, "06-wrong-password");

  // The alert already says WRONG, so wait for this answer itself: it empties the password field
  // (React resets the form when the action's answer arrives, which can come after the response
  // headers on a loaded machine; typing before that would be wiped).
  const answered = () => expect(page.getByLabel("비밀번호")).toHaveValue("");
  await fillLogin(page, "no-such-reporter", reporter.password);
  await answered();
  await expect(alert).toHaveText(WRONG);
  await expect(page.getByLabel("아이디")).toHaveValue("no-such-reporter");

  // A byline-only account ("!" as its hash) cannot log in, not even with "!".
  await fillLogin(page, "kimminji", "!");
  await answered();
  await expect(alert).toHaveText(WRONG);
  await expect(page.getByLabel("아이디")).toHaveValue("kimminji");

  // Empty fields are named, in Korean.
  await page.getByLabel("아이디").fill("");
  await submitLogin(page);
  await expect(page.getByText("아이디를 입력해 주세요.", { exact: true })).toBeVisible();
  await expect(page.getByText("비밀번호를 입력해 주세요.", { exact: true })).toBeVisible();
  await snapshot(page, "07-empty-fields");
});

test("the admin logs in; the header shows the admin's display name", async ({ page }) => {
  await page.goto("/news");
  await header(page).getByRole("link", { name: "로그인" }).click();
  await fillLogin(page, admin.loginId, admin.password);
  await expect(page).toHaveURL(/\/news$/);
  await expect(header(page).getByText(admin.displayName, { exact: true })).toBeVisible();
  expect((await (await page.request.get("/api/auth/session")).json()).user.role).toBe("admin");
});

test("a callbackUrl off the site is ignored: after logging in the reader lands on this site's front page", async ({ page, baseURL }) => {
  for (const target of ["https://evil.example", "//evil.example/news", "/\\evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/");
    await fillLogin(page, reporter.loginId, reporter.password);
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(baseURL);
    await expect(header(page).getByText(reporter.displayName, { exact: true })).toBeVisible();
  }
  await snapshot(page, "08-after-evil-callback");

  // next-auth's own signout endpoint does not send anyone off the site either.
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "https://evil.example/phish" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe(`${baseURL}/`);
});

test("signing out without the CSRF token does nothing", async ({ page, context }) => {
  await page.goto("/login");
  await fillLogin(page, reporter.loginId, reporter.password);
  await page.waitForURL((url) => url.pathname === "/");
  const response = await page.request.post("/api/auth/signout", { form: { callbackUrl: "/news" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(await sessionCookie(context)).toBeDefined();
  expect((await (await page.request.get("/api/auth/session")).json()).user.displayName).toBe(reporter.displayName);
});

test("too many failed logins: next-auth's endpoint answers 429 with Retry-After and a Korean message, and so does the login form", async ({ browser }) => {
  // An address and a login id no other test uses, so nobody else's logins are locked: with no
  // proxy in front, the server takes the client's own X-Forwarded-For as its address.
  const forwardedFor = `203.0.113.${test.info().project.name === "sqlite" ? 61 : 62}`;
  const loginId = `throttle-e2e-${Date.now().toString(36)}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": forwardedFor } });
  const { request } = context;
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const post = (password: string) =>
    request.post("/api/auth/callback/credentials", { form: { csrfToken, loginId, password, callbackUrl: "/news" }, maxRedirects: 0 });

  // Four failures are next-auth's ordinary failure: a redirect to the login page with an error.
  for (let attempt = 1; attempt <= 4; attempt++) {
    const response = await post(`wrong-${attempt}`);
    expect(response.status()).toBe(302);
    expect(response.headers().location).toContain("error=CredentialsSignin");
  }
  // The fifth locks the account (and this address) for a minute; the sixth is not even checked.
  for (const attempt of [5, 6]) {
    const response = await post(`wrong-${attempt}`);
    expect(response.status()).toBe(429);
    const retryAfter = Number(response.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await response.json()).toEqual({
      error: "TooManyLoginAttempts",
      message: "로그인 시도가 너무 많습니다. 1분 후에 다시 시도해 주세요.",
      retryAfterSeconds: retryAfter,
    });
  }

  // The login form, from the same address: refused with the same message, even for a real
  // account with its right password (the address is locked too).
  const page = await context.newPage();
  await page.goto("/login?callbackUrl=%2Fnews");
  await fillLogin(page, reporter.loginId, reporter.password);
  await expect(page.locator("#login-error[role=alert]")).toHaveText("로그인 시도가 너무 많습니다. 1분 후에 다시 시도해 주세요.");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnews$/);
  expect(await sessionCookie(context)).toBeUndefined();
  await snapshot(page, "11-too-many-attempts");
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the login form still works: errors keep the id, success returns to the page", async ({ page, context }) => {
    await page.goto("/news");
    const article = new URL(await page.locator("table tbody tr a").first().getAttribute("href") ?? "", "http://x").pathname;
    await page.goto(article);
    // The header's account link needs JavaScript; without it a plain 로그인 link stands in
    // (it knows the path, not the query string).
    const loginLink = header(page).getByRole("link", { name: "로그인" });
    await expect(loginLink).toBeVisible();
    await loginLink.click();
    await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(article)}`);

    await fillLogin(page, reporter.loginId, "wrong-password");
    await expect(page.locator("#login-error[role=alert]")).toHaveText(WRONG);
    await expect(page.getByLabel("아이디")).toHaveValue(reporter.loginId);
    await snapshot(page, "09-no-js-wrong-password");

    await page.getByLabel("비밀번호").fill(reporter.password);
    await submitLogin(page);
    await expect(page).toHaveURL(article);
    expect(await sessionCookie(context)).toBeDefined();

    await page.goto("/login");
    await expect(page.getByText("계정으로 로그인되어 있습니다")).toBeVisible();
    await snapshot(page, "10-no-js-logged-in");
  });

  test("logging out works too: a plain form post ends the session and lands on the front page", async ({ page, context }) => {
    await page.goto("/login?callbackUrl=%2Fnews");
    await fillLogin(page, reporter.loginId, reporter.password);
    await expect(page).toHaveURL(/\/news$/);
    expect(await sessionCookie(context)).toBeDefined();

    await page.goto("/login");
    await expect(page.getByText("계정으로 로그인되어 있습니다")).toBeVisible();
    await page.getByRole("button", { name: "로그아웃" }).click();
    // The button comes back to the page it was on; the login page itself leads to the front page.
    await page.waitForURL((url) => url.pathname === "/");
    expect(await sessionCookie(context)).toBeUndefined();
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
    await page.goto("/login");
    await expect(page.getByLabel("아이디")).toBeVisible();
    await snapshot(page, "12-no-js-logged-out");
  });
});
