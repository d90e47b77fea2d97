import { describe, expect, it } from "vitest";
import { absolutizeHtmlUrls } from "@/lib/feeds/feed-xml";
import { articleDescription, articleJsonLd, articleMetadata, articlePreviewImage, feedAlternates, serializeJsonLd, truncateText, type SeoArticle } from "@/lib/seo/article-seo";
import { boardListMetadata, frontPageMetadata } from "@/lib/seo/list-seo";
import { articleOgImagePath, parseArticleSitemapName } from "@/lib/seo/site-paths";
import { parseSiteUrl, siteConfig } from "@/lib/site-config";
import { parseListState } from "@/lib/board/list-state";

const board = { slug: "news", title: "지역뉴스" };
const published = new Date("2026-03-05T01:30:00.000Z");
const updated = new Date("2026-03-05T02:00:00.000Z");

const article = (overrides: Partial<SeoArticle> = {}): SeoArticle => ({
  id: 561,
  title: "인천 뿌리산업일자리센터 개소식",
  subtitle: "",
  bodyHtml: "<p>인천시는 5일 남동구에서 뿌리산업일자리센터 개소식을 열었다.</p><p>둘째 문단.</p>",
  authorName: "김민지 기자",
  publishedAt: published,
  updatedAt: updated,
  isNotice: false,
  leadImage: null,
  tags: ["인천", "일자리"],
  ...overrides,
});

const withImage = article({ leadImage: { id: 7, src: "/media/2026/03/abcdefghijklmnopqrstuvwx-960.webp", width: 960, height: 640, alt: "개소식 현장" } });
const site = siteConfig.url;

describe("NewsArticle JSON-LD", () => {
  it("has the headline, dates, author, publisher with logo, image, section and the page it describes", () => {
    const data = articleJsonLd(board, withImage);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "인천 뿌리산업일자리센터 개소식",
      datePublished: "2026-03-05T01:30:00.000Z",
      dateModified: "2026-03-05T02:00:00.000Z",
      author: [{ "@type": "Person", name: "김민지 기자" }],
      publisher: {
        "@type": "Organization",
        name: siteConfig.name,
        logo: { "@type": "ImageObject", url: `${site}/logo.png`, width: 600, height: 60 },
      },
      image: [{ "@type": "ImageObject", url: `${site}/media/2026/03/abcdefghijklmnopqrstuvwx-960.webp`, width: 960, height: 640 }],
      articleSection: "지역뉴스",
      mainEntityOfPage: { "@type": "WebPage", "@id": `${site}/news/561` },
      url: `${site}/news/561`,
      keywords: ["인천", "일자리"],
      inLanguage: "ko",
    });
    expect(data.description).toBe("인천시는 5일 남동구에서 뿌리산업일자리센터 개소식을 열었다. 둘째 문단.");
  });

  it("uses the generated picture without a lead image, and calls a notice an Article", () => {
    const data = articleJsonLd(board, article({ isNotice: true }));
    expect(data["@type"]).toBe("Article");
    expect(data.image[0]).toEqual({ "@type": "ImageObject", url: `${site}${articleOgImagePath(561, updated)}`, width: 1200, height: 630 });
  });

  it("serializes so that no value can close the script element", () => {
    const data = articleJsonLd(board, article({ title: `</script><script>alert(1)</script><!-- "따옴표" & \u2028` }));
    const json = serializeJsonLd(data);
    expect(json).not.toContain("<");
    expect(json).not.toContain("\u2028");
    expect(JSON.parse(json).headline).toBe(`</script><script>alert(1)</script><!-- "따옴표" & \u2028`);
  });
});

