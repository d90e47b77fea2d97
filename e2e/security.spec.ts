import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/seed/seed-site";
import { ownAddress } from "./support/client-address";
import { openE2eDatabase, type E2eDatabase } from "./support/e2e-database";
import { articleOfNewsPage } from "./support/news-list";

/**
 * SECURITY.md, checked on the running server: the security headers; a Content-Security-Policy
 * whose nonce is on every script Next writes (new per request; on the cached article the
 * server's cached-page nonce, the same on every HIT) and under which the pages still run their
 * JavaScript; and CSRF: a state-changing request from another site (Origin: https://evil.example)
 * or from an opaque origin (Origin: null) is refused with 403 and changes nothing, while the
 * same request from this site works. Articles of page 24 of /news, a page the other specs leave alone.
 */

let db: E2eDatabase;

test.beforeAll(async ({}, testInfo) => {
  db = await openE2eDatabase(testInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  await db?.close();
});

test.use({
  extraHTTPHeaders: async ({}, use) => {
    await use(ownAddress().extraHTTPHeaders);
  },
  userAgent: async ({}, use, testInfo) => {
    await use(`Mozilla/5.0 (X11; Linux x86_64) Chrome/140 security-e2e/${testInfo.project.name}/${testInfo.testId}/${testInfo.retry}`);
  },
});

const FOREIGN_ORIGINS = ["https://evil.example", "null"];

/** The id of the n-th article (not a notice) of page 24 of /news. */
const articleOfPage24 = (page: Page, n: number) => articleOfNewsPage(page, 24, n);

function scriptSources(csp: string): string[] {
  const directive = csp.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src "));
  return directive?.split(/\s+/).slice(1) ?? [];
}

function nonceOf(response: APIResponse): string {
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = scriptSources(csp).map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce, csp).toBeTruthy();
  return nonce!;
}

/** Every <script> of the HTML carries the header's nonce, except the root layout's one inline script (allowed by its hash). */
function expectScriptsToCarry(html: string, nonce: string) {
  // JSON-LD is data, not script: the browser does not run it.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !tag.includes('type="application/ld+json"'));
  expect(scripts.length).toBeGreaterThan(1);
  const withoutNonce = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
  // The inline script of app/layout.tsx (lib/security/inline-scripts.ts), allowed by its sha256.
  expect(withoutNonce.length, withoutNonce.join("\n")).toBeLessThanOrEqual(1);
  if (withoutNonce.length === 1) expect(html).toContain(`${withoutNonce[0]}globalThis.__zod_globalConfig=`);
}

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=(), interest-cohort=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  // The e2e site is http://…: no HSTS, no upgrade-insecure-requests.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("every page has the security headers and a CSP with a fresh nonce that Next puts on its scripts", async ({ request }) => {
  // (A board's first page, /news, and a plain article URL come from the cache: next test.)
  for (const path of ["/", "/news?page=24", "/news?sort=title", "/login", "/news?q=%EC%8B%9C%EC%9D%98"]) {
    const [first, second] = [await request.get(path), await request.get(path)];
    expect(first.status(), path).toBe(200);
    expectSecurityHeaders(first);
    const csp = first.headers()["content-security-policy"];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    const sources = scriptSources(csp);
    expect(sources).toContain("'strict-dynamic'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources.some((source) => source.startsWith("'sha256-"))).toBe(true);
    const nonce = nonceOf(first);
    expect(nonceOf(second), path).not.toBe(nonce);
    expectScriptsToCarry(await first.text(), nonce);
  }
  // Files and route handlers carry the static headers too.
  for (const path of ["/logo.png", "/rss.xml", "/robots.txt"]) expectSecurityHeaders(await request.get(path));
});

test("cached pages (a board's first page, a plain article) keep their cache HIT: every request gets the cached-page nonce their HTML was rendered with", async ({ page, request }) => {
  const postId = await articleOfPage24(page, 0);
  for (const [url, live] of [[`/news/${postId}`, `/news/${postId}?page=24`], ["/news", "/news?page=1"]]) {
    await expect.poll(async () => (await request.get(url)).headers()["x-nextjs-cache"], { intervals: [0, 250, 500, 1000] }).toBe("HIT");
    const hits = [await request.get(url), await request.get(url)];
    for (const hit of hits) {
      expect(hit.headers()["x-nextjs-cache"], url).toBe("HIT");
      expectSecurityHeaders(hit);
      expect(scriptSources(hit.headers()["content-security-policy"])).not.toContain("'unsafe-inline'");
      expectScriptsToCarry(await hit.text(), nonceOf(hit));
    }
    expect(nonceOf(hits[1]), url).toBe(nonceOf(hits[0]));
    // The same page rendered per request (with list state in its query) has a nonce of its own.
    const rendered = await request.get(live);
    expect(rendered.headers()["x-nextjs-cache"], live).toBeUndefined();
    expect(nonceOf(rendered), live).not.toBe(nonceOf(hits[0]));
    expectScriptsToCarry(await rendered.text(), nonceOf(rendered));
  }
});

