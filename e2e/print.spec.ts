import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Request } from "@playwright/test";
import sharp from "sharp";
import { openE2eDatabase, type E2eDatabase, type E2ePostContent } from "./support/e2e-database";

/**
 * Printing an article: the print view /<board>/<id>/print (no site chrome, the article's URL
 * and a QR code, comments only when asked, ?autoprint=1 opens the dialog once, not counted as
 * a view, noindex), the article page itself under print media, and a long article printed to
 * an A4 PDF that is read back with poppler-utils (pdfinfo, pdftotext) and rendered to PNGs
 * (pdftoppm) in e2e/screenshots/.
 *
 * Articles of page 16 of /news, a page the other specs leave alone. One of them is made long
 * (headings, a quote, a table and a picture) in the database for the PDF, and put back after.
 */

let db: E2eDatabase;

/** The articles used here: a plain one, one with comments, and the one made long. */
let plainId: number;
let commentedId: number;
let longId: number;
let longOriginal: E2ePostContent;

const LONG_SUBTITLE = "뿌리산업 고용안정 패키지, 5년 동안 7,750명 고용 창출 목표";
const LONG_HEADINGS = ["개소식 현장", "센터가 하는 일", "대-중소기업 상생 모델", "5년 사업 계획", "기대 효과"];

/** A picture in the media store, as an upload would have left it (the key is one the server could have made). */
const PICTURE_KEY = "2099/01/printspecpicturezzzzzzzz";
const picturePath = () => path.resolve(process.env.MEDIA_DIR || "./data/media", `${PICTURE_KEY}-960.webp`);

const PARAGRAPHS = [
  "인천시는 3일 송도에 위치한 갯벌타워에서 인천 뿌리산업일자리센터 개소식을 갖고 인천지역 뿌리산업 고용안정 선제대응 패키지 지원사업을 본격적으로 추진한다고 밝혔다.",
  "이날 개소식에는 인천광역시 행정부시장, 인천시의회 산업경제위원회 위원장, 남동·서구 부구청장, 중부지방고용노동청장, 인천테크노파크원장, 인천 지역 뿌리기업 대표, 관련 유관기관 등이 참석해 센터의 개소를 축하했다.",
  "인천 뿌리산업일자리센터는 뿌리산업 구직자·재직자뿐만 아니라 기업까지 종합적으로 지원하는 전담조직으로, 인천테크노파크가 운영을 맡아 15명의 인력이 고용안정 거버넌스 구축, 특화 맞춤형 취업지원, 공정자동화·애로기술개선설비 구축 지원, 근로환경개선지원 등 다양한 사업을 추진하게 된다.",
  "센터는 포스코철강솔루션연구소와 한국생산기술연구원 등과 협업을 통해 뿌리기업의 실질적인 애로사항을 해결하고 설비를 지원하는 새로운 대-중소기업 상생모델을 만들어 시행할 계획이며, 경력형성장려금 지원과 근로환경개선지원 사업도 규모를 확대해 더 많은 재직자와 기업들이 참여할 수 있도록 추진할 예정이다.",
  "인천시와 남동·부평·서구가 결성한 인천광역시 컨소시엄이 제안하고 고용노동부의 고용안정 선제대응 패키지 지원사업 공모에 최종 선정된 이 사업은 센터를 주축으로 5년 동안 총 7,750명의 고용 창출과 인천의 제조업 부흥에 큰 역할을 할 것으로 기대된다.",
];

/** A long article body as the dashboard's editor would store it: five sections, a quote, a table and a picture. */
function longBody(): string {
  const section = (heading: string, index: number) => {
    const paragraphs = Array.from({ length: 5 }, (_, i) => `<p>${PARAGRAPHS[(index + i) % PARAGRAPHS.length]}</p>`);
    if (index === 0) paragraphs.splice(2, 0, '<p><img src="/media/2099/01/printspecpicturezzzzzzzz-960.webp" alt="개소식 테이프커팅" width="960" height="640"></p>');
    if (index === 1) paragraphs.push("<blockquote><p>“뿌리산업의 고용창출 선순환 구조를 확립하겠습니다.”</p></blockquote>");
    if (index === 3)
      paragraphs.push(
        "<table><tbody><tr><th><p>연도</p></th><th><p>고용 목표</p></th></tr>" +
          ["2020", "2021", "2022", "2023", "2024"].map((year, i) => `<tr><td><p>${year}</p></td><td><p>${1200 + i * 175}명</p></td></tr>`).join("") +
          "</tbody></table>",
      );
    return `<h2>${heading}</h2>\n${paragraphs.join("\n")}`;
  };
  return LONG_HEADINGS.map(section).join("\n");
}

