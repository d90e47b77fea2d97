import { describe, expect, it } from "vitest";
import { htmlHasVisibleText, imageFilesFrom, shouldUploadPastedFiles } from "@/components/dashboard/editor/clipboard-files";
import { isAllowedLinkHref, LINK_HREF_MESSAGES, normalizeLinkHref } from "@/components/dashboard/editor/link-href";
import { imageDimension, mediaImagePath } from "@/components/dashboard/editor/media-image";

describe("normalizeLinkHref (the editor's link box)", () => {
  it("keeps http, https and mailto addresses as typed", () => {
    expect(normalizeLinkHref(" https://www.incheon.go.kr/news/1?a=1#b ")).toEqual({ ok: true, href: "https://www.incheon.go.kr/news/1?a=1#b" });
    expect(normalizeLinkHref("http://example.com")).toEqual({ ok: true, href: "http://example.com" });
    expect(normalizeLinkHref("https://ko.wikipedia.org/wiki/인천광역시")).toEqual({ ok: true, href: "https://ko.wikipedia.org/wiki/인천광역시" });
    expect(normalizeLinkHref("mailto:desk@example.kr")).toEqual({ ok: true, href: "mailto:desk@example.kr" });
  });

  it("adds https:// to a bare domain and mailto: to a bare e-mail address", () => {
    expect(normalizeLinkHref("example.com/a")).toEqual({ ok: true, href: "https://example.com/a" });
    expect(normalizeLinkHref("www.한국.kr")).toEqual({ ok: true, href: "https://www.한국.kr" });
    expect(normalizeLinkHref("desk@example.kr")).toEqual({ ok: true, href: "mailto:desk@example.kr" });
  });

  it("refuses other schemes, empty input and things that are not addresses", () => {
    expect(normalizeLinkHref("javascript:alert(1)")).toEqual({ ok: false, message: LINK_HREF_MESSAGES.scheme });
    expect(normalizeLinkHref("java\tscript:alert(1)")).toMatchObject({ ok: false });
    expect(normalizeLinkHref("data:text/html,hi")).toEqual({ ok: false, message: LINK_HREF_MESSAGES.scheme });
    expect(normalizeLinkHref("ftp://example.com")).toEqual({ ok: false, message: LINK_HREF_MESSAGES.scheme });
    expect(normalizeLinkHref("   ")).toEqual({ ok: false, message: LINK_HREF_MESSAGES.empty });
    expect(normalizeLinkHref("그냥 글자")).toEqual({ ok: false, message: LINK_HREF_MESSAGES.invalid });
    expect(normalizeLinkHref("example")).toEqual({ ok: false, message: LINK_HREF_MESSAGES.invalid });
    expect(normalizeLinkHref("mailto:nobody")).toEqual({ ok: false, message: LINK_HREF_MESSAGES.invalid });
  });
});

describe("isAllowedLinkHref (links the editor keeps when loading or pasting)", () => {
  it("keeps http(s), mailto and scheme-less addresses", () => {
    for (const href of ["https://a.kr", "HTTP://A.KR", "mailto:a@b.kr", "/news/12", "www.a.kr"]) expect(isAllowedLinkHref(href)).toBe(true);
  });
  it("drops every other scheme, even disguised", () => {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\nscript:alert(1)", "data:text/html,x", "tel:0321234567", "vbscript:x", ""]) {
      expect(isAllowedLinkHref(href)).toBe(false);
    }
  });
});

describe("pasted and dropped files", () => {
  const file = (name: string, type: string) => new File(["x"], name, { type });

  it("takes only image files", () => {
    expect(imageFilesFrom([file("a.png", "image/png"), file("b.pdf", "application/pdf"), file("c.jpg", "image/jpeg")]).map((f) => f.name)).toEqual(["a.png", "c.jpg"]);
    expect(imageFilesFrom(null)).toEqual([]);
  });

  it("uploads a copied image, but pastes Word's text instead of its picture of the text", () => {
    const png = [file("image.png", "image/png")];
    expect(shouldUploadPastedFiles(png, "")).toBe(true);
    expect(shouldUploadPastedFiles(png, '<meta charset="utf-8"><img src="https://example.com/a.jpg" alt="">')).toBe(true);
    expect(shouldUploadPastedFiles(png, "<html><head><style>p{color:red}</style></head><body><p>시장이 말했다.</p></body></html>")).toBe(false);
    expect(shouldUploadPastedFiles([], "")).toBe(false);
  });

  it("sees no text in tags, comments, styles and non-breaking spaces", () => {
    expect(htmlHasVisibleText("<!--StartFragment--><p>&nbsp;</p><img src=x><!--EndFragment-->")).toBe(false);
    expect(htmlHasVisibleText("<td>1</td>")).toBe(true);
  });
});

describe("images in the editor", () => {
  it("keeps /media/ sources and this site's absolute media URLs as paths", () => {
    expect(mediaImagePath("/media/2026/11/abcdefghijklmnopqrstuvwx-960.webp")).toBe("/media/2026/11/abcdefghijklmnopqrstuvwx-960.webp");
    expect(mediaImagePath("http://localhost:3000/media/2026/11/a-960.webp?w=480", "http://localhost:3000")).toBe("/media/2026/11/a-960.webp?w=480");
  });

  it("drops remote, data and blob images, and other paths", () => {
    expect(mediaImagePath("https://tracker.example/media/a.webp", "http://localhost:3000")).toBeNull();
    expect(mediaImagePath("data:image/png;base64,AAAA", "http://localhost:3000")).toBeNull();
    expect(mediaImagePath("blob:http://localhost:3000/1234", "http://localhost:3000")).toBeNull();
    expect(mediaImagePath("/uploads/a.webp")).toBeNull();
    expect(mediaImagePath("//evil.example/media/a.webp")).toBeNull();
    expect(mediaImagePath(null)).toBeNull();
  });

  it("keeps width and height only as whole pixels", () => {
    expect(imageDimension("960")).toBe(960);
    expect(imageDimension(540)).toBe(540);
    expect(imageDimension("100%")).toBeNull();
    expect(imageDimension("0")).toBeNull();
    expect(imageDimension("")).toBeNull();
  });
});
