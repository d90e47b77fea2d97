import { expect, test, type APIRequestContext, type Browser, type BrowserContextOptions, type Locator, type Page, type Response } from "@playwright/test";
import { ownAddress } from "./support/client-address";
import { openE2eDatabase, type E2eDatabase } from "./support/e2e-database";
import { articleOfNewsPage } from "./support/news-list";

/**
 * A plain article URL (/news/123) is served from Next's full-route cache, and its views still
 * count: the page's beacon (or, without JavaScript, its <noscript> image) asks /api/views in a
 * request of its own. The cache is shown two ways: Next's `x-nextjs-cache: HIT` header, and a
 * title changed in the database behind the cache's back that the cached page does not show.
 * Counters are read from the e2e server's database (e2e/support/e2e-database.ts).
 *
 * Articles of page 12 of /news, a page the other specs leave alone; one article per test.
 */

let db: E2eDatabase;

test.beforeAll(async ({}, testInfo) => {
  db = await openE2eDatabase(testInfo.project.use.baseURL!);
});

test.afterAll(async () => {
  await db?.close();
});

async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-views-${name}.png`, fullPage: true });
}

/** The id of the n-th article (not a notice) of page 12 of /news. */
const articleOfPage12 = (page: Page, n: number) => articleOfNewsPage(page, 12, n);

/** Next's x-nextjs-cache header: HIT, STALE or MISS on the cached route; none on a page rendered per request. */
const cacheState = (response: { headers(): Record<string, string> } | null) => response?.headers()["x-nextjs-cache"];

/** Requests the URL until Next holds it in its cache (the first request of a page renders it). */
async function warm(request: APIRequestContext, url: string) {
  await expect.poll(async () => cacheState(await request.get(url)), { intervals: [0, 250, 500, 1000] }).toBe("HIT");
}

const viewCountOf = async (postId: number) => (await db.post(postId)).viewCount;

/** A reader of their own: a browser context with its own user agent (and so its own visitor key). */
async function newReader(browser: Browser, name: string, options: BrowserContextOptions = {}): Promise<Page> {
  const userAgent = options.userAgent ?? `Mozilla/5.0 (X11; Linux x86_64) Chrome/140 views-e2e/${name}/${test.info().project.name}/${test.info().retry}`;
  const context = await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul", ...ownAddress(), ...options, userAgent });
  return context.newPage();
}

/** The page's view request: the beacon's POST (Playwright does not see a beacon's body) or the image's GET ?post=<id>. */
const isViewRequest = (postId: number) => (response: Response) => {
  const url = new URL(response.url());
  if (url.pathname !== "/api/views") return false;
  return response.request().method() === "POST" || url.searchParams.get("post") === String(postId);
};

/** Opens (or reloads) the article and returns the page's own response and its view request's answer. */
async function read(page: Page, url: string | null, postId: number) {
  const viewed = page.waitForResponse(isViewRequest(postId));
  const response = url === null ? await page.reload() : await page.goto(url);
  const view = await viewed;
  return { response, view, method: view.request().method(), counted: view.headers()["x-view-counted"] };
}

const headline = (page: Page): Locator => page.getByRole("heading", { level: 1 });
const shownViews = (page: Page) => page.locator("article header dl div").filter({ hasText: "조회 수" }).locator("dd");

test("a plain article URL is served from the cache: x-nextjs-cache HIT, and a title changed behind its back stays old", async ({ page, request, browser }) => {
  const postId = await articleOfPage12(page, 0);
  const url = `/news/${postId}`;
  const first = await request.get(url);
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toContain("s-maxage=3600");
  await warm(request, url);

  // Change the title in the database without revalidating anything. The reader has no
  // JavaScript, so no link is prefetched (and cached) while the title is changed.
  const { title } = await db.post(postId);
  const changed = `${title} — 캐시 밖에서 바꾼 제목`;
  const reader = await newReader(browser, "title-check", { javaScriptEnabled: false });
  await db.setPostTitle(postId, changed);
  try {
    // The plain URL still shows the title it was cached with: it did not reach the database.
    const cached = await reader.goto(url);
    expect(cacheState(cached)).toBe("HIT");
    await expect(headline(reader)).toHaveText(title);
    expect(await reader.title()).toMatch(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\| `));
    await snapshot(reader, "01-cached-old-title");

    // The same article in a list (rendered per request) reads the database: the new title.
    const live = await reader.goto(`${url}?page=12`);
    expect(cacheState(live)).toBeUndefined();
    expect(live?.headers()["cache-control"]).toContain("no-store");
    await expect(headline(reader)).toHaveText(changed);
    await snapshot(reader, "02-per-request-new-title");
  } finally {
    await db.setPostTitle(postId, title);
    await reader.context().close();
  }

  // The cached route has no address of its own.
  const direct = await request.get(`${url}/cached`, { maxRedirects: 0 });
  expect(direct.status()).toBe(308);
  expect(direct.headers()["location"]).toBe(url);
});