describe("article metadata", () => {
  it("has the canonical URL, feeds, Open Graph article fields and a large Twitter card", () => {
    const metadata = articleMetadata(board, withImage);
    expect(metadata.title).toBe("인천 뿌리산업일자리센터 개소식");
    expect(metadata.alternates?.canonical).toBe(`${site}/news/561`);
    expect(metadata.alternates?.types?.["application/rss+xml"]).toEqual([
      { url: `${site}/news/rss.xml`, title: `${siteConfig.name} 지역뉴스 RSS` },
      { url: `${site}/rss.xml`, title: `${siteConfig.name} 전체 기사 RSS` },
    ]);
    expect(metadata.openGraph).toMatchObject({
      type: "article",
      url: `${site}/news/561`,
      siteName: siteConfig.name,
      locale: "ko_KR",
      publishedTime: "2026-03-05T01:30:00.000Z",
      modifiedTime: "2026-03-05T02:00:00.000Z",
      authors: ["김민지 기자"],
      section: "지역뉴스",
      tags: ["인천", "일자리"],
      images: [{ url: `${site}/media/2026/03/abcdefghijklmnopqrstuvwx-960.webp`, width: 960, height: 640, alt: "개소식 현장" }],
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: "인천 뿌리산업일자리센터 개소식" });
  });

  it("points the preview at the generated image, whose address changes when the article does", () => {
    expect(articlePreviewImage(article())).toMatchObject({ url: `${site}/og/article/561?v=${updated.getTime().toString(36)}`, width: 1200, height: 630, generated: true });
    expect(articlePreviewImage(article({ updatedAt: new Date(updated.getTime() + 1000) })).url).not.toBe(articlePreviewImage(article()).url);
  });

  it("describes an article by its subtitle, else the start of its body, cut near 150 characters at a space", () => {
    expect(articleDescription(article({ subtitle: "  내년 1월부터 6개 노선이 바뀝니다 " }))).toBe("내년 1월부터 6개 노선이 바뀝니다");
    const long = "가나다 ".repeat(60);
    const description = articleDescription(article({ bodyHtml: `<p>${long}</p>` }));
    expect(Array.from(description).length).toBeLessThanOrEqual(151);
    expect(description.endsWith("가나다…")).toBe(true);
    expect(truncateText("짧은 글", 150)).toBe("짧은 글");
    expect(truncateText("띄어쓰기없는아주긴문장".repeat(20), 10)).toBe("띄어쓰기없는아주긴문…");
  });
});

describe("list metadata", () => {
  it("a board list is canonical without list state, with its page and category; search results are noindex", () => {
    const listBoard = { ...board, description: "", categories: [{ slug: "economy" }] };
    expect(boardListMetadata(listBoard, parseListState({})).alternates?.canonical).toBe(`${site}/news`);
    expect(boardListMetadata(listBoard, parseListState({ page: "3", category: "economy" })).alternates?.canonical).toBe(`${site}/news?category=economy&page=3`);
    expect(boardListMetadata(listBoard, parseListState({ page: "3", sort: "title" })).alternates?.canonical).toBe(`${site}/news`);
    expect(boardListMetadata(listBoard, parseListState({ category: "nope" })).alternates?.canonical).toBe(`${site}/news`);
    expect(boardListMetadata(listBoard, parseListState({})).robots).toBeUndefined();
    expect(boardListMetadata(listBoard, parseListState({ q: "버스" })).robots).toEqual({ index: false, follow: true });
    expect(Object.keys(boardListMetadata(listBoard, parseListState({})).alternates?.types ?? {})).toEqual(["application/rss+xml", "application/atom+xml"]);
  });

  it("the front page is canonical at / and links the site's feeds", () => {
    const listBoard = { ...board, description: "", categories: [] };
    const front = frontPageMetadata(listBoard, parseListState({}));
    expect(front.alternates?.canonical).toBe(`${site}/`);
    expect(front.alternates?.types).toEqual(feedAlternates(null));
    expect(frontPageMetadata(listBoard, parseListState({ page: "2" })).alternates?.canonical).toBe(`${site}/news?page=2`);
  });
});

describe("site settings and addresses", () => {
  it("reads the public base URL without a trailing slash and refuses anything but http(s)", () => {
    expect(parseSiteUrl(undefined)).toBe("http://localhost:3000");
    expect(parseSiteUrl("https://news.example.kr/")).toBe("https://news.example.kr");
    expect(parseSiteUrl("https://example.kr/news-site/")).toBe("https://example.kr/news-site");
    expect(() => parseSiteUrl("ftp://example.kr")).toThrow();
    expect(() => parseSiteUrl("not a url")).toThrow();
  });

  it("makes a body's root-relative links absolute and leaves the others", () => {
    expect(absolutizeHtmlUrls(`<a href="/news/1">a</a><img src='/media/x.webp'><a href="//cdn.example/x">b</a><a href="https://e.kr/">c</a><a href="#top">d</a>`)).toBe(
      `<a href="${site}/news/1">a</a><img src='${site}/media/x.webp'><a href="//cdn.example/x">b</a><a href="https://e.kr/">c</a><a href="#top">d</a>`,
    );
  });

  it("names article sitemaps articles-<k>.xml and nothing else", () => {
    expect(parseArticleSitemapName("articles-0.xml")).toBe(0);
    expect(parseArticleSitemapName("articles-19.xml")).toBe(19);
    for (const name of ["articles-01.xml", "articles--1.xml", "articles-1.xml.gz", "news.xml", "articles-1"]) expect(parseArticleSitemapName(name)).toBeNull();
  });
});
