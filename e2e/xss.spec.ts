import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";
import { DEMO_ACCOUNTS } from "../lib/seed/seed-site";
import { normalizeCommentBody } from "../lib/validations/comment";
import { ownAddress } from "./support/client-address";
import { SHORT_XSS_VECTORS, XSS_MARKER, XSS_VECTORS } from "./support/xss-vectors";

/**
 * Stored XSS, end to end: every vector of e2e/support/xss-vectors.ts goes through the real
 * server actions (the article form as a reporter, the comment form as guests, the admin's board
 * form) and is rendered in real Chromium on every page that shows it: the article (cached and
 * per-request), the board list, search results, the print view, the feeds, the dashboard's
 * preview, revisions, diff, editor and lists, and the comment moderation page. A trap in every
 * page records any dialog, any console message or page error naming a marker, and any call of
 * window.__xss; after each page the DOM must have no on* attribute and no script-running URL.
 *
 * Everything goes onto a board of its own (xss-<suffix>), so the seeded news board is unchanged;
 * this spec runs last (alphabetically) and leaves its articles deleted.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const suffix = Date.now().toString(36);
const BOARD = `xss-${suffix}`;
const BOARD_TITLE = "<img src=x onerror=__xss('board')>";

type Fired = { page: string; what: string };
const fired: Fired[] = [];
/** The dashboard's own confirm() before a delete, which the last test answers. */
let confirmsExpected = 0;

/** A browser context whose every page is trapped. */
async function trappedContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ ...ownAddress(), ...options });
  await context.addInitScript(() => {
    const calls: string[] = [];
    Object.defineProperty(window, "__xssCalls", { value: calls });
    (window as unknown as { __xss: (id: unknown) => void }).__xss = (id: unknown) => {
      calls.push(String(id));
      console.log(`XSS-fired __xss(${String(id)})`);
    };
  });
  context.on("page", (page) => trap(page));
  return context;
}

function trap(page: Page) {
  page.on("dialog", (dialog) => {
    if (dialog.type() === "confirm" && confirmsExpected > 0) {
      confirmsExpected -= 1;
      void dialog.accept();
      return;
    }
    fired.push({ page: page.url(), what: `dialog ${dialog.type()}: ${dialog.message()}` });
    void dialog.dismiss().catch(() => {});
  });
  page.on("console", (message) => {
    if (XSS_MARKER.test(message.text()) || message.text().includes("XSS-fired")) fired.push({ page: page.url(), what: `console: ${message.text()}` });
  });
  page.on("pageerror", (error) => {
    if (XSS_MARKER.test(error.message) || /__xss/.test(error.message)) fired.push({ page: page.url(), what: `pageerror: ${error.message}` });
  });
}

/**
 * After a page has rendered: nothing fired, and no element carries an event handler or a
 * script-running URL (javascript:, vbscript:, data:text/html) anywhere in the document.
 */
async function expectInert(page: Page, label: string) {
  await page.waitForLoadState("load");
  // Give autofocus, onload, animations and media errors a moment to fire.
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const calls = (window as unknown as { __xssCalls?: string[] }).__xssCalls ?? [];
    for (const id of calls) problems.push(`__xss(${id}) ran`);
    // React puts this placeholder in the action of a form it submits itself (a server action).
    const reactFormAction = (value: string) => value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
    const dangerousUrl = (value: string) => !reactFormAction(value) && /^(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\s\u0000-\u001F]+/g, ""));
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) problems.push(`<${element.localName} ${name}="${attribute.value.slice(0, 60)}">`);
        if (["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"].includes(name) && (name === "srcdoc" || dangerousUrl(attribute.value)))
          problems.push(`<${element.localName} ${name}="${attribute.value.slice(0, 60)}">`);
      }
    }
    // Scripts: only the framework's own (Next's chunks and inline flight data, the font-size
    // script, JSON-LD); none of them may call a marker.
    for (const script of Array.from(document.querySelectorAll("script"))) {
      if (/__xss|XSS-\d/.test(script.textContent ?? "") && script.type !== "application/ld+json" && !script.textContent!.startsWith("self.__next_f"))
        problems.push(`script: ${script.textContent!.slice(0, 80)}`);
    }
    // Content areas hold no embedding or scripting element at all.
    for (const element of Array.from(document.querySelectorAll(".article-body *, #comments *, main li *"))) {
      if (["script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "meta", "link", "template", "noscript"].includes(element.localName)
        && element.closest(".article-body, #comments .comment-own"))
        problems.push(`<${element.localName}> inside content`);
    }
    return problems;
  });
  expect(found, `${label}: ${page.url()}`).toEqual([]);
  expect(fired, `${label}: ${page.url()}`).toEqual([]);
}

