import { describe, expect, it } from "vitest";
import { articlePageHref, listQueryOf, openCommentForm } from "@/lib/comments/comment-links";
import { AttemptLimiter } from "@/lib/comments/password-attempts";
import { canReplyAt, replyDepthMessage, wasEdited } from "@/lib/comments/thread-rules";
import { parseListState } from "@/lib/board/list-state";

describe("reply depth (Board.maxCommentDepth)", () => {
  it("1 means no replies", () => {
    expect(canReplyAt(0, 1)).toBe(false);
    expect(replyDepthMessage(1)).toBe("이 게시판에서는 댓글에 답글을 달 수 없습니다.");
  });

  it("N allows threads N levels deep (depth 0 to N − 1)", () => {
    expect([0, 1, 2, 3, 4].map((depth) => canReplyAt(depth, 5))).toEqual([true, true, true, true, false]);
    expect([0, 1].map((depth) => canReplyAt(depth, 2))).toEqual([true, false]);
    expect(replyDepthMessage(5)).toBe("이 게시판에서는 답글을 5단계까지만 이어 달 수 있습니다.");
  });

  it("0 means no limit", () => {
    expect(canReplyAt(0, 0)).toBe(true);
    expect(canReplyAt(500, 0)).toBe(true);
  });

  it("tells an edited comment from one just written", () => {
    const written = new Date("2026-01-01T00:00:00Z");
    expect(wasEdited(written, written)).toBe(false);
    expect(wasEdited(written, new Date(written.getTime() + 500))).toBe(false);
    expect(wasEdited(written, new Date(written.getTime() + 60_000))).toBe(true);
  });
});

describe("password attempt limits", () => {
  const minute = 60_000;

  it("allows five failures in fifteen minutes, then makes the guesser wait", () => {
    const limiter = new AttemptLimiter({ limit: 5, windowMs: 15 * minute });
    const start = 1_000_000;
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.retryAfterMs("c1:v1", start + i * minute)).toBe(0);
      limiter.recordFailure("c1:v1", start + i * minute);
    }
    // The oldest failure leaves the window fifteen minutes after it happened.
    expect(limiter.retryAfterMs("c1:v1", start + 5 * minute)).toBe(10 * minute);
    expect(limiter.retryAfterMs("c1:v1", start + 15 * minute)).toBe(0);
    // Another visitor, or another comment, is not affected.
    expect(limiter.retryAfterMs("c1:v2", start + 5 * minute)).toBe(0);
    expect(limiter.retryAfterMs("c2:v1", start + 5 * minute)).toBe(0);
  });

  it("forgets a key on success and once its failures are old", () => {
    const limiter = new AttemptLimiter({ limit: 2, windowMs: minute });
    limiter.recordFailure("k", 0);
    limiter.recordFailure("k", 1);
    expect(limiter.retryAfterMs("k", 2)).toBeGreaterThan(0);
    limiter.clear("k");
    expect(limiter.retryAfterMs("k", 2)).toBe(0);
    limiter.recordFailure("k", 0);
    expect(limiter.retryAfterMs("k", 2 * minute)).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it("keeps memory bounded under many keys", () => {
    const limiter = new AttemptLimiter({ limit: 5, windowMs: minute, maxKeys: 100 });
    for (let i = 0; i < 1_000; i += 1) limiter.recordFailure(`key-${i}`, i);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // The newest keys are the ones kept.
    limiter.recordFailure("key-999", 1_000);
    expect(limiter.retryAfterMs("key-999", 1_001)).toBe(0);
  });
});

describe("comment form addresses (without JavaScript)", () => {
  it("opens the form the query names", () => {
    expect(openCommentForm({ reply: "12" })).toEqual({ mode: "reply", commentId: 12 });
    expect(openCommentForm({ edit: ["7", "8"] })).toEqual({ mode: "edit", commentId: 7 });
    expect(openCommentForm({ delete: "3" })).toEqual({ mode: "delete", commentId: 3 });
    expect(openCommentForm({ reply: "0" })).toBeNull();
    expect(openCommentForm({ reply: "1;drop" })).toBeNull();
    expect(openCommentForm({})).toBeNull();
  });

  it("keeps the list state and spells every address one way", () => {
    const listQuery = listQueryOf(parseListState({ order: "desc", sort: "title", page: "2", reply: "9" }));
    expect(listQuery).toBe("sort=title&order=desc&page=2");
    expect(articlePageHref("/news/5", listQuery, { mode: "reply", commentId: 9 }, "reply-9")).toBe("/news/5?sort=title&order=desc&page=2&reply=9#reply-9");
    expect(articlePageHref("/news/5", "", null, "comment-form")).toBe("/news/5#comment-form");
    expect(articlePageHref("/news/5", listQuery, null)).toBe("/news/5?sort=title&order=desc&page=2");
    expect(articlePageHref("/news/5", "", { mode: "delete", commentId: 3 }, "comment-3")).toBe("/news/5?delete=3#comment-3");
  });
});
