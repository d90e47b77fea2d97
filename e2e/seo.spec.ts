import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { openE2eDatabase } from "./support/e2e-database";

/**
 * Publishing standards against the production build: an article page's structured data,
 * Open Graph and Twitter tags, canonical and feed links; robots.txt, the sitemap index and its
 * sitemaps, the site's and a board's feeds (right content types, well-formed, parsed); and the
 * generated link-preview PNG (1200×630, saved to e2e/screenshots to look at), which is a 404
 * for an article that is not published.
 *
 * The server has no SITE_URL, so absolute URLs name the default http://localhost:3000; the
 * tests follow their paths on the server under test.
 */
test.describe.configure({ mode: "serial" });

async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${test.info().project.name}-seo-${name}.png`, fullPage: true });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  htmlEntities: true,
  isArray: (_name, jpath) => ["rss.channel.item", "feed.entry", "urlset.url", "sitemapindex.sitemap"].includes(String(jpath)),
});

/** GETs a path, checks the status and content type, and parses the well-formed XML it answers. */
async function fetchXml(request: APIRequestContext, path: string, contentType: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe(`${contentType}; charset=utf-8`);
  const xml = await response.text();
  expect(XMLValidator.validate(xml), path).toBe(true);
  return parser.parse(xml);
}

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let articlePath = "";
let articleId = 0;
let ogImagePath = "";

test("an article page has NewsArticle JSON-LD, Open Graph and Twitter tags, a canonical URL and its feeds", async ({ page }) => {
  await page.goto("/news");
  // The first numbered (not notice) article of the list.
  const firstArticle = page.locator("table tbody tr").filter({ has: page.locator("td:first-child", { hasText: /^\s*\d+\s*$/ }) }).first();
  articlePath = (await firstArticle.locator("a[href]").first().getAttribute("href"))!.split("?")[0];
  articleId = Number(/\/news\/(\d+)$/.exec(articlePath)![1]);
  const title = (await firstArticle.locator("a[href]").first().innerText()).trim();

  await page.goto(articlePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data["@context"]).toBe("https://schema.org");
  expect(data["@type"]).toBe("NewsArticle");
  expect(data.headline).toBe(title);
  expect(Date.parse(data.datePublished)).not.toBeNaN();
  expect(Date.parse(data.dateModified)).not.toBeNaN();
  expect(data.author[0]["@type"]).toBe("Person");
  expect(data.author[0].name.length).toBeGreaterThan(0);
  expect(data.publisher).toMatchObject({ "@type": "Organization", name: "KMBN 지역뉴스", logo: { "@type": "ImageObject" } });
  expect(data.publisher.logo.url).toMatch(/^https?:\/\/[^/]+\/logo\.png$/);
  expect(data.image[0].url).toMatch(new RegExp(`/og/article/${articleId}\\?v=`));
  expect(data.articleSection).toBe("지역뉴스");
  expect(data.mainEntityOfPage["@id"]).toMatch(new RegExp(`^https?://[^/]+/news/${articleId}$`));

  const content = (selector: string) => page.locator(selector).first().getAttribute("content");
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toBe(data.mainEntityOfPage["@id"]);
  expect(await content('meta[property="og:type"]')).toBe("article");
  expect(await content('meta[property="og:title"]')).toBe(title);
  expect(await content('meta[property="og:url"]')).toBe(canonical);
  expect(await content('meta[property="og:site_name"]')).toBe("KMBN 지역뉴스");
  expect(await content('meta[property="og:locale"]')).toBe("ko_KR");
  expect((await content('meta[property="og:description"]'))!.length).toBeGreaterThan(10);
  expect(await content('meta[name="description"]')).toBe(await content('meta[property="og:description"]'));
  expect(Date.parse((await content('meta[property="article:published_time"]'))!)).toBe(Date.parse(data.datePublished));
  expect(await content('meta[property="article:author"]')).toBe(data.author[0].name);
  expect(await content('meta[property="article:section"]')).toBe("지역뉴스");
  expect(await content('meta[property="og:image"]')).toBe(data.image[0].url);
  expect(await content('meta[property="og:image:width"]')).toBe("1200");
  expect(await content('meta[property="og:image:height"]')).toBe("630");
  expect(await content('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await content('meta[name="twitter:image"]')).toBe(data.image[0].url);
  await expect(page).toHaveTitle(`${title} | KMBN 지역뉴스`);

  const feedLinks = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(feedLinks.map((href) => pathOf(href!))).toEqual(["/news/rss.xml", "/rss.xml"]);
  const atomLinks = await page.locator('link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(atomLinks.map((href) => pathOf(href!))).toEqual(["/news/atom.xml", "/atom.xml"]);
  ogImagePath = pathOf(data.image[0].url);
  await snapshot(page, "01-article");

  // The same head on the per-request route (a URL with list state).
  await page.goto(`${articlePath}?page=1`);
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(canonical);
  expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!).headline).toBe(title);
});

