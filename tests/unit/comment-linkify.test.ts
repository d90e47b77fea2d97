import { describe, expect, it } from "vitest";
import { linkify, linkLabel, MAX_LINK_LABEL, safeHref, type BodySegment } from "@/lib/comments/linkify";

const links = (body: string) => linkify(body).filter((segment): segment is Extract<BodySegment, { kind: "link" }> => segment.kind === "link");
const linkTexts = (body: string) => links(body).map((link) => link.text);
const joined = (body: string) => linkify(body).map((segment) => segment.text).join("");

describe("linkify", () => {
  it("leaves text without addresses as one text segment", () => {
    expect(linkify("좋은 기사 감사합니다.\n다음 기사도 기대합니다.")).toEqual([
      { kind: "text", text: "좋은 기사 감사합니다.\n다음 기사도 기대합니다." },
    ]);
    expect(linkify("")).toEqual([]);
  });

  it("links http and https addresses in the middle of text", () => {
    expect(linkify("자세한 내용은 https://www.incheon.go.kr/news/1 참고")).toEqual([
      { kind: "text", text: "자세한 내용은 " },
      { kind: "link", text: "https://www.incheon.go.kr/news/1", href: "https://www.incheon.go.kr/news/1", label: "https://www.incheon.go.kr/news/1" },
      { kind: "text", text: " 참고" },
    ]);
    expect(linkTexts("HTTP://EXAMPLE.COM/A")).toEqual(["HTTP://EXAMPLE.COM/A"]);
    expect(links("HTTP://EXAMPLE.COM/A")[0].href).toBe("http://example.com/A");
  });

  it("keeps the whole text: joining the segments gives the body back", () => {
    const body = "앞 (https://a.kr/b), 그리고 https://c.kr/d?e=1&f=2#g. 끝\n\nhttp://h.kr";
    expect(joined(body)).toBe(body);
  });

  it("leaves closing punctuation out of the address", () => {
    expect(linkTexts("보세요 https://kmbn.kr/news/1.")).toEqual(["https://kmbn.kr/news/1"]);
    expect(linkTexts("https://kmbn.kr/news/1, https://kmbn.kr/news/2!")).toEqual(["https://kmbn.kr/news/1", "https://kmbn.kr/news/2"]);
    expect(linkTexts("정말요? https://kmbn.kr/?q=1?")).toEqual(["https://kmbn.kr/?q=1"]);
    expect(linkTexts("'https://kmbn.kr/a' 라고")).toEqual(["https://kmbn.kr/a"]);
    expect(linkTexts("주소: https://kmbn.kr/a:")).toEqual(["https://kmbn.kr/a"]);
  });

  it("ends the address at Korean text written right after it", () => {
    const segments = linkify("https://kmbn.kr/news/1에서 봤어요");
    expect(segments).toEqual([
      { kind: "link", text: "https://kmbn.kr/news/1", href: "https://kmbn.kr/news/1", label: "https://kmbn.kr/news/1" },
      { kind: "text", text: "에서 봤어요" },
    ]);
    expect(linkTexts("https://kmbn.kr을 방문")).toEqual(["https://kmbn.kr"]);
    expect(linkTexts("https://kmbn.kr/a입니다.")).toEqual(["https://kmbn.kr/a"]);
    // Percent-encoded Korean (as browsers copy it) is part of the address.
    expect(linkTexts("https://ko.wikipedia.org/wiki/%EC%9D%B8%EC%B2%9C 참고")).toEqual(["https://ko.wikipedia.org/wiki/%EC%9D%B8%EC%B2%9C"]);
  });

  it("keeps brackets the address opened and drops the ones around it", () => {
    expect(linkTexts("(https://kmbn.kr/news/1)")).toEqual(["https://kmbn.kr/news/1"]);
    expect(linkTexts("(참고: https://kmbn.kr/news/1).")).toEqual(["https://kmbn.kr/news/1"]);
    expect(linkTexts("https://en.wikipedia.org/wiki/Incheon_(city) 참고")).toEqual(["https://en.wikipedia.org/wiki/Incheon_(city)"]);
    expect(linkTexts("(https://en.wikipedia.org/wiki/Incheon_(city))")).toEqual(["https://en.wikipedia.org/wiki/Incheon_(city)"]);
    expect(linkTexts("[https://kmbn.kr/a]")).toEqual(["https://kmbn.kr/a"]);
    expect(linkTexts("<https://kmbn.kr/a>")).toEqual(["https://kmbn.kr/a"]);
  });

  it("never links other schemes or disguised addresses", () => {
    for (const body of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://kmbn.kr/a",
      "xhttps://kmbn.kr/a",
      "http://",
      "https://localhost/a",
      "https://bank.kr@evil.example/login",
      "https://user:pass@kmbn.kr/",
    ]) {
      expect(links(body), body).toEqual([]);
      expect(joined(body)).toBe(body);
    }
    // An http(s) address after another scheme's prefix is still only ever an http(s) link.
    expect(links("javascript:https://kmbn.kr/a").map((link) => link.href)).toEqual(["https://kmbn.kr/a"]);
  });

  it("stops at characters a URL cannot hold, so no markup gets into a link", () => {
    expect(linkTexts('https://kmbn.kr/a"onmouseover="alert(1)')).toEqual(["https://kmbn.kr/a"]);
    expect(linkTexts("https://kmbn.kr/a<script>alert(1)</script>")).toEqual(["https://kmbn.kr/a"]);
    expect(linkTexts("https://kmbn.kr/a`b")).toEqual(["https://kmbn.kr/a"]);
  });

  it("only makes hrefs that are http(s) URLs", () => {
    expect(safeHref("https://kmbn.kr/a b")).toBe("https://kmbn.kr/a%20b");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("https://[::1]/a")).toBe("https://[::1]/a");
    expect(safeHref("not a url")).toBeNull();
  });

  it("shortens the text of a very long address but keeps all of it in the href", () => {
    const long = `https://kmbn.kr/news/${"a".repeat(500)}/end?x=${"9".repeat(300)}`;
    const [link] = links(`앞 ${long} 뒤`);
    expect(link.text).toBe(long);
    expect(link.href).toBe(long);
    expect(Array.from(link.label)).toHaveLength(MAX_LINK_LABEL);
    expect(link.label.startsWith("https://kmbn.kr/news/aaa")).toBe(true);
    expect(link.label.endsWith("9999")).toBe(true);
    expect(link.label).toContain("…");
    expect(linkLabel("https://kmbn.kr/")).toBe("https://kmbn.kr/");
  });

  it("stays fast on hostile input", () => {
    const started = performance.now();
    linkify(`https://a.kr/${")".repeat(2000)}`);
    linkify("https://".repeat(250));
    linkify(`${"https://a.kr/(".repeat(140)}`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