async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-print-${name}.png`, fullPage: true });
}

/** The article ids of page 16 of /news (notices left out). */
async function articlesOfPage16(page: Page): Promise<number[]> {
  await page.goto("/news?page=16");
  const hrefs = await page
    .locator("table tbody tr")
    .filter({ hasNot: page.getByText("공지", { exact: true }) })
    .locator("td:nth-child(2) a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map((href) => Number(/^\/news\/(\d+)\?page=16$/.exec(href)?.[1])).filter((id) => id > 0);
}

const printPath = (postId: number, query = "") => `/news/${postId}/print${query}`;
const isViewRequest = (request: Request) => new URL(request.url()).pathname === "/api/views";
const siteChrome = (page: Page) => ({
  banner: page.getByRole("banner"),
  boardMenu: page.getByRole("navigation", { name: "게시판", exact: true }),
  toolbar: page.getByRole("navigation", { name: "문서 도구" }),
  list: page.locator("#board-list-title"),
  pagination: page.getByRole("navigation", { name: "게시판 페이지" }),
  footer: page.getByRole("contentinfo"),
  commentForm: page.locator("#comment-form"),
});

test.beforeAll(async ({ browser }, testInfo) => {
  db = await openE2eDatabase(testInfo.project.use.baseURL!);
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  const ids = await articlesOfPage16(page);
  await page.close();
  expect(ids.length).toBeGreaterThanOrEqual(3);
  [longId, plainId] = ids;
  // One query at a time: the PostgreSQL helper is a single client.
  commentedId = 0;
  for (const id of ids.slice(2)) {
    if ((await db.post(id)).commentCount > 0) {
      commentedId = id;
      break;
    }
  }
  expect(commentedId, "an article with comments on page 16").toBeGreaterThan(0);

  mkdirSync(path.dirname(picturePath()), { recursive: true });
  const stripes = Buffer.alloc(960 * 640 * 3);
  for (let i = 0; i < 960 * 640; i++) {
    const band = Math.floor((i % 960) / 120) % 2;
    stripes.set(band ? [30, 90, 160] : [230, 160, 40], i * 3);
  }
  writeFileSync(picturePath(), await sharp(stripes, { raw: { width: 960, height: 640, channels: 3 } }).webp().toBuffer());
  longOriginal = await db.postContent(longId);
  await db.setPostContent(longId, { subtitle: LONG_SUBTITLE, bodyHtml: longBody() });
});

test.afterAll(async () => {
  if (longOriginal) await db.setPostContent(longId, longOriginal);
  rmSync(picturePath(), { force: true });
  await db?.close();
});

test("the print view shows the article, its URL and a QR code, without the site's chrome, and is not counted or indexed", async ({ page, baseURL }) => {
  // The list row says who wrote it and when.
  await page.goto("/news?page=16");
  const row = page.locator("table tbody tr").filter({ has: page.locator(`a[href="/news/${plainId}?page=16"]`) });
  const [title, author, date] = await Promise.all(["td:nth-child(2) a", "td:nth-child(3)", "td:nth-child(4)"].map((cell) => row.locator(cell).innerText()));
  const viewsBefore = (await db.post(plainId)).viewCount;

  const viewRequests: string[] = [];
  page.on("request", (request) => {
    if (isViewRequest(request)) viewRequests.push(request.url());
  });
  const response = await page.goto(printPath(plainId));
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toBe("noindex");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  const articleUrl = `${baseURL}/news/${plainId}`;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title.trim());
  await expect(page.locator(".print-masthead")).toContainText("KMBN 지역뉴스");
  await expect(page.locator(".print-masthead")).toContainText("지역뉴스");
  await expect(page.locator(".print-byline")).toHaveText(author.trim());
  await expect(page.locator(".print-meta time")).toHaveText(new RegExp(`^${date.trim().replace(/\./g, "\\.")} \\d{2}:\\d{2}$`));
  await expect(page.locator(".print-url")).toContainText(articleUrl);
  await expect(page.locator(".print-source")).toContainText(articleUrl);
  const qr = page.getByRole("img", { name: "기사 주소 QR 코드" }).locator("svg");
  await expect(qr).toBeVisible();
  expect(await qr.locator("path").count()).toBeGreaterThan(0);
  // Made here: nothing on the page comes from another host.
  const hosts = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).host));
  expect(hosts.filter((host) => host !== new URL(baseURL!).host)).toEqual([]);

  // No site chrome, no comments (not asked for), no forms.
  for (const part of Object.values(siteChrome(page))) await expect(part).toHaveCount(0);
  await expect(page.locator(".print-comments")).toHaveCount(0);
  await expect(page.locator("form")).toHaveCount(0);

  // On screen: 인쇄 and the way back; on paper: neither.
  const printButton = page.getByRole("button", { name: "인쇄" });
  const back = page.getByRole("link", { name: "기사로 돌아가기" });
  await expect(printButton).toBeVisible();
  await expect(back).toHaveAttribute("href", `/news/${plainId}`);
  await snapshot(page, "01-print-view-screen");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  await expect(printButton).toBeHidden();
  await expect(back).toBeHidden();
  await expect(page.getByRole("link", { name: "댓글 포함" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(qr).toBeVisible();
  await snapshot(page, "02-print-view-print-media");

  // No view was counted: no beacon, no image, and the counter has not moved.
  await page.waitForTimeout(1_000);
  expect(viewRequests).toEqual([]);
  expect((await db.post(plainId)).viewCount).toBe(viewsBefore);

  await page.emulateMedia({ media: "screen" });
  await back.click();
  await expect(page).toHaveURL(new RegExp(`/news/${plainId}$`));
  await expect(page.getByRole("navigation", { name: "문서 도구" })).toBeVisible();
});

test("comments are printed only when asked, as plain text; the switch works without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  const { commentCount } = await db.post(commentedId);
  await page.goto(printPath(commentedId));
  await expect(page.locator(".print-comments")).toHaveCount(0);
  // Without JavaScript there is no 인쇄 button (the browser's own menu prints).
  await expect(page.getByRole("button", { name: "인쇄" })).toBeHidden();

  await page.getByRole("link", { name: "댓글 포함" }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${commentedId}/print\\?comments=1$`));
  const comments = page.locator(".print-comments");
  await expect(comments.getByRole("heading", { name: `댓글 ${commentCount}` })).toBeVisible();
  expect(await comments.locator(".print-comment").count()).toBeGreaterThan(0);
  await expect(comments.locator("form, button, a, textarea, input")).toHaveCount(0);
  await snapshot(page, "03-print-view-with-comments");

  await page.emulateMedia({ media: "print" });
  await expect(comments).toBeVisible();
  await expect(page.getByRole("link", { name: "댓글 빼기" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: "댓글 빼기" }).click();
  await expect(page).toHaveURL(new RegExp(`/news/${commentedId}/print$`));
  await expect(page.locator(".print-comments")).toHaveCount(0);
  await context.close();
});

