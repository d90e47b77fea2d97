import { describe, expect, it } from "vitest";
import { addDays, startOfKoreanDay } from "@/lib/views/view-days";
import { judgeView, viewBucket } from "@/lib/views/view-rules";
import { koreanDay, visitorKey } from "@/lib/visitors/visitor-key";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

describe("which views count", () => {
  const base = { mode: "once" as const, userAgent: CHROME, viewerUserId: null, authorId: 7 };
  it("counts a reader's view", () => expect(judgeView(base)).toEqual({ counts: true }));
  it("not when the board counts nothing", () => expect(judgeView({ ...base, mode: "off" })).toEqual({ counts: false, reason: "off" }));
  it.each(["Googlebot/2.1 (+http://www.google.com/bot.html)", "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)", "curl/8.5.0", "", "   "])(
    "not for the bot %j",
    (userAgent) => expect(judgeView({ ...base, userAgent })).toEqual({ counts: false, reason: "bot" }),
  );
  it("not for the author, signed in", () => expect(judgeView({ ...base, viewerUserId: 7 })).toEqual({ counts: false, reason: "author" }));
  it("for another signed-in reader", () => expect(judgeView({ ...base, viewerUserId: 8 })).toEqual({ counts: true }));
});

describe("dedupe windows", () => {
  it("are the Korean-time day in 'once' mode", () => {
    expect(viewBucket("once", new Date("2026-11-29T14:59:59Z"), () => "x")).toBe("2026-11-29");
    expect(viewBucket("once", new Date("2026-11-29T15:00:00Z"), () => "x")).toBe("2026-11-30");
  });
  it("are never shared in 'every' mode", () => {
    let n = 0;
    const at = new Date();
    expect(viewBucket("every", at, () => String(n++))).not.toBe(viewBucket("every", at, () => String(n++)));
  });
});

describe("visitor keys", () => {
  const signals = { ip: "203.0.113.7", userAgent: CHROME };
  it("stay the same within a Korean day and change with the next", () => {
    const morning = visitorKey("secret", signals, new Date("2026-11-28T15:00:00Z"));
    expect(visitorKey("secret", signals, new Date("2026-11-29T14:59:00Z"))).toBe(morning);
    expect(visitorKey("secret", signals, new Date("2026-11-29T15:00:00Z"))).not.toBe(morning);
  });
  it("differ by address, browser, cookie and secret, and never contain the address", () => {
    const at = new Date("2026-11-29T03:00:00Z");
    const key = visitorKey("secret", signals, at);
    expect(key).not.toContain("203.0.113.7");
    expect(visitorKey("secret", { ...signals, ip: "203.0.113.8" }, at)).not.toBe(key);
    expect(visitorKey("secret", { ...signals, userAgent: `${CHROME} X` }, at)).not.toBe(key);
    expect(visitorKey("secret", { ...signals, cookieId: "abcdefghijklmnop" }, at)).not.toBe(key);
    expect(visitorKey("other", signals, at)).not.toBe(key);
  });
});

describe("Korean days", () => {
  it("start at 15:00 UTC the day before and step across month ends", () => {
    expect(startOfKoreanDay("2026-12-01").toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(addDays("2026-11-29", 3)).toBe("2026-12-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(koreanDay(startOfKoreanDay("2026-01-01"))).toBe("2026-01-01");
  });
});
