/**
 * Feeds, sitemaps and the link-preview data, on a real database of each engine: the XML the
 * routes serve is built by the same functions (lib/feeds/feed-documents.ts,
 * lib/sitemaps/sitemap-documents.ts), parsed back with an XML parser and checked: only
 * published articles, newest first, at most 50, every field escaped right. The database is a
 * throwaway of its own (published, draft, scheduled, unpublished, deleted and notice articles,
 * titles with Korean, &, <script>, quotes, "]]>" and a control character), so the seeded one
 * the board-list tests read stays as it is.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { DatabaseEngine } from "@/lib/db/engine";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../support/throwaway-database";

let throwaway: ThrowawayDatabase;
let db: Database;
let feeds: typeof import("@/lib/feeds/feed-documents");
let sitemaps: typeof import("@/lib/sitemaps/sitemap-documents");
let data: typeof import("@/lib/data/feeds");
let siteUrl = "";
let siteName = "";

const NOW = new Date();
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const hoursAgo = (hours: number) => minutesAgo(hours * 60);

/** Titles that must come through escaping intact. */
const TRICKY = {
  script: `<script>alert("피드")</script> 인천 & 경기 '따옴표' "큰따옴표"`,
  cdata: "CDATA 끝 ]]> 표시와 <b>굵게</b> 태그",
  control: "제어\u0001문자\u0008가 든 제목",
};
const TRICKY_BODY = `<p>인천시는 &amp; 경기도와 함께 <strong>광역버스</strong>를 늘립니다. ]]&gt; 끝.</p><p><img src="/media/2026/01/abcdefghijklmnopqrstuvwx-960.webp" width="960" height="640" alt="버스"> <a href="/news/1">관련 기사</a> <a href="https://example.kr/x">밖</a></p>`;

const ids = {
  news: 0,
  life: 0,
  author: 0,
  published: [] as number[],
  bulk: [] as number[],
  script: 0,
  cdata: 0,
  control: 0,
  notice: 0,
  lifeRecent: 0,
  old: 0,
  draft: 0,
  scheduled: 0,
  unpublished: 0,
  deleted: 0,
  recentDeleted: 0,
  withImage: 0,
};

type PostSeed = { boardId: number; title: string; status: string; publishedAt: Date | null; isNotice?: boolean; bodyHtml?: string; subtitle?: string; leadImageId?: number };

async function newPost(seed: PostSeed): Promise<number> {
  const post = await db.post.create({
    data: {
      boardId: seed.boardId,
      authorId: ids.author,
      title: seed.title,
      subtitle: seed.subtitle ?? "",
      bodyHtml: seed.bodyHtml ?? "<p>본문입니다.</p>",
      status: seed.status,
      publishedAt: seed.publishedAt,
      isNotice: seed.isNotice ?? false,
      leadImageId: seed.leadImageId ?? null,
      deletedAt: seed.status === "deleted" ? NOW : null,
    },
    select: { id: true },
  });
  if (seed.status === "published") ids.published.push(post.id);
  return post.id;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  htmlEntities: true,
  trimValues: false,
  isArray: (_name, jpath) =>
    ["rss.channel.item", "rss.channel.item.category", "feed.entry", "feed.entry.category", "urlset.url", "sitemapindex.sitemap"].includes(String(jpath)),
});

/** Parses a document after checking it is well-formed XML with nothing XML 1.0 forbids. */
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(xml);
}

const text = (value: unknown) => (typeof value === "object" && value !== null ? (value as { "#text": string })["#text"] : value) as string;
const idOfUrl = (url: string) => Number(/\/(\d+)$/.exec(url)![1]);