test("pages and the dashboard editor run their JavaScript under the policy, with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const postId = await articleOfPage24(page, 1);
  // The cached article: its beacon (a client component's effect) posts the view, so React ran.
  const beacon = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/views" && response.request().method() === "POST");
  const opened = await page.goto(`/news/${postId}`);
  expect(opened?.headers()["x-nextjs-cache"]).toMatch(/HIT|MISS|STALE/);
  expect((await beacon).status()).toBe(204);
  // The layout's inline script ran (it marks <html> as scripted).
  await expect(page.locator("html")).toHaveClass(/\bjs\b/);
  // The board list, and the dashboard's door and login form.
  await page.goto("/news?page=24");
  await page.goto("/dashboard/posts/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.locator("html")).toHaveClass(/\bjs\b/);
  // The editor (TipTap sets style attributes and loads its code at run time): it takes typing and bold.
  await page.getByLabel("아이디").fill(DEMO_ACCOUNTS.reporter.loginId);
  await page.getByLabel("비밀번호").fill(DEMO_ACCOUNTS.reporter.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/new$/);
  const editor = page.getByTestId("rich-text-editor");
  await editor.click();
  await page.keyboard.type("정책 아래에서 ");
  await page.getByRole("button", { name: "굵게" }).click();
  await page.keyboard.type("굵게");
  await expect(editor.locator("strong")).toHaveText("굵게");
  expect(violations).toEqual([]);
});

/** The fields a browser without JavaScript would post from the page's first form matching `selector`, filled in. */
async function formFields(page: Page, selector: string, values: Record<string, string>): Promise<Record<string, string>> {
  const fields = await page.locator(selector).first().evaluate((form: HTMLFormElement) => {
    const entries: [string, string][] = [];
    for (const [key, value] of new FormData(form)) entries.push([key, String(value)]);
    return entries;
  });
  return { ...Object.fromEntries(fields), ...values };
}

/** A server action's id, from the no-JavaScript form React writes ($ACTION_ID_<id>, or $ACTION_<n>:0 with the id inside). */
function actionIdOf(fields: Record<string, string>): string {
  for (const [key, value] of Object.entries(fields)) {
    const direct = /^\$ACTION_ID_(\w+)$/.exec(key);
    if (direct) return direct[1];
    if (/^\$ACTION_\d+:0$/.test(key)) return (JSON.parse(value) as { id: string }).id;
  }
  throw new Error(`no server action in ${Object.keys(fields).join(", ")}`);
}

async function postForm(request: APIRequestContext, url: string, fields: Record<string, string>, origin: string, extraHeaders: Record<string, string> = {}) {
  return request.post(url, { multipart: fields, headers: { Origin: origin, ...extraHeaders }, maxRedirects: 0 });
}

