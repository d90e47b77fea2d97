import { describe, expect, it } from "vitest";
import { clampPage, pageCountOf, pageOfPosition, pageWindow, virtualNumber } from "@/lib/board/pagination";

describe("virtual number", () => {
  it("counts down from the total: 560…541 on page 1 and 20…1 on page 28 of a 560-article board", () => {
    expect(Array.from({ length: 20 }, (_, i) => virtualNumber(560, 1, 20, i))).toEqual(
      Array.from({ length: 20 }, (_, i) => 560 - i),
    );
    expect(virtualNumber(560, 28, 20, 0)).toBe(20);
    expect(virtualNumber(560, 28, 20, 19)).toBe(1);
  });
});

describe("page window", () => {
  it("shows 10 links centred on the current page, clamped to the ends", () => {
    expect(pageWindow(1, 28, 10)).toEqual({ first: 1, last: 10 });
    expect(pageWindow(6, 28, 10)).toEqual({ first: 1, last: 10 });
    expect(pageWindow(14, 28, 10)).toEqual({ first: 9, last: 18 });
    expect(pageWindow(25, 28, 10)).toEqual({ first: 19, last: 28 });
    expect(pageWindow(28, 28, 10)).toEqual({ first: 19, last: 28 });
  });

  it("shows every page when there are fewer than the window", () => {
    expect(pageWindow(2, 3, 10)).toEqual({ first: 1, last: 3 });
    expect(pageWindow(1, 1, 10)).toEqual({ first: 1, last: 1 });
  });

  it("always contains the current page", () => {
    for (let pageCount = 1; pageCount <= 40; pageCount += 1) {
      for (let page = 1; page <= pageCount; page += 1) {
        const { first, last } = pageWindow(page, pageCount, 10);
        expect(first).toBeGreaterThanOrEqual(1);
        expect(last).toBeLessThanOrEqual(pageCount);
        expect(page).toBeGreaterThanOrEqual(first);
        expect(page).toBeLessThanOrEqual(last);
        expect(last - first + 1).toBe(Math.min(10, pageCount));
      }
    }
  });
});

describe("page counts", () => {
  it("has at least one page, and clamps requests into range", () => {
    expect(pageCountOf(0, 20)).toBe(1);
    expect(pageCountOf(560, 20)).toBe(28);
    expect(pageCountOf(561, 20)).toBe(29);
    expect(clampPage(999, 28)).toBe(28);
    expect(clampPage(0, 28)).toBe(1);
  });

  it("finds the page of a row position", () => {
    expect(pageOfPosition(0, 20)).toBe(1);
    expect(pageOfPosition(19, 20)).toBe(1);
    expect(pageOfPosition(20, 20)).toBe(2);
    expect(pageOfPosition(559, 20)).toBe(28);
  });
});