test("a missing article is a 404 from the cached route too, every time", async ({ request }) => {
  for (let attempt = 0; attempt < 2; attempt++) {
    const missing = await request.get("/news/99999999");
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain("요청하신 페이지를 찾을 수 없습니다");
  }
  expect((await request.get("/no-such-board/12")).status()).toBe(404);
});

test("the beacon counts a view of the cached page once per reader, again for another reader, and by the image without JavaScript", async ({ page, request, browser }) => {
  const postId = await articleOfPage12(page, 1);
  const url = `/news/${postId}`;
  await warm(request, url);
  const before = await viewCountOf(postId);

  // A reader opens the cached page; its beacon (POST /api/views) counts one view.
  const reader = await newReader(browser, "reader-1");
  const opened = await read(reader, url, postId);
  expect(cacheState(opened.response)).toBe("HIT");
  expect(opened.method).toBe("POST");
  expect(opened.counted).toBe("1");
  await expect.poll(() => viewCountOf(postId)).toBe(before + 1);
  // The HTML is the cached one: it still shows the count it was rendered with.
  await expect(shownViews(reader)).toHaveText(before.toLocaleString("ko-KR"));
  await snapshot(reader, "03-reader-counted");

  // Reloading sends the beacon again, but the same reader counts once a day.
  const reloaded = await read(reader, null, postId);
  expect(cacheState(reloaded.response)).toBe("HIT");
  expect(reloaded.counted).toBe("0; repeat");
  expect(await viewCountOf(postId)).toBe(before + 1);
  await reader.context().close();

  // Another reader (another browser) counts.
  const other = await newReader(browser, "reader-2");
  const second = await read(other, url, postId);
  expect(cacheState(second.response)).toBe("HIT");
  expect(second.counted).toBe("1");
  await expect.poll(() => viewCountOf(postId)).toBe(before + 2);
  await other.context().close();

  // Without JavaScript, the <noscript> image (GET /api/views?post=…) counts.
  const noScript = await newReader(browser, "reader-no-js", { javaScriptEnabled: false });
  const imaged = await read(noScript, url, postId);
  expect(cacheState(imaged.response)).toBe("HIT");
  expect(imaged.method).toBe("GET");
  expect(imaged.counted).toBe("1");
  expect(imaged.view.headers()["content-type"]).toBe("image/gif");
  await expect.poll(() => viewCountOf(postId)).toBe(before + 3);
  await snapshot(noScript, "04-no-js-counted");
  await noScript.context().close();
});

