import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXml, stripInvalidXmlChars, xmlAttributes, xmlElement } from "@/lib/xml/escape-xml";

describe("escapeXml", () => {
  it("turns the five markup characters into references", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
  });

  it("escapes an existing reference again (the text is text, not markup)", () => {
    expect(escapeXml("&amp; &#39; &lt;")).toBe("&amp;amp; &amp;#39; &amp;lt;");
  });

  it("keeps Korean, emoji and the whitespace XML allows", () => {
    expect(escapeXml("인천 뿌리산업\t일자리\n센터\r😀")).toBe("인천 뿌리산업\t일자리\n센터\r😀");
  });

  it("drops the characters XML 1.0 forbids: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, lone surrogates, U+FFFE/U+FFFF", () => {
    const forbidden = "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u001F\uDFFF\uD800\uFFFE\uFFFF";
    expect(stripInvalidXmlChars(`가${forbidden}나`)).toBe("가나");
    expect(escapeXml(`<${forbidden}>`)).toBe("&lt;&gt;");
    // A surrogate pair (an emoji) is one allowed character, not two lone halves.
    expect(stripInvalidXmlChars("\uD83D\uDE00")).toBe("😀");
  });

  it("makes elements and attributes a parser reads back exactly", () => {
    const nasty = `</title><script>alert("x")</script> ]]> & '따옴표' \u0007`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><root>${xmlElement("title", nasty, { label: nasty })}<empty${xmlAttributes({ href: "/a?b=1&c=2" })}/></root>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", htmlEntities: true, trimValues: false }).parse(xml);
    const clean = nasty.replace("\u0007", "");
    expect(parsed.root.title["#text"]).toBe(clean);
    expect(parsed.root.title["@_label"]).toBe(clean);
    expect(parsed.root.empty["@_href"]).toBe("/a?b=1&c=2");
  });
});