beforeAll(async () => {
  throwaway = await createThrowawayDatabase(process.env.TEST_ENGINE as DatabaseEngine, { label: "feeds" });
  process.env.DATABASE_URL = throwaway.url;
  ({ db } = await import("@/lib/db"));
  feeds = await import("@/lib/feeds/feed-documents");
  sitemaps = await import("@/lib/sitemaps/sitemap-documents");
  data = await import("@/lib/data/feeds");
  ({ url: siteUrl, name: siteName } = (await import("@/lib/site-config")).siteConfig);

  ids.news = (await db.board.create({ data: { slug: "news", title: "지역뉴스", description: "인천·경기 소식", position: 0 }, select: { id: true } })).id;
  ids.life = (await db.board.create({ data: { slug: "life", title: "생활 & 문화", position: 1 }, select: { id: true } })).id;
  ids.author = (await db.user.create({ data: { loginId: "feeder", displayName: "김기자 <편집>", role: "reporter", passwordHash: "!" }, select: { id: true } })).id;

  // 55 older published articles on the news board, a minute apart: the feed keeps the newest 50.
  for (let i = 0; i < 55; i++) {
    ids.bulk.push(await newPost({ boardId: ids.news, title: `지난 기사 ${i + 1}`, status: "published", publishedAt: hoursAgo(24 * 10 + i) }));
  }
  // Every state an article can be in; the ones readers must not see are newer than everything.
  ids.draft = await newPost({ boardId: ids.news, title: "임시 저장 기사", status: "draft", publishedAt: null });
  ids.unpublished = await newPost({ boardId: ids.news, title: "게시 취소된 기사", status: "draft", publishedAt: null });
  ids.scheduled = await newPost({ boardId: ids.news, title: "예약 기사", status: "scheduled", publishedAt: new Date(NOW.getTime() + 3600_000) });
  ids.deleted = await newPost({ boardId: ids.news, title: "삭제된 기사", status: "deleted", publishedAt: hoursAgo(2) });
  ids.recentDeleted = await newPost({ boardId: ids.life, title: "삭제된 생활 기사", status: "deleted", publishedAt: minutesAgo(5) });
  // Published and recent: inside the 48 hours of the news sitemap (but the notice).
  ids.script = await newPost({ boardId: ids.news, title: TRICKY.script, status: "published", publishedAt: minutesAgo(10), bodyHtml: TRICKY_BODY, subtitle: "부제 & <부제>" });
  ids.cdata = await newPost({ boardId: ids.news, title: TRICKY.cdata, status: "published", publishedAt: minutesAgo(20), bodyHtml: "<p>본문에도 ]]> 가 있습니다 &lt;script&gt;</p>" });
  ids.control = await newPost({ boardId: ids.news, title: TRICKY.control, status: "published", publishedAt: minutesAgo(40) });
  ids.notice = await newPost({ boardId: ids.news, title: "[공지] 댓글 운영 원칙", status: "published", publishedAt: minutesAgo(30), isNotice: true });
  ids.lifeRecent = await newPost({ boardId: ids.life, title: "생활 기사 (47시간 전)", status: "published", publishedAt: hoursAgo(47) });
  ids.old = await newPost({ boardId: ids.life, title: "생활 기사 (49시간 전)", status: "published", publishedAt: hoursAgo(49) });
  const image = await db.mediaImage.create({
    data: { key: "2026/01/abcdefghijklmnopqrstuvwx", width: 1600, height: 1067, widths: "480,960,1600", bytes: 1000, alt: "시청 전경", uploaderId: ids.author },
    select: { id: true },
  });
  ids.withImage = await newPost({ boardId: ids.life, title: "사진 있는 기사", status: "published", publishedAt: hoursAgo(3), leadImageId: image.id });
  await db.postTag.create({
    data: { post: { connect: { id: ids.script } }, tag: { create: { name: "교통" } }, position: 0 },
  });
});

afterAll(async () => {
  await db?.$disconnect();
  await throwaway?.drop();
});

const hidden = () => [ids.draft, ids.unpublished, ids.scheduled, ids.deleted, ids.recentDeleted];

