import { describe, expect, it } from "vitest";
import { ARTICLE_PATH, ARTICLE_QUERY_KEYS, BOARD_PATH, isCachedArticleUrl, isCachedListUrl, isCachedPageUrl, LIST_QUERY_KEYS, RESERVED_BOARD_SLUGS } from "@/lib/routing/cached-urls";
import { contentSecurityPolicy, ROOT_INLINE_SCRIPT_HASH } from "@/lib/security/content-security-policy";
import { changesState, isForeignOrigin, isOwnPageRequest } from "@/lib/security/same-origin";

const SITE = "https://news.example.kr";
const headers = (values: Record<string, string>) => new Headers(values);

describe("isForeignOrigin (proxy.ts's CSRF check)", () => {
  it("lets through no Origin, the request's own host, a proxy's forwarded host and the configured site", () => {
    expect(isForeignOrigin(headers({ host: "127.0.0.1:3000" }), SITE)).toBe(false);
    expect(isForeignOrigin(headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), SITE)).toBe(false);
    expect(isForeignOrigin(headers({ host: "app:3000", "x-forwarded-host": "news.example.kr", origin: "https://news.example.kr" }), SITE)).toBe(false);
    expect(isForeignOrigin(headers({ host: "app:3000", origin: "https://NEWS.example.kr" }), SITE)).toBe(false);
  });

  it("refuses another site, another port, `null`, and anything that is not an http(s) origin", () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "https://news.example.kr.evil.example", "null", "", "file://", "chrome-extension://abc"]) {
      expect(isForeignOrigin(headers({ host: "127.0.0.1:3000", origin }), SITE), origin).toBe(true);
    }
  });

  it("applies to the methods that change state", () => {
    expect(["POST", "PUT", "PATCH", "DELETE", "post"].every(changesState)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS"].some(changesState)).toBe(false);
  });
});

describe("isOwnPageRequest (when the no-JavaScript view image counts)", () => {
  const host = "127.0.0.1:3000";
  it("counts an image this site's own page asked for", () => {
    expect(isOwnPageRequest(headers({ host, "sec-fetch-site": "same-origin", referer: "http://127.0.0.1:3000/news/5" }), SITE)).toBe(true);
    // A browser without Fetch Metadata: the page's address in Referer.
    expect(isOwnPageRequest(headers({ host, referer: "http://127.0.0.1:3000/news/5" }), SITE)).toBe(true);
    expect(isOwnPageRequest(headers({ host: "app:3000", "x-forwarded-host": "news.example.kr", referer: "https://news.example.kr/news/5" }), SITE)).toBe(true);
  });

  it("does not count another site's image, a typed address, a sibling subdomain, or a request naming no page", () => {
    for (const fetchSite of ["cross-site", "same-site", "none", ""]) {
      // Fetch Metadata wins over a Referer that could be forged by a tool.
      expect(isOwnPageRequest(headers({ host, "sec-fetch-site": fetchSite, referer: "http://127.0.0.1:3000/news/5" }), SITE), fetchSite).toBe(false);
    }
    for (const referer of ["https://evil.example/page", "http://127.0.0.1:3001/news/5", "not an address", "null"]) {
      expect(isOwnPageRequest(headers({ host, referer }), SITE), referer).toBe(false);
    }
    expect(isOwnPageRequest(headers({ host }), SITE)).toBe(false);
  });
});

describe("isCachedArticleUrl / isCachedListUrl (which requests get the cached-page nonce)", () => {
  it("is the plain article URL, as next.config.ts's rewrite reads it", () => {
    expect(ARTICLE_PATH).toBe("/:board([a-z0-9][a-z0-9-]{0,39})/:postId(\\d{1,9})");
    expect(isCachedArticleUrl("/news/123", new URLSearchParams())).toBe(true);
    expect(isCachedArticleUrl("/local-news/1", new URLSearchParams("utm_source=x"))).toBe(true);
    for (const key of ARTICLE_QUERY_KEYS) expect(isCachedArticleUrl("/news/123", new URLSearchParams(`${key}=`)), key).toBe(false);
    for (const path of ["/news", "/news/123/print", "/News/123", "/news/1234567890", "/-news/1", "/dashboard/posts/1/edit"]) {
      expect(isCachedArticleUrl(path, new URLSearchParams()), path).toBe(false);
    }
  });

  it("is also a board's first page in its own order, and never an app route", () => {
    expect(BOARD_PATH).toBe("/:board([a-z0-9][a-z0-9-]{0,39})");
    expect(isCachedListUrl("/news", new URLSearchParams())).toBe(true);
    expect(isCachedListUrl("/local-news", new URLSearchParams("utm_source=x"))).toBe(true);
    for (const key of LIST_QUERY_KEYS) expect(isCachedListUrl("/news", new URLSearchParams(`${key}=`)), key).toBe(false);
    for (const path of ["/", "/news/", "/News", "/-news", "/news/123", "/rss.xml", ...RESERVED_BOARD_SLUGS.map((slug) => `/${slug}`)]) {
      expect(isCachedListUrl(path, new URLSearchParams()), path).toBe(false);
    }
    expect(isCachedPageUrl("/news", new URLSearchParams())).toBe(true);
    expect(isCachedPageUrl("/news/5", new URLSearchParams())).toBe(true);
    expect(isCachedPageUrl("/news", new URLSearchParams("page=2"))).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce and the layout's hash only; upgrade-insecure-requests on https; eval only in development", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==", https: false });
    expect(policy).toContain(`script-src 'self' 'nonce-abc123==' 'strict-dynamic' ${ROOT_INLINE_SCRIPT_HASH}`);
    expect(policy).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", https: false, development: true })).toContain("'unsafe-eval'");
  });
});
