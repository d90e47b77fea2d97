import { describe, expect, it } from "vitest";
import { createRandom, generateBody, generateTitle, TITLE_CEILING, withParticle } from "@/lib/seed/generate";
import { SEED_ARTICLE, SEED_PAGE_ROWS } from "@/lib/seed/seed-page";

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
