/**
 * Korean substring search, indexed on both engines.
 *
 * Korean is written without spaces between many words ("인천뿌리산업일자리센터"), so a word
 * index cannot find "뿌리산업" inside it. Instead every word is stored as its overlapping
 * two-character pieces (bigrams), followed by its last character on its own:
 *
 *   "인천뿌리산업"  →  "인천 천뿌 뿌리 리산 산업 업"
 *
 * A search term of two or more characters becomes the phrase of its bigrams ("뿌리 리산 산업"):
 * consecutive tokens, so it matches exactly where the term is a substring of one word. The
 * single last character closes each word, so a phrase never runs on into the next word. A
 * one-character term becomes a prefix query ("업*"): some token starts with it exactly when a
 * word contains it.
 *
 * SQLite keeps these documents in an FTS5 table, PostgreSQL in a GIN index over
 * to_tsvector('simple', …) (see the search migration); both match phrases and prefixes
 * from their index, so no query scans the posts.
 */

/** Words as both sides see them: runs of letters and digits, NFKC-normalized and lower-cased. */
export function wordsOf(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Tokens of one word: its bigrams, then its last character (a one-character word is itself). */
function wordTokens(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length === 1) return chars;
  const bigrams = chars.slice(1).map((char, index) => chars[index] + char);
  return [...bigrams, chars[chars.length - 1]];
}

/** The search document of a text: its tokens, separated by spaces. */
export function searchDocument(text: string): string {
  return wordsOf(text).flatMap(wordTokens).join(" ");
}

/** One term of a query: a phrase of bigrams, or a single character matched as a prefix. */
export type SearchTerm = { kind: "phrase"; tokens: string[] } | { kind: "prefix"; token: string };

export const MAX_KEYWORD_LENGTH = 100;
export const MAX_SEARCH_TERMS = 8;

export type ParsedKeyword = { ok: true; terms: SearchTerm[] } | { ok: false; message: string };

/**
 * A reader's keyword as search terms: every word must occur (as a substring) somewhere.
 * Bad keywords come back with a Korean message for the search form.
 */
export function parseKeyword(keyword: string): ParsedKeyword {
  if (Array.from(keyword).length > MAX_KEYWORD_LENGTH) {
    return { ok: false, message: `검색어는 ${MAX_KEYWORD_LENGTH}자 이내로 입력해 주세요.` };
  }
  const words = [...new Set(wordsOf(keyword))];
  if (words.length === 0) return { ok: false, message: "검색어에 글자나 숫자를 한 자 이상 넣어 주세요." };
  if (words.length > MAX_SEARCH_TERMS) {
    return { ok: false, message: `검색어는 ${MAX_SEARCH_TERMS}개 단어까지 쓸 수 있습니다.` };
  }
  return {
    ok: true,
    terms: words.map((word): SearchTerm => {
      const chars = Array.from(word);
      return chars.length === 1
        ? { kind: "prefix", token: word }
        : { kind: "phrase", tokens: chars.slice(1).map((char, index) => chars[index] + char) };
    }),
  };
}

/** An FTS5 MATCH expression for the terms (all must match), limited to the given columns. */
export function fts5Query(terms: SearchTerm[], columns: string[]): string {
  const expression = terms
    .map((term) => (term.kind === "prefix" ? `"${term.token}" *` : `"${term.tokens.join(" ")}"`))
    .join(" AND ");
  return `{${columns.join(" ")}} : (${expression})`;
}

/**
 * A PostgreSQL tsquery for the terms (all must match). `weight` limits every lexeme to
 * title (A) or body (B) tokens; without it, any weight matches.
 */
export function tsQuery(terms: SearchTerm[], weight: "" | "A" | "B" = ""): string {
  return terms
    .map((term) =>
      term.kind === "prefix"
        ? `'${term.token}':*${weight}`
        : term.tokens.map((token) => (weight ? `'${token}':${weight}` : `'${token}'`)).join(" <-> "),
    )
    .map((part) => `(${part})`)
    .join(" & ");
}