async function visit(page: Page, url: string, label: string, { status = 200 }: { status?: number } = {}) {
  const response = await page.goto(url);
  expect(response?.status(), `${label} ${url}`).toBe(status);
  await expectInert(page, label);
}

async function logIn(browser: Browser, account: { loginId: string; password: string }, path: string): Promise<Page> {
  const page = await (await trappedContext(browser)).newPage();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("아이디").fill(account.loginId);
  await page.getByLabel("비밀번호").fill(account.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
  return page;
}

/** Payloads packed, in order, into strings of at most `max` characters (a field's limit). */
function pack(payloads: string[], max: number, separator = " "): string[] {
  const packs: string[] = [];
  let current = "";
  for (const payload of payloads) {
    if (payload.length > max) continue;
    const next = current ? `${current}${separator}${payload}` : payload;
    if (next.length > max) {
      packs.push(current);
      current = payload;
    } else current = next;
  }
  if (current) packs.push(current);
  return packs;
}

const allPayloads = XSS_VECTORS.map((vector) => vector.payload);
/** Vectors aimed at text positions (titles, JSON-LD, attributes) first. */
const titleFirst = [
  ...XSS_VECTORS.filter((vector) => ["breakout", "entity", "script", "event-handler"].includes(vector.category)),
  ...XSS_VECTORS.filter((vector) => !["breakout", "entity", "script", "event-handler"].includes(vector.category)),
].map((vector) => vector.payload.replace(/\s+/g, " "));
const TITLES = pack(titleFirst, 200).slice(0, 3);
const SUBTITLES = pack(titleFirst.slice(12), 300).slice(0, 3);
const BODY = allPayloads.map((payload, index) => `<p>벡터 ${index + 1}: ${payload}</p>${payload}`).join("\n");
/** Each comment carries several vectors, within the 2,000-character limit. */
const COMMENT_BODIES = pack(allPayloads, 2000, "\n");

const postIds: number[] = [];
const revisionCompareUrls: string[] = [];

test("the corpus has at least 60 distinct named vectors with a marker each", () => {
  expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(XSS_VECTORS.map((vector) => vector.payload)).size).toBe(XSS_VECTORS.length);
  expect(new Set(XSS_VECTORS.map((vector) => vector.name)).size).toBe(XSS_VECTORS.length);
  for (const vector of XSS_VECTORS) expect(vector.payload, vector.name).toMatch(new RegExp(`__xss\\('${vector.id}'\\)|XSS-${vector.id}\\b|'${vector.id}'|\\b${vector.id}\\b`));
  expect(new Set(XSS_VECTORS.map((vector) => vector.category)).size).toBe(11);
  expect(TITLES.length).toBe(3);
});

