import { describe, expect, it } from "vitest";
import { postSearchDocument } from "@/lib/search/documents";
import { createRandom, generateBody, generateTitle, paragraphsToHtml, TITLE_CEILING, withParticle } from "@/lib/seed/generate";
import { SEED_ARTICLE, SEED_PAGE_ROWS } from "@/lib/seed/seed-page";
import { SearchDocumentCache } from "@/lib/seed/seed-site";

describe("demo content", () => {
  it("is the same for the same seed and different for another", () => {
    const titles = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 50 }, () => generateTitle(random));
    };
    expect(titles(2020)).toEqual(titles(2020));
    expect(titles(2020)).not.toEqual(titles(2021));
  });

  it("titles all sort below the seed page's lowest title", () => {
    const lowestSeedTitle = [...SEED_PAGE_ROWS].map((row) => row.title).sort().at(0)!;
    expect(lowestSeedTitle.startsWith(TITLE_CEILING)).toBe(true);
    expect(SEED_ARTICLE.title < lowestSeedTitle).toBe(true);
    const random = createRandom(7);
    for (let i = 0; i < 5_000; i += 1) expect(generateTitle(random) < TITLE_CEILING).toBe(true);
  });

  it("bodies are paragraphs of escaped text", () => {
    const body = generateBody(createRandom(1), "인천시, 청년 일자리 박람회 개최");
    expect(body.startsWith("<p>인천시는 ") || body.startsWith("<p>인천시가 ")).toBe(true);
    expect(body).not.toMatch(/<(?!\/?p>)/);
  });

  it("puts the right particle after a noun", () => {
    expect(withParticle("인천시", "이", "가")).toBe("인천시가");
    expect(withParticle("의령군", "이", "가")).toBe("의령군이");
    expect(withParticle("박람회", "을", "를")).toBe("박람회를");
  });

  it("keeps the seed page's rows as it lists them", () => {
    expect(SEED_PAGE_ROWS).toHaveLength(20);
    expect(SEED_PAGE_ROWS.map((row) => row.number)).toEqual(Array.from({ length: 20 }, (_, i) => 560 - i));
    const titles = SEED_PAGE_ROWS.map((row) => row.title);
    expect([...titles].sort().reverse()).toEqual(titles);
  });
});

describe("seeding a large board", () => {
  it("a generator started from another's state draws what that one draws next", () => {
    const random = createRandom(2020);
    generateTitle(random);
    const again = createRandom(random.state());
    expect(Array.from({ length: 20 }, () => again.next())).toEqual(Array.from({ length: 20 }, () => random.next()));
  });

  it("search documents made line by line are the documents of the whole article", () => {
    const cache = new SearchDocumentCache();
    const random = createRandom(5);
    const posts: { title: string; bodyHtml: string }[] = [{ title: SEED_ARTICLE.title, bodyHtml: paragraphsToHtml(SEED_ARTICLE.paragraphs) }];
    for (let i = 0; i < 2_000; i += 1) {
      const title = generateTitle(random);
      posts.push({ title, bodyHtml: generateBody(random, title) });
    }
    posts.push({ title: "A&amp;B “따옴표”", bodyHtml: "<p>첫 줄 &quot;인용&quot;</p>\n<p></p>\n<p>  둘째 &lt;줄&gt; 3,200명</p>" });
    for (const post of posts) expect(cache.of(post)).toEqual(postSearchDocument(post));
  });
});