/** Replaces window.print before any script runs, counting the calls instead of opening a dialog. */
async function countPrintCalls(page: Page) {
  await page.addInitScript(() => {
    const counted = window as unknown as { printCalls: number };
    counted.printCalls = 0;
    window.print = () => {
      counted.printCalls += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
}

test("the toolbar's 인쇄 opens the print view, which opens the print dialog once; its 인쇄 button prints again", async ({ page }) => {
  const printCalls = await countPrintCalls(page);
  await page.goto(`/news/${plainId}`);
  await page.getByRole("navigation", { name: "문서 도구" }).getByRole("link", { name: "인쇄" }).click();
  await page.waitForURL(`**/news/${plainId}/print?autoprint=1`, { waitUntil: "load" });
  await expect.poll(printCalls).toBe(1);
  // Once: the flag leaves the address, so a reload does not print again.
  await expect(page).toHaveURL(new RegExp(`/news/${plainId}/print$`));
  await page.waitForTimeout(500);
  expect(await printCalls()).toBe(1);
  await page.reload();
  await page.waitForTimeout(500);
  expect(await printCalls()).toBe(0);

  await page.getByRole("button", { name: "인쇄" }).click();
  expect(await printCalls()).toBe(1);

  // Without ?autoprint=1 nothing opens by itself.
  await page.goto(printPath(plainId, "?comments=1"));
  await page.waitForTimeout(500);
  expect(await printCalls()).toBe(0);
});

test("the article page prints without the site's chrome (Ctrl+P)", async ({ page, baseURL }) => {
  await page.goto(`/news/${plainId}`);
  const chrome = siteChrome(page);
  for (const part of Object.values(chrome)) await expect(part).toBeVisible();
  await page.emulateMedia({ media: "print" });
  for (const part of Object.values(chrome)) await expect(part).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".article-body")).toBeVisible();
  // The address the site header would have given, under the byline.
  await expect(page.getByText(`KMBN 지역뉴스 · ${baseURL}/news/${plainId}`)).toBeVisible();
  await snapshot(page, "04-article-page-print-media");

  const pdf = path.join(mkdtempSync(path.join(os.tmpdir(), "print-e2e-")), "article.pdf");
  await page.pdf({ path: pdf, format: "A4" });
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toContain(await page.getByRole("heading", { level: 1 }).innerText());
  for (const chromeText of ["이전 문서", "댓글로 가기", "게시판 검색", "로그인"]) expect(text).not.toContain(chromeText);
  rmSync(path.dirname(pdf), { recursive: true, force: true });
});

test("a long article prints on several A4 pages with its headline, byline, URL and page numbers", async ({ page, baseURL }) => {
  await page.goto(printPath(longId));
  const headline = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const byline = (await page.locator(".print-byline").innerText()).trim();
  const articleUrl = `${baseURL}/news/${longId}`;
  await expect(page.locator(".print-subtitle")).toHaveText(LONG_SUBTITLE);
  const picture = page.locator('.article-body img[src^="/media/"]');
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(960);

  await page.emulateMedia({ media: "print" });
  // The picture is scaled to the text width, not cut off.
  const [pictureBox, bodyBox] = await Promise.all([picture.boundingBox(), page.locator(".article-body").boundingBox()]);
  expect(pictureBox!.width).toBeLessThanOrEqual(bodyBox!.width + 0.5);
  await snapshot(page, "05-long-article-print-media");

  const folder = mkdtempSync(path.join(os.tmpdir(), "print-e2e-"));
  const pdf = path.join(folder, "long-article.pdf");
  await page.pdf({ path: pdf, format: "A4" });
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(info).toMatch(/^Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/m);

  // Lines wrap on paper: compare with runs of white space made one space.
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const expected of [headline, LONG_SUBTITLE, byline, articleUrl, ...LONG_HEADINGS]) expect(text).toContain(expected.replace(/\s+/g, " "));
  for (const chromeText of ["기사로 돌아가기", "댓글 포함", "이전 문서"]) expect(text).not.toContain(chromeText);

  for (let n = 1; n <= pages; n++) {
    const pageText = execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" });
    const lines = pageText.split("\n").map((line) => line.trim()).filter(Boolean);
    // The page number at the foot of every page: "2 / 3".
    expect(lines.at(-1)?.replace(/\s+/g, "")).toBe(`${n}/${pages}`);
    // No page ends with a heading (its text is always followed by the text under it).
    expect(LONG_HEADINGS).not.toContain(lines.at(-2));
  }

  // The pages as pictures, to look at: e2e/screenshots/<engine>-print-pdf-page-<n>.png.
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join("e2e", "screenshots", `${test.info().project.name}-print-pdf-page`)]);
  rmSync(folder, { recursive: true, force: true });
});

test("drafts and missing articles have no print view", async ({ page }) => {
  expect((await page.goto(printPath(999_999_999)))?.status()).toBe(404);
  expect((await page.goto("/no-such-board/1/print"))?.status()).toBe(404);
  await db.setPostStatus(plainId, "draft");
  try {
    const response = await page.goto(printPath(plainId));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "요청하신 페이지를 찾을 수 없습니다" })).toBeVisible();
  } finally {
    await db.setPostStatus(plainId, "published");
  }
  expect((await page.goto(printPath(plainId)))?.status()).toBe(200);
});