describe("RSS 2.0", () => {
  it("the site feed holds the newest 50 published articles of every board, newest first, and nothing else", async () => {
    const doc = parse(await feeds.siteFeedXml("rss", NOW));
    const channel = doc.rss.channel;
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(channel.link).toBe(`${siteUrl}/`);
    expect(channel.language).toBe("ko");
    expect(channel["atom:link"]["@_href"]).toBe(`${siteUrl}/rss.xml`);
    expect(channel["atom:link"]["@_rel"]).toBe("self");
    expect(channel.image.url).toBe(`${siteUrl}/logo.png`);

    const items = channel.item as Record<string, unknown>[];
    expect(items).toHaveLength(50);
    const itemIds = items.map((item) => idOfUrl(item.link as string));
    for (const id of hidden()) expect(itemIds).not.toContain(id);
    const dates = items.map((item) => Date.parse(item.pubDate as string));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The newest: the tricky titles, the notice (in its publication order), then older ones.
    expect(itemIds.slice(0, 7)).toEqual([ids.script, ids.cdata, ids.notice, ids.control, ids.withImage, ids.lifeRecent, ids.old]);
  });

  it("escapes titles, bylines and bodies, keeping Korean, and makes the body's links absolute", async () => {
    const xml = await feeds.siteFeedXml("rss", NOW);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("CDATA 끝 ]]>");
    expect(xml).toContain("&lt;script&gt;alert(&quot;피드&quot;)&lt;/script&gt; 인천 &amp; 경기 &#39;따옴표&#39;");
    const items = parse(xml).rss.channel.item as Record<string, unknown>[];
    const byId = new Map(items.map((item) => [idOfUrl(item.link as string), item]));

    const script = byId.get(ids.script)!;
    expect(script.title).toBe(TRICKY.script);
    expect(script["dc:creator"]).toBe("김기자 <편집>");
    expect(text(script.guid)).toBe(`${siteUrl}/news/${ids.script}`);
    expect((script.guid as Record<string, string>)["@_isPermaLink"]).toBe("true");
    expect(script.category).toEqual(["지역뉴스", "교통"]);
    // <description> is HTML to RSS readers: the plain-text summary arrives HTML-escaped.
    expect(script.description).toBe("부제 &amp; &lt;부제&gt;");
    const html = script["content:encoded"] as string;
    expect(html).toContain("<p><strong>부제 &amp; &lt;부제&gt;</strong></p>");
    expect(html).toContain("<strong>광역버스</strong>");
    expect(html).toContain(`src="${siteUrl}/media/2026/01/abcdefghijklmnopqrstuvwx-960.webp"`);
    expect(html).toContain(`href="${siteUrl}/news/1"`);
    expect(html).toContain('href="https://example.kr/x"');

    expect(byId.get(ids.cdata)!.title).toBe(TRICKY.cdata);
    expect(byId.get(ids.cdata)!["content:encoded"]).toBe("<p>본문에도 ]]> 가 있습니다 &lt;script&gt;</p>");
    // Characters XML 1.0 forbids are dropped; the rest of the title stays.
    expect(byId.get(ids.control)!.title).toBe("제어문자가 든 제목");
    expect(byId.get(ids.control)!.description).toBe("본문입니다.");

    const pictured = byId.get(ids.withImage)!;
    expect(pictured["content:encoded"]).toContain(`<img src="${siteUrl}/media/2026/01/abcdefghijklmnopqrstuvwx-960.webp" width="960" height="640" alt="시청 전경">`);
    expect(pictured.category).toEqual(["생활 & 문화"]);
  });

  it("a board's feed holds only that board's published articles; an unknown board has none", async () => {
    const news = parse((await feeds.boardFeedXml("news", "rss", NOW))!).rss.channel;
    expect(news.title).toContain("지역뉴스");
    expect(news.link).toBe(`${siteUrl}/news`);
    expect(news["atom:link"]["@_href"]).toBe(`${siteUrl}/news/rss.xml`);
    const newsIds = (news.item as { link: string }[]).map((item) => idOfUrl(item.link));
    expect(newsIds).toHaveLength(50);
    expect(newsIds.slice(0, 4)).toEqual([ids.script, ids.cdata, ids.notice, ids.control]);
    expect(newsIds.slice(4)).toEqual(ids.bulk.slice(0, 46));

    const life = parse((await feeds.boardFeedXml("life", "rss", NOW))!).rss.channel;
    expect((life.item as { link: string }[]).map((item) => idOfUrl(item.link))).toEqual([ids.withImage, ids.lifeRecent, ids.old]);
    expect(await feeds.boardFeedXml("nowhere", "rss", NOW)).toBeNull();
  });
});

describe("Atom 1.0", () => {
  it("holds the same articles as the RSS feed, with escaped text and HTML content", async () => {
    const feed = parse(await feeds.siteFeedXml("atom", NOW)).feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed["@_xml:lang"]).toBe("ko");
    expect(feed.id).toBe(`${siteUrl}/atom.xml`);
    const self = (feed.link as Record<string, string>[]).find((link) => link["@_rel"] === "self")!;
    expect(self["@_href"]).toBe(`${siteUrl}/atom.xml`);
    expect(self["@_type"]).toBe("application/atom+xml");
    const entries = feed.entry as Record<string, any>[];
    expect(entries).toHaveLength(50);
    const rss = parse(await feeds.siteFeedXml("rss", NOW)).rss.channel.item as { link: string }[];
    expect(entries.map((entry) => entry.id)).toEqual(rss.map((item) => item.link));
    // The feed was last updated when its newest-changed article was.
    const updated = Math.max(...entries.map((entry) => Date.parse(entry.updated)));
    expect(Date.parse(feed.updated)).toBe(updated);

    const script = entries[0];
    expect(text(script.title)).toBe(TRICKY.script);
    expect(script.title["@_type"]).toBe("text");
    expect(script.author.name).toBe("김기자 <편집>");
    expect(script.published).toBe(minutesAgo(10).toISOString());
    expect(script.link["@_href"]).toBe(`${siteUrl}/news/${ids.script}`);
    expect(script.category.map((category: Record<string, string>) => category["@_term"])).toEqual(["news", "교통"]);
    expect(script.content["@_type"]).toBe("html");
    expect(text(script.content)).toContain("<strong>광역버스</strong>");
    expect(text(entries[1].title)).toBe(TRICKY.cdata);

    const life = parse((await feeds.boardFeedXml("life", "atom", NOW))!).feed;
    expect((life.entry as { id: string }[]).map((entry) => idOfUrl(entry.id))).toEqual([ids.withImage, ids.lifeRecent, ids.old]);
  });
});