test.describe("CSRF", () => {
  test.use({ javaScriptEnabled: false });

  test("a comment posted from another site or an opaque origin is refused with 403, as a form or as a server action call; from this site it is written", async ({ page, baseURL }) => {
    const postId = await articleOfPage24(page, 2);
    const url = `/news/${postId}?page=24`;
    await page.goto(url);
    const fields = await formFields(page, "#comment-form form", { guestName: "보안시험", password: "1234", body: "다른 사이트에서 보낸 댓글" });
    const actionId = actionIdOf(fields);
    const before = (await db.post(postId)).commentCount;

    for (const origin of FOREIGN_ORIGINS) {
      const asForm = await postForm(page.request, url, fields, origin);
      expect(asForm.status(), origin).toBe(403);
      expect(await asForm.text()).toBe("다른 사이트에서 보낸 요청은 받지 않습니다.");
      expectSecurityHeaders(asForm);
      const asAction = await postForm(page.request, url, fields, origin, { "Next-Action": actionId, Accept: "text/x-component" });
      expect(asAction.status(), origin).toBe(403);
    }
    expect((await db.post(postId)).commentCount).toBe(before);

    // The same form from this site: written, and the reader is sent back to it.
    const own = await postForm(page.request, url, { ...fields, body: "이 사이트에서 보낸 댓글" }, new URL(baseURL!).origin);
    expect(own.status()).toBe(303);
    await expect.poll(async () => (await db.post(postId)).commentCount).toBe(before + 1);
  });

  test("the login form and next-auth's endpoint refuse another site", async ({ page, request }) => {
    await page.goto("/login");
    const fields = await formFields(page, "form", { loginId: "reporter1", password: "nope" });
    const actionId = actionIdOf(fields);
    for (const origin of FOREIGN_ORIGINS) {
      expect((await postForm(page.request, "/login", fields, origin)).status(), origin).toBe(403);
      expect((await postForm(page.request, "/login", fields, origin, { "Next-Action": actionId })).status(), origin).toBe(403);
      const nextAuth = await request.post("/api/auth/callback/credentials", { form: { loginId: "reporter1", password: "nope" }, headers: { Origin: origin }, maxRedirects: 0 });
      expect(nextAuth.status(), origin).toBe(403);
    }
  });

  test("a view beacon from another site is refused and not counted; from this site it counts", async ({ page, request, baseURL }) => {
    const postId = await articleOfPage24(page, 3);
    const before = (await db.post(postId)).viewCount;
    for (const origin of FOREIGN_ORIGINS) {
      const refused = await request.post("/api/views", { data: { postId }, headers: { Origin: origin } });
      expect(refused.status(), origin).toBe(403);
    }
    expect((await db.post(postId)).viewCount).toBe(before);
    const counted = await request.post("/api/views", { data: { postId }, headers: { Origin: new URL(baseURL!).origin } });
    expect(counted.status()).toBe(204);
    expect(counted.headers()["x-view-counted"]).toBe("1");
    await expect.poll(async () => (await db.post(postId)).viewCount).toBe(before + 1);
  });

  test("the no-JavaScript view image (the one GET that counts) counts nothing when another site's page or a bare request asks for it", async ({ page, browser, request, baseURL }) => {
    const postId = await articleOfPage24(page, 4);
    const before = (await db.post(postId)).viewCount;
    const pixelUrl = `${baseURL}/api/views?post=${postId}`;
    // A page on another site embeds the image, in a real browser without JavaScript (as the article's <noscript> would).
    const context = await browser.newContext({ javaScriptEnabled: false, ...ownAddress() });
    const foreign = await context.newPage();
    // The other site is served for real by the test, as http://localhost:<its port> (another site than
    // http://127.0.0.1:<port>). A page Playwright made up would not do: Chromium keeps a page of unknown
    // (public) address from loading anything off a local one at all.
    const otherSite = createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(`<img src="${pixelUrl}" alt="">`));
    await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
    try {
      const foreignPage = `http://localhost:${(otherSite.address() as AddressInfo).port}/`;
      const [image] = await Promise.all([foreign.waitForResponse((response) => response.url() === pixelUrl), foreign.goto(foreignPage)]);
      expect(await image.request().headerValue("sec-fetch-site")).toBe("cross-site");
      expect(image.headers()["x-view-counted"]).toBe("0; not-own-page");
    } finally {
      await context.close();
      otherSite.close();
    }
    // A link followed or an address typed (no page of ours asking), and a tool sending neither Fetch Metadata nor Referer.
    const typed = await request.get(pixelUrl, { headers: { "Sec-Fetch-Site": "none" } });
    expect(typed.headers()["x-view-counted"]).toBe("0; not-own-page");
    const bare = await request.get(pixelUrl);
    expect(bare.status()).toBe(200);
    expect(bare.headers()["x-view-counted"]).toBe("0; not-own-page");
    expect((await db.post(postId)).viewCount).toBe(before);
    // The same image asked for by this site's page counts (e2e/view-counting.spec.ts shows it from a real article page).
    const own = await request.get(pixelUrl, { headers: { "Sec-Fetch-Site": "same-origin", Referer: `${baseURL}/news/${postId}` } });
    expect(own.headers()["x-view-counted"]).toBe("1");
    await expect.poll(async () => (await db.post(postId)).viewCount).toBe(before + 1);
  });
});