test("the front page and the board link their feeds; a search result page is noindex", async ({ page }) => {
  await page.goto("/");
  const front = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(front.map((href) => pathOf(href!))).toEqual(["/rss.xml"]);
  expect(pathOf((await page.locator('link[rel="canonical"]').getAttribute("href"))!)).toBe("/");

  await page.goto("/news?page=2");
  expect(pathOf((await page.locator('link[rel="canonical"]').getAttribute("href"))!)).toBe("/news?page=2");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(2);
  expect(await page.locator('meta[name="robots"]').count()).toBe(0);

  await page.goto(`/news?q=${encodeURIComponent("인천")}`);
  expect(await page.locator('meta[name="robots"]').first().getAttribute("content")).toBe("noindex, follow");
});

test("robots.txt, the sitemap index and each kind of sitemap answer and parse", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = await robots.text();
  for (const line of ["Disallow: /dashboard/", "Disallow: /api/", "Disallow: /login$", "Disallow: /*/*/print"]) expect(rules).toContain(line);
  const sitemapLine = /^Sitemap: (.+)$/m.exec(rules)![1];
  expect(pathOf(sitemapLine)).toBe("/sitemap.xml");

  const index = (await fetchXml(request, "/sitemap.xml", "application/xml")).sitemapindex;
  const sitemapPaths = (index.sitemap as { loc: string }[]).map((entry) => pathOf(entry.loc));
  expect(sitemapPaths).toEqual(["/sitemaps/pages.xml", "/sitemaps/news.xml", "/sitemaps/articles-0.xml"]);

  const pages = (await fetchXml(request, "/sitemaps/pages.xml", "application/xml")).urlset.url as { loc: string }[];
  // The front page first, then every board's list (the admin spec, which runs earlier, may add boards).
  const pagePaths = pages.map((url) => pathOf(url.loc));
  expect(pagePaths.slice(0, 2)).toEqual(["/", "/news"]);
  for (const path of pagePaths.slice(2)) expect(path).toMatch(/^\/[a-z0-9][a-z0-9-]*$/);
  const articles = (await fetchXml(request, "/sitemaps/articles-0.xml", "application/xml")).urlset.url as { loc: string; lastmod: string }[];
  // The demo board: 560 numbered articles and 3 notices, all published.
  expect(articles).toHaveLength(563);
  expect(articles.map((url) => pathOf(url.loc))).toContain(articlePath);
  const news = (await fetchXml(request, "/sitemaps/news.xml", "application/xml")).urlset;
  expect(news["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
  expect((await request.get("/sitemaps/other.xml")).status()).toBe(404);
});

test("the site's and the board's RSS and Atom feeds answer with their types and hold the newest 50", async ({ request }) => {
  for (const path of ["/rss.xml", "/news/rss.xml"]) {
    const channel = (await fetchXml(request, path, "application/rss+xml")).rss.channel;
    expect(channel.language).toBe("ko");
    const items = channel.item as { link: string; pubDate: string; title: string }[];
    expect(items).toHaveLength(50);
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(items.every((item) => item.title.length > 0)).toBe(true);
  }
  for (const path of ["/atom.xml", "/news/atom.xml"]) {
    const feed = (await fetchXml(request, path, "application/atom+xml")).feed;
    expect(feed.entry).toHaveLength(50);
  }
  expect((await request.get("/nowhere/rss.xml")).status()).toBe(404);
  // The feed routes sit beside the article route without hiding it.
  expect((await request.get(articlePath)).status()).toBe(200);
  // The publisher logo the feeds and JSON-LD name is served from public/.
  const logo = await request.get("/logo.png");
  expect(logo.status()).toBe(200);
  expect(pngSize(await logo.body())).toEqual({ width: 600, height: 60 });
});

test("the feeds are served from Next's full-route cache: a HIT, a title changed behind its back does not show, a write refreshes them", async ({ page, request, baseURL }) => {
  // Cached route handlers (lib/feeds/feed-response.ts): the first request may render, the next is a HIT.
  for (const path of ["/rss.xml", "/atom.xml", "/news/rss.xml", "/news/atom.xml"]) {
    await request.get(path);
    const again = await request.get(path);
    expect(again.status(), path).toBe(200);
    expect(again.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(again.headers()["cache-control"], path).toBe("public, max-age=300, s-maxage=300, stale-while-revalidate=600");
  }
  // The route's own address is not a second copy of the site feed.
  const own = await request.get("/feeds/rss", { maxRedirects: 0 });
  expect(own.status()).toBe(308);
  expect(own.headers()["location"]).toBe("/rss.xml");

  type Item = { title: string; link: string };
  const items = async (path: string) => (await fetchXml(request, path, "application/rss+xml")).rss.channel.item as Item[];
  const before = (await items("/news/rss.xml"))[0];
  const id = Number(/\/(\d+)$/.exec(before.link)![1]);
  const changed = `${before.title} (캐시 시험)`;
  const database = await openE2eDatabase(baseURL!);
  try {
    await database.setPostTitle(id, changed);
    expect((await items("/news/rss.xml"))[0].title).toBe(before.title);
    expect((await items("/rss.xml"))[0].title).toBe(before.title);

    // A write to the article (a reader's comment: revalidateArticle marks the board's tag
    // stale) refreshes both feeds that show it: one stale answer, then the new text.
    await page.goto(pathOf(before.link));
    const form = page.locator("#comment-form form");
    await form.getByLabel("이름").fill("피드독자");
    await form.getByLabel("비밀번호").fill("pass1234");
    await form.getByRole("textbox", { name: "댓글" }).fill("피드 갱신 시험 댓글입니다.");
    await form.getByRole("button", { name: "등록" }).click();
    const comment = page.locator("#comments li[id^='comment-']").filter({ hasText: "피드 갱신 시험 댓글입니다." });
    await expect(comment).toBeVisible();
    for (const path of ["/news/rss.xml", "/rss.xml"]) {
      await expect.poll(async () => (await items(path))[0].title, { message: path, timeout: 10_000 }).toBe(changed);
    }

    // Put things back: the old title, and deleting the comment (another write) refreshes the feeds again.
    await database.setPostTitle(id, before.title);
    await comment.getByRole("button", { name: "삭제" }).first().click();
    const deleteForm = page.getByRole("form", { name: "댓글 삭제" });
    await deleteForm.getByLabel("비밀번호").fill("pass1234");
    await deleteForm.getByRole("button", { name: "삭제" }).click();
    await expect(comment).toHaveCount(0);
    for (const path of ["/news/rss.xml", "/rss.xml"]) {
      await expect.poll(async () => (await items(path))[0].title, { message: path, timeout: 10_000 }).toBe(before.title);
    }
  } finally {
    await database.setPostTitle(id, before.title);
    await database.close();
  }
});

test("the generated link preview is a 1200×630 PNG with Korean text, and a 404 once the article is not published", async ({ page, request, baseURL }) => {
  const response = await request.get(ogImagePath);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toMatch(/public, max-age=\d+/);
  const bytes = await response.body();
  expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
  const { writeFileSync } = await import("node:fs");
  writeFileSync(`e2e/screenshots/${test.info().project.name}-seo-02-og-image.png`, bytes);
  await page.goto(ogImagePath);
  await snapshot(page, "03-og-image-in-browser");

  const database = await openE2eDatabase(baseURL!);
  try {
    await database.setPostStatus(articleId, "draft");
    expect((await request.get(ogImagePath)).status()).toBe(404);
    expect((await request.get(`/og/article/${articleId}`)).status()).toBe(404);
  } finally {
    await database.setPostStatus(articleId, "published");
    await database.close();
  }
  expect((await request.get(ogImagePath)).status()).toBe(200);
  expect((await request.get("/og/article/99999999")).status()).toBe(404);
  expect((await request.get("/og/article/abc")).status()).toBe(404);
});