describe("sitemaps", () => {
  it("the production chunk size is within the sitemaps.org limit of 50,000 URLs", () => {
    expect(sitemaps.SITEMAP_CHUNK_SIZE).toBeLessThanOrEqual(50_000);
    expect(sitemaps.SITEMAP_CHUNK_SIZE).toBeGreaterThan(0);
  });

  it("the index lists the pages, the news sitemap and one article sitemap per id range that holds a published article", async () => {
    const chunkSize = 7;
    const index = parse(await sitemaps.sitemapIndexXml(chunkSize)).sitemapindex;
    expect(index["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locations = (index.sitemap as { loc: string }[]).map((entry) => entry.loc);
    expect(locations.slice(0, 2)).toEqual([`${siteUrl}/sitemaps/pages.xml`, `${siteUrl}/sitemaps/news.xml`]);
    const expectedChunks = [...new Set(ids.published.map((id) => Math.floor((id - 1) / chunkSize)))].sort((a, b) => a - b);
    expect(locations.slice(2)).toEqual(expectedChunks.map((chunk) => `${siteUrl}/sitemaps/articles-${chunk}.xml`));
    for (const entry of (index.sitemap as { lastmod?: string }[]).slice(2)) expect(Date.parse(entry.lastmod!)).not.toBeNaN();

    // Walking every chunk gives each published article once, each chunk within its size and id range.
    const seen: number[] = [];
    for (const chunk of expectedChunks) {
      const urls = (parse(await sitemaps.articleSitemapXml(chunk, chunkSize)).urlset.url ?? []) as { loc: string; lastmod: string }[];
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(chunkSize);
      for (const url of urls) {
        const id = idOfUrl(url.loc);
        expect(id).toBeGreaterThan(chunk * chunkSize);
        expect(id).toBeLessThanOrEqual((chunk + 1) * chunkSize);
        expect(Date.parse(url.lastmod)).not.toBeNaN();
        seen.push(id);
      }
    }
    expect(seen).toEqual([...ids.published].sort((a, b) => a - b));
    for (const id of hidden()) expect(seen).not.toContain(id);
  });

  it("an article's URL names its board; its lead image is listed with it; an empty range is an empty sitemap", async () => {
    const chunkSize = 1000;
    const urls = parse(await sitemaps.articleSitemapXml(0, chunkSize)).urlset.url as { loc: string; "image:image"?: { "image:loc": string } }[];
    expect(urls).toHaveLength(ids.published.length);
    const pictured = urls.find((url) => idOfUrl(url.loc) === ids.withImage)!;
    expect(pictured.loc).toBe(`${siteUrl}/life/${ids.withImage}`);
    expect(pictured["image:image"]!["image:loc"]).toBe(`${siteUrl}/media/2026/01/abcdefghijklmnopqrstuvwx-960.webp`);
    expect(urls.find((url) => idOfUrl(url.loc) === ids.script)!.loc).toBe(`${siteUrl}/news/${ids.script}`);

    const empty = parse(await sitemaps.articleSitemapXml(99, chunkSize)).urlset;
    expect(empty.url).toBeUndefined();
  });

  it("the pages sitemap lists the front page and every board", async () => {
    const urls = (parse(await sitemaps.pagesSitemapXml()).urlset.url as { loc: string }[]).map((url) => url.loc);
    expect(urls).toEqual([`${siteUrl}/`, `${siteUrl}/news`, `${siteUrl}/life`]);
  });

  it("the news sitemap holds the news articles of the last 48 hours, newest first, with publication, date and title", async () => {
    const urlset = parse(await sitemaps.newsSitemapXml(NOW)).urlset;
    expect(urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const urls = urlset.url as { loc: string; "news:news": Record<string, any> }[];
    expect(urls.map((url) => idOfUrl(url.loc))).toEqual([ids.script, ids.cdata, ids.control, ids.withImage, ids.lifeRecent]);
    const first = urls[0]["news:news"];
    expect(first["news:publication"]["news:name"]).toBe(siteName);
    expect(first["news:publication"]["news:language"]).toBe("ko");
    expect(first["news:publication_date"]).toBe(minutesAgo(10).toISOString());
    expect(first["news:title"]).toBe(TRICKY.script);
    expect(urls[1]["news:news"]["news:title"]).toBe(TRICKY.cdata);
  });
});

describe("the link-preview card", () => {
  it("is found for a published article only", async () => {
    const card = await data.findArticleCard(ids.script);
    expect(card).toMatchObject({ id: ids.script, title: TRICKY.script, boardTitle: "지역뉴스", authorName: "김기자 <편집>" });
    for (const id of hidden()) expect(await data.findArticleCard(id)).toBeNull();
    expect(await data.findArticleCard(999_999)).toBeNull();
  });
});
