import { describe, expect, it } from "vitest";
import { blockExpiry, BlockCommenterSchema, moderationHref, parseModerationQuery } from "@/lib/validations/moderation";

describe("the moderation list's address", () => {
  it("reads status, board and a page cursor, falling back to the defaults", () => {
    expect(parseModerationQuery({})).toEqual({ status: "all", board: null, before: null, after: null });
    expect(parseModerationQuery({ status: "hidden", board: "news", before: "120" })).toEqual({ status: "hidden", board: "news", before: 120, after: null });
    expect(parseModerationQuery({ status: ["deleted", "visible"], after: "7" })).toMatchObject({ status: "deleted", after: 7 });
    expect(parseModerationQuery({ status: "spam", board: "../etc", before: "-1", after: "0" })).toEqual({ status: "all", board: null, before: null, after: null });
    // One direction at a time: before wins.
    expect(parseModerationQuery({ before: "5", after: "9" })).toMatchObject({ before: 5, after: null });
  });

  it("writes the same query back, leaving the defaults out", () => {
    expect(moderationHref({})).toBe("/dashboard/comments");
    expect(moderationHref({ status: "all", board: null, before: null, after: null })).toBe("/dashboard/comments");
    expect(moderationHref({ status: "hidden", board: "news", before: 120 })).toBe("/dashboard/comments?status=hidden&board=news&before=120");
    const query = parseModerationQuery({ status: "visible", board: "local", after: "33" });
    expect(parseModerationQuery(Object.fromEntries(new URL(moderationHref(query), "http://x").searchParams))).toEqual(query);
  });
});

describe("blocks", () => {
  const now = new Date("2026-11-29T03:00:00Z");

  it("end after 1, 7 or 30 days, or never", () => {
    expect(blockExpiry("1d", now)).toEqual(new Date("2026-11-30T03:00:00Z"));
    expect(blockExpiry("7d", now)).toEqual(new Date("2026-12-06T03:00:00Z"));
    expect(blockExpiry("30d", now)).toEqual(new Date("2026-12-29T03:00:00Z"));
    expect(blockExpiry("forever", now)).toBeNull();
  });

  it("take an optional reason of at most 200 characters and a known duration", () => {
    expect(BlockCommenterSchema.parse({ commentId: "12", reason: "  광고  반복 ", duration: "7d" })).toEqual({ commentId: 12, reason: "광고 반복", duration: "7d" });
    expect(BlockCommenterSchema.parse({ commentId: "12", reason: "", duration: "forever" }).reason).toBe("");
    const tooLong = BlockCommenterSchema.safeParse({ commentId: "12", reason: "가".repeat(201), duration: "1d" });
    expect(tooLong.error?.issues[0]).toMatchObject({ path: ["reason"], message: "차단 사유는 200자까지 쓸 수 있습니다." });
    const noDuration = BlockCommenterSchema.safeParse({ commentId: "12", reason: "", duration: "1y" });
    expect(noDuration.error?.issues[0]).toMatchObject({ path: ["duration"], message: "차단 기간을 골라 주세요." });
  });
});
