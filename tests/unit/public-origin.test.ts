import { describe, expect, it } from "vitest";
import { absoluteUrlOn, publicBaseUrl, requestOrigin } from "@/lib/http/public-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("the request's origin", () => {
  it("is the Host over http without a proxy", () => {
    expect(requestOrigin(headers({ host: "127.0.0.1:3200" }))).toBe("http://127.0.0.1:3200");
  });

  it("follows the proxy's X-Forwarded-Host and X-Forwarded-Proto (first entry of each)", () => {
    expect(
      requestOrigin(headers({ host: "app:3000", "x-forwarded-host": "News.Example.kr, app", "x-forwarded-proto": "https, http" })),
    ).toBe("https://news.example.kr");
  });

  it("takes only http or https as the scheme", () => {
    expect(requestOrigin(headers({ host: "a.kr", "x-forwarded-proto": "javascript" }))).toBe("http://a.kr");
  });

  it("refuses a host that is not a host name (userinfo, path, spaces, quotes)", () => {
    for (const host of ["evil.kr@a.kr", "a.kr/path", "a kr", 'a.kr"><script>', "", "a.kr:123456"]) {
      expect(requestOrigin(headers({ host }))).toBeNull();
    }
    expect(requestOrigin(headers({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });
});

describe("the public base URL", () => {
  const request = headers({ host: "127.0.0.1:3200" });

  it("prefers SITE_URL, then NEXTAUTH_URL (as lib/site-config.ts reads them), then the request", () => {
    expect(publicBaseUrl(request, { SITE_URL: "https://news.example.kr/", NEXTAUTH_URL: "https://auth.example.kr" })).toBe("https://news.example.kr");
    expect(publicBaseUrl(request, { NEXTAUTH_URL: "https://auth.example.kr" })).toBe("https://auth.example.kr");
    expect(publicBaseUrl(request, {})).toBe("http://127.0.0.1:3200");
  });

  it("refuses a configured address that is not http(s), as the site's configuration does", () => {
    expect(() => publicBaseUrl(request, { SITE_URL: "ftp://files.example.kr" })).toThrow(/http/);
  });

  it("falls back to the local default when neither names a usable address", () => {
    expect(publicBaseUrl(headers({}), {})).toBe("http://localhost:3000");
  });
});

describe("absolute URLs", () => {
  it("joins an origin and a path with one slash", () => {
    expect(absoluteUrlOn("https://a.kr", "/news/1")).toBe("https://a.kr/news/1");
    expect(absoluteUrlOn("https://a.kr/", "news/1")).toBe("https://a.kr/news/1");
  });
});
