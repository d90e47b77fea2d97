import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDateTime, isoKoreanTime } from "@/lib/format";

describe("dates read in Korean time", () => {
  it("turns a UTC evening into the next Korean day", () => {
    const moment = new Date("2020-09-13T20:05:00Z");
    expect(formatDate(moment)).toBe("2020.09.14");
    expect(formatDateTime(moment)).toBe("2020.09.14 05:05");
    expect(isoKoreanTime(moment)).toBe("2020-09-14T05:05:00+09:00");
  });

  it("groups thousands", () => {
    expect(formatCount(7750)).toBe("7,750");
  });
});
