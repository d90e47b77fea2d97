import { describe, expect, it } from "vitest";
import { countAxis, formatAxisCount, koreanWeekday, shortDay } from "@/lib/views/chart-axis";

describe("countAxis", () => {
  it("gives an empty chart 0…4 in ones", () => {
    expect(countAxis(0)).toEqual({ top: 4, step: 1, ticks: [0, 1, 2, 3, 4] });
  });

  it("keeps small counts in ones up to 4", () => {
    expect(countAxis(1)).toEqual({ top: 4, step: 1, ticks: [0, 1, 2, 3, 4] });
    expect(countAxis(4).top).toBe(4);
  });

  it.each([
    [5, 2, 6],
    [7, 2, 8],
    [10, 5, 10],
    [37, 10, 40],
    [1234, 500, 1500],
    [98_765, 50_000, 100_000],
  ])("max %i → step %i, top %i", (max, step, top) => {
    const axis = countAxis(max);
    expect(axis).toMatchObject({ step, top });
    expect(axis.top).toBeGreaterThanOrEqual(max);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBe(top);
    expect(axis.ticks.length).toBeLessThanOrEqual(6);
  });
});

describe("day labels", () => {
  it("writes Korean month.day and weekday", () => {
    expect(shortDay("2026-11-29")).toBe("11.29");
    expect(shortDay("2026-01-05")).toBe("01.05");
    expect(koreanWeekday("2026-11-29")).toBe("일");
    expect(koreanWeekday("2026-12-10")).toBe("목");
  });

  it("shortens large axis counts the Korean way", () => {
    expect(formatAxisCount(950)).toBe("950");
    expect(formatAxisCount(1500)).toBe("1.5천");
    expect(formatAxisCount(20_000)).toBe("2만");
  });
});
