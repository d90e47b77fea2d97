import { describe, expect, it } from "vitest";
import { fts5Query, parseKeyword, searchDocument, tsQuery, wordsOf, type SearchTerm } from "@/lib/search/tokens";
import { htmlToText } from "@/lib/text/html-to-text";

/**
 * What the indexes do with these documents, done in plain code: a phrase matches consecutive
 * tokens, a prefix matches any token that starts with it. The integration tests run the
 * same queries through SQLite FTS5 and PostgreSQL.
 */
function matches(document: string, terms: SearchTerm[]): boolean {
  const tokens = document.split(" ");
  return terms.every((term) =>
    term.kind === "prefix"
      ? tokens.some((token) => token.startsWith(term.token))
      : tokens.some((_, start) => term.tokens.every((token, offset) => tokens[start + offset] === token)),
  );
}
const finds = (text: string, keyword: string) => {
  const parsed = parseKeyword(keyword);
  if (!parsed.ok) throw new Error(parsed.message);
  return matches(searchDocument(text), parsed.terms);
};

describe("search documents", () => {
  it("store each word as its bigrams and its last character", () => {
    expect(searchDocument("인천뿌리산업 센터")).toBe("인천 천뿌 뿌리 리산 산업 업 센터 터");
    expect(searchDocument("시 COVID-19")).toBe("시 co ov vi id d 19 9");
  });

  it("normalize width and case and drop punctuation", () => {
    expect(wordsOf("ＡＢＣ·한국！")).toEqual(["abc", "한국"]);
  });
});

describe("Korean substring search", () => {
  const title = "인천뿌리산업일자리센터, 청년 채용 박람회 개최";
  it.each([
    ["뿌리산업", true],
    ["인천", true],
    ["센터", true],
    ["일자리 박람회", true],
    ["산", true],
    ["회", true],
    ["뿌리 산업", true],
    ["산업뿌리", false],
    ["센터청년", false],
    ["박람회 폐막", false],
    ["터청", false],
  ])("%s → %s", (keyword, expected) => {
    expect(finds(title, keyword)).toBe(expected);
  });

  it("never runs a phrase across two words", () => {
    // "ab" then "bc" as separate words must not match "abc".
    expect(finds("ab bc", "abc")).toBe(false);
    expect(finds("abc", "abc")).toBe(true);
  });
});

describe("keywords", () => {
  it("become one term per distinct word", () => {
    expect(parseKeyword("뿌리산업 시 뿌리산업")).toEqual({
      ok: true,
      terms: [
        { kind: "phrase", tokens: ["뿌리", "리산", "산업"] },
        { kind: "prefix", token: "시" },
      ],
    });
  });

  it.each([
    ["!!!", "검색어에 글자나 숫자를 한 자 이상 넣어 주세요."],
    ["가".repeat(101), "검색어는 100자 이내로 입력해 주세요."],
    ["a b c d e f g h i", "검색어는 8개 단어까지 쓸 수 있습니다."],
  ])("refuse %j with a Korean message", (keyword, message) => {
    expect(parseKeyword(keyword)).toEqual({ ok: false, message });
  });

  it("write FTS5 and tsquery expressions that quote every token", () => {
    const parsed = parseKeyword("뿌리산업 시");
    if (!parsed.ok) throw new Error();
    expect(fts5Query(parsed.terms, ["titleTokens"])).toBe('{titleTokens} : ("뿌리 리산 산업" AND "시" *)');
    expect(tsQuery(parsed.terms)).toBe("('뿌리' <-> '리산' <-> '산업') & ('시':*)");
    expect(tsQuery(parsed.terms, "A")).toBe("('뿌리':A <-> '리산':A <-> '산업':A) & ('시':*A)");
  });

  it("cannot smuggle query syntax: quotes, operators and parentheses are not word characters", () => {
    const parsed = parseKeyword(`"a" OR b* ) ' : NEAR(`);
    if (!parsed.ok) throw new Error();
    expect(fts5Query(parsed.terms, ["bodyTokens"])).toBe('{bodyTokens} : ("a" * AND "or" AND "b" * AND "ne ea ar")');
  });
});

describe("htmlToText", () => {
  it("drops tags, keeps paragraphs as lines and decodes references", () => {
    expect(htmlToText("<p>인천 &amp; 경기</p><p>A&lt;B &#xAC00;&#44033;<br>끝<script>x()</script></p>")).toBe("인천 & 경기\nA<B 가각\n끝");
  });
});