test("an admin makes a board whose name and category carry vectors", async ({ browser }) => {
  const page = await logIn(browser, DEMO_ACCOUNTS.admin, "/dashboard/admin/boards");
  const newBoard = page.getByRole("form", { name: "새 게시판 만들기" });
  await newBoard.getByLabel("주소").fill(BOARD);
  await newBoard.getByLabel("게시판 이름").fill(BOARD_TITLE);
  await newBoard.getByLabel("설명 (선택)").fill(allPayloads.find((payload) => payload.length < 200 && payload.includes("onerror"))!);
  await newBoard.getByRole("button").last().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/admin/boards/${BOARD}$`));
  const category = page.getByRole("form", { name: "분류 더하기" });
  await category.getByLabel("분류 이름").fill(SHORT_XSS_VECTORS[1]);
  await category.getByLabel("분류 주소").fill("xss");
  await category.getByRole("button").click();
  await expect(page.getByText(SHORT_XSS_VECTORS[1]).first()).toBeVisible();
  await expectInert(page, "admin board settings");
  await visit(page, "/dashboard/admin/boards", "admin boards list");
  await page.context().close();
});

test("a reporter saves and publishes articles whose title, subtitle, tags and body carry every vector", async ({ browser }) => {
  const page = await logIn(browser, DEMO_ACCOUNTS.reporter, "/dashboard");
  for (const [index, title] of TITLES.entries()) {
    await page.goto("/dashboard/posts/new");
    await page.getByLabel("게시판").selectOption(BOARD);
    await page.getByLabel("제목", { exact: true }).fill(title);
    await page.getByLabel("부제목").fill(SUBTITLES[index] ?? "");
    await page.getByLabel("태그").fill(SHORT_XSS_VECTORS.join(", "));
    await page.getByTestId("rich-text-editor").click();
    await page.keyboard.type(`XSS 시험 기사 ${index + 1}`);
    // The body as raw HTML through the real action: the form's hidden bodyHtml field, set and
    // submitted in one go (React reads the form when the submit event fires).
    const submit = async (intent: "save" | "publish", html: string) => {
      await page.evaluate(
        ({ html, intent }) => {
          const input = document.querySelector<HTMLInputElement>('input[type="hidden"][name="bodyHtml"]')!;
          input.value = html;
          document.querySelector<HTMLButtonElement>(`button[name="intent"][value="${intent}"]`)!.click();
        },
        { html, intent },
      );
      await expect(page).toHaveURL(new RegExp(`saved=${intent}`), { timeout: 30_000 });
    };
    // First a saved draft with half the body, then published with all of it: two revisions to compare.
    await submit("save", index === 0 ? BODY.slice(0, BODY.length / 2).replace(/<[^>]*$/, "") : BODY);
    const postId = Number(/posts\/(\d+)\/edit/.exec(page.url())![1]);
    postIds.push(postId);
    await expectInert(page, "editor after save");
    await submit("publish", index === 0 ? BODY : `<p>기사 ${index + 1}</p>${BODY}`);
    await expect(page.getByTestId("post-status")).toHaveText("게시됨");
    await expectInert(page, "editor after publish");
  }

  for (const postId of postIds) {
    await visit(page, `/dashboard/posts/${postId}/preview`, "preview");
    await visit(page, `/dashboard/posts/${postId}/revisions`, "revisions");
    const compare = page.locator('a[href*="revisions?compare="]').last();
    if (await compare.count()) {
      const href = (await compare.getAttribute("href"))!;
      revisionCompareUrls.push(href);
      await visit(page, href, "revision diff");
    }
    await visit(page, `/dashboard/posts/${postId}/edit`, "editor");
    await visit(page, `/dashboard/posts/${postId}/stats`, "stats");
  }
  expect(revisionCompareUrls.length).toBeGreaterThan(0);
  await visit(page, "/dashboard", "dashboard home");
  await visit(page, "/dashboard/posts", "dashboard posts");
  await visit(page, `/dashboard/posts?q=${encodeURIComponent(TITLES[0].slice(0, 60))}`, "dashboard search");
  await visit(page, `/dashboard/posts?q=${encodeURIComponent(allPayloads[9])}&status=${encodeURIComponent(allPayloads[0])}&page=${encodeURIComponent(allPayloads[2])}`, "dashboard junk params");
  await page.context().close();
});

test("the public pages show the articles as text and stored clean HTML, and nothing runs", async ({ browser }) => {
  const page = await (await trappedContext(browser)).newPage();
  for (const [index, postId] of postIds.entries()) {
    // The cached route, twice (the second answer comes from the cache), and the per-request route.
    await visit(page, `/${BOARD}/${postId}`, "article (cached)");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLES[index]);
    await visit(page, `/${BOARD}/${postId}`, "article (cached, again)");
    await visit(page, `/${BOARD}/${postId}?page=1`, "article (per request)");
    await visit(page, `/${BOARD}/${postId}/print`, "print view");
    await visit(page, `/${BOARD}/${postId}/print?comments=1`, "print view with comments");
    // The JSON-LD still parses and holds the title as it was typed.
    const jsonLd = await page.goto(`/${BOARD}/${postId}`).then(() =>
      page.locator('script[type="application/ld+json"]').allTextContents(),
    );
    const headlines = jsonLd.map((text) => JSON.parse(text) as { headline?: string }).map((data) => data.headline).filter(Boolean);
    expect(headlines.length).toBeGreaterThan(0);
    expect(TITLES[index].startsWith(headlines[0]!.replace(/…$/, ""))).toBe(true);
  }
  await visit(page, `/${BOARD}`, "board list");
  await expect(page.locator("table tbody")).toContainText(TITLES[0]);
  await visit(page, `/${BOARD}?category=xss`, "board list, category");
  for (const target of ["title_content", "title", "content", "author", "comment"]) {
    await visit(page, `/${BOARD}?target=${target}&q=${encodeURIComponent(TITLES[1].slice(0, 120))}`, `search ${target}`);
  }
  // Article URLs with vectors in the list state they carry.
  await visit(page, `/${BOARD}/${postIds[0]}?q=${encodeURIComponent(allPayloads[0])}&target=title`, "article with search");
  await visit(page, `/${BOARD}/${postIds[0]}?sort=${encodeURIComponent(allPayloads[1])}&category=${encodeURIComponent(allPayloads[3])}&page=${encodeURIComponent(allPayloads[4])}`, "article with junk list state");
  await page.context().close();
});

test("the feeds are well-formed XML whose article HTML has no script, handler or script URL", async ({ browser, request }) => {
  const page = await (await trappedContext(browser)).newPage();
  await page.goto(`/${BOARD}`);
  for (const path of [`/${BOARD}/rss.xml`, `/${BOARD}/atom.xml`, "/rss.xml", "/atom.xml"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const xml = await response.text();
    expect(XMLValidator.validate(xml), path).toBe(true);
    expect(xml).toContain(BOARD);
    // Parsed as a feed reader would (script never runs in DOMParser), then the HTML of every entry as a page would.
    const problems = await page.evaluate((text) => {
      const feed = new DOMParser().parseFromString(text, "application/xml");
      if (feed.querySelector("parsererror")) return ["parsererror"];
      const found: string[] = [];
      const htmlParts = Array.from(feed.querySelectorAll("item > description, encoded, entry > content")).map((node) => node.textContent ?? "");
      for (const html of htmlParts) {
        const doc = new DOMParser().parseFromString(html, "text/html");
        for (const element of Array.from(doc.body.querySelectorAll("*"))) {
          if (["script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "meta"].includes(element.localName)) found.push(`<${element.localName}>`);
          for (const attribute of Array.from(element.attributes)) {
            if (attribute.name.startsWith("on")) found.push(`${element.localName} ${attribute.name}`);
            if (/^(javascript|vbscript|data)/i.test(attribute.value.replace(/[\s\u0000-\u001F]+/g, "")) && ["href", "src"].includes(attribute.name))
              found.push(`${element.localName} ${attribute.name}=${attribute.value}`);
          }
        }
      }
      return found;
    }, xml);
    expect(problems, path).toEqual([]);
  }
  // The titles are escaped text in the feed: the raw XML never holds a live tag from them.
  const rss = await (await request.get(`/${BOARD}/rss.xml`)).text();
  expect(rss).not.toMatch(/<script/i);
  expect(rss).not.toMatch(/<img[^>]*onerror/i);
  await expectInert(page, "after feeds");
  await page.context().close();
});

test("guests comment with vectors in their bodies and names; the article and moderation pages stay inert", async ({ browser }) => {
  const articleUrl = `/${BOARD}/${postIds[0]}`;
  for (const [index, body] of COMMENT_BODIES.entries()) {
    // One comment per address per 15 s: a reader (context) of their own each time.
    const context = await trappedContext(browser);
    const page = await context.newPage();
    await page.goto(articleUrl);
    const form = page.locator("#comment-form form");
    await form.getByLabel("이름").fill(SHORT_XSS_VECTORS[index % SHORT_XSS_VECTORS.length]);
    await form.getByLabel("비밀번호").fill("1234");
    await form.getByRole("textbox", { name: "댓글" }).fill(body);
    await form.getByRole("button", { name: "등록" }).click();
    await expect(page).toHaveURL(/#comment-\d+$/, { timeout: 30_000 });
    await expectInert(page, `comment ${index + 1}`);
    await context.close();
  }
  const page = await (await trappedContext(browser)).newPage();
  await visit(page, articleUrl, "article with comments");
  const texts = await page.locator("#comments li[id^='comment-'] > .comment-own > p").allTextContents();
  // Every body is shown as the text that was typed (as stored: normalized), names too.
  for (const body of COMMENT_BODIES) expect(texts.some((text) => text === normalizeCommentBody(body)), body.slice(0, 40)).toBe(true);
  for (const name of SHORT_XSS_VECTORS.slice(0, COMMENT_BODIES.length)) await expect(page.locator("#comments").getByText(name, { exact: true }).first()).toBeVisible();
  await visit(page, `${articleUrl}?page=1`, "article with comments (per request)");
  await visit(page, `${articleUrl}/print?comments=1`, "print view with comments");
  await visit(page, `/${BOARD}?target=comment&q=${encodeURIComponent("onerror")}`, "comment search");
  await page.context().close();

  const editor = await logIn(browser, DEMO_ACCOUNTS.editor, "/dashboard/comments");
  await expectInert(editor, "comment moderation");
  await visit(editor, `/dashboard/comments?board=${BOARD}`, "comment moderation, board");
  await visit(editor, `/dashboard/comments?status=${encodeURIComponent(allPayloads[0])}&board=${encodeURIComponent(allPayloads[5])}&before=${encodeURIComponent(allPayloads[9])}`, "moderation junk params");
  await editor.context().close();
});

test("list and search URLs with vectors in every parameter answer without a 500 and run nothing", async ({ browser }) => {
  const page = await (await trappedContext(browser)).newPage();
  const picks = XSS_VECTORS.filter((_, index) => index % 6 === 0).map((vector) => vector.payload);
  for (const [index, payload] of picks.entries()) {
    const value = encodeURIComponent(payload);
    const board = index % 2 ? "news" : BOARD;
    await visit(page, `/${board}?q=${value}&target=title_content`, "search q");
    await visit(page, `/${board}?category=${value}&sort=${value}&order=${value}&page=${value}&target=${value}`, "junk list state");
  }
  await visit(page, `/news/1?q=${encodeURIComponent(allPayloads[0])}&reply=${encodeURIComponent(allPayloads[1])}&edit=${encodeURIComponent(allPayloads[2])}`, "article with junk comment links");
  // A vector in the path is a 404 in the site's style, not a 500 and not a script.
  await visit(page, `/${encodeURIComponent(allPayloads[0])}`, "vector as board", { status: 404 });
  await visit(page, `/news/${encodeURIComponent(allPayloads[9])}`, "vector as article id", { status: 404 });
  await page.context().close();
});

test("the reporter deletes the test articles again", async ({ browser }) => {
  const page = await logIn(browser, DEMO_ACCOUNTS.reporter, "/dashboard");
  for (const postId of postIds) {
    await page.goto(`/dashboard/posts/${postId}/edit`);
    confirmsExpected = 1;
    await page.locator('form:has(input[name="change"][value="delete"]) button').first().click();
    await expect(page).toHaveURL(/saved=delete/);
  }
  await page.context().close();
  expect(fired).toEqual([]);
});