test("a search engine's crawler reads the cached page and its beacon is not counted", async ({ page, request, browser }) => {
  const postId = await articleOfPage12(page, 2);
  const url = `/news/${postId}`;
  await warm(request, url);
  const before = await viewCountOf(postId);
  const bot = await newReader(browser, "bot", { userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
  const crawled = await read(bot, url, postId);
  expect(cacheState(crawled.response)).toBe("HIT");
  expect(crawled.counted).toBe("0; bot");
  expect(await viewCountOf(postId)).toBe(before);
  await bot.context().close();
});

/** The comment (li) whose own text contains `text`. */
const commentWith = (page: Page, text: string): Locator =>
  page.locator("#comments li[id^='comment-']").filter({ has: page.locator(":scope > .comment-own > p", { hasText: text }) });

async function writeComment(page: Page, { name, password, body }: { name: string; password: string; body: string }) {
  const form = page.locator("#comment-form form");
  await form.getByLabel("이름").fill(name);
  await form.getByLabel("비밀번호").fill(password);
  await form.getByRole("textbox", { name: "댓글" }).fill(body);
  await form.getByRole("button", { name: "등록" }).click();
}

/** The comment count the list under an article shows for one of its rows (0 when it shows none). */
function listedCommentCount(html: string, postId: number): number {
  const row = new RegExp(`href="/news/${postId}\\?page=12">[^<]*</a>(?:<span[^>]*aria-label="댓글 (\\d+)개")?`).exec(html);
  if (!row) throw new Error(`article ${postId} is not in the list`);
  return Number(row[1] ?? 0);
}

test("a comment revalidates the cached article at once, and the board's other cached pages on their next visit", async ({ page, request, browser }) => {
  const postId = await articleOfPage12(page, 3);
  // Not its previous/next, which the browser may prefetch (and so refresh) by itself.
  const neighbourId = await articleOfPage12(page, 7);
  const url = `/news/${postId}`;
  const neighbourUrl = `/news/${neighbourId}`;
  await warm(request, url);
  await warm(request, neighbourUrl);
  const commentsBefore = listedCommentCount(await (await request.get(neighbourUrl)).text(), postId);

  // A reader comments on the cached page (the form posts to the plain URL, so to the cached route).
  const reader = await newReader(browser, "commenter");
  await reader.goto(url);
  const body = "캐시된 기사에 단 댓글입니다";
  await writeComment(reader, { name: "캐시독자", password: "1234", body });
  await expect(commentWith(reader, body)).toBeVisible();
  await reader.context().close();

  // The article's cached page expired at once: the next request (the browser's own refresh
  // after the action, or this one) renders it again, with the comment, and it is cached again.
  expect(await (await request.get(url)).text()).toContain(body);
  await warm(request, url);
  expect(await (await request.get(url)).text()).toContain(body);

  // Another article of the board lists it with its comment count: stale once, then refreshed in the background.
  const stale = await request.get(neighbourUrl);
  expect(cacheState(stale)).toBe("STALE");
  expect(listedCommentCount(await stale.text(), postId)).toBe(commentsBefore);
  await expect
    .poll(async () => {
      const response = await request.get(neighbourUrl);
      return `${cacheState(response)} ${listedCommentCount(await response.text(), postId)}`;
    })
    .toBe(`HIT ${commentsBefore + 1}`);

  // Without JavaScript, on the plain URL: a refused comment comes back with its message, a
  // good one redirects to the article, which shows it.
  const noScript = await newReader(browser, "commenter-no-js", { javaScriptEnabled: false });
  await noScript.goto(url);
  const form = noScript.locator("#comment-form form");
  await form.getByLabel("이름").fill("스크립트없는독자");
  await form.getByLabel("비밀번호").fill("1234");
  await form.getByRole("button", { name: "등록" }).click();
  await expect(form.getByText("댓글 내용을 입력해 주세요.")).toBeVisible();
  await expect(form.getByLabel("이름")).toHaveValue("스크립트없는독자");
  const noScriptBody = "스크립트 없이 캐시된 기사에 단 댓글";
  await writeComment(noScript, { name: "스크립트없는독자", password: "1234", body: noScriptBody });
  await expect(noScript).toHaveURL(new RegExp(`/news/${postId}#comment-\\d+$`));
  await expect(commentWith(noScript, noScriptBody)).toBeVisible();
  await expect(commentWith(noScript, body)).toBeVisible();
  await snapshot(noScript, "05-commented-no-js");
  await noScript.context().close();
  expect(await (await request.get(url)).text()).toContain(noScriptBody);
});
