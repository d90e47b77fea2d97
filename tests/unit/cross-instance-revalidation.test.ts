import { describe, expect, it, vi } from "vitest";

// The module posts to its own server to expire pages; nothing here gets that far.
vi.mock("@/lib/internal/internal-requests", () => ({ postToSelf: vi.fn() }));

const { invalidationFromMessage, messagesFor } = await import("@/lib/cache/cross-instance-revalidation");

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const NOTIFY_PAYLOAD_LIMIT = 8000;

describe("cross-instance revalidation messages", () => {
  it("a small invalidation is one message, read back the same by another instance and ignored by its sender", () => {
    const [message, ...rest] = messagesFor({ expire: ["article:12", "list:news"], refresh: ["board:news"], layout: false }, "host:1:a");
    expect(rest).toEqual([]);
    expect(invalidationFromMessage(message, "host:2:b")).toEqual({ expire: ["article:12", "list:news"], refresh: ["board:news"], layout: false });
    expect(invalidationFromMessage(message, "host:1:a")).toBeNull();
  });

  it("a layout change alone is still sent", () => {
    const messages = messagesFor({ expire: [], refresh: [], layout: true }, "a");
    expect(messages.map((message) => invalidationFromMessage(message, "b"))).toEqual([{ expire: [], refresh: [], layout: true }]);
  });

  it("splits a large invalidation (the scheduler publishing 500 articles on long board names) under PostgreSQL's payload limit, losing no tag", () => {
    const slug = "b".repeat(40);
    const expire = Array.from({ length: 500 }, (_, i) => `article:${1_000_000_000 + i}`).concat([`list:${slug}`]);
    const refresh = Array.from({ length: 300 }, (_, i) => `board:${slug.slice(0, 36)}${String(i).padStart(4, "0")}`).concat([`list:${slug}`]);
    const messages = messagesFor({ expire, refresh, layout: true }, "x".repeat(60));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(Buffer.byteLength(message)).toBeLessThan(NOTIFY_PAYLOAD_LIMIT);
    const read = messages.map((message) => invalidationFromMessage(message, "other")!);
    expect(read.flatMap((invalidation) => invalidation.expire).sort()).toEqual([...new Set(expire)].sort());
    // A tag expired at once need not also be refreshed.
    expect(read.flatMap((invalidation) => invalidation.refresh).sort()).toEqual(refresh.filter((tag) => !expire.includes(tag)).sort());
    expect(read.filter((invalidation) => invalidation.layout)).toHaveLength(1);
  });

  it("ignores junk on the channel", () => {
    for (const payload of [undefined, "", "null", "[]", "{", '"x"', '{"from":"a"}', '{"from":1,"expire":[],"refresh":[],"layout":false}', '{"from":"a","expire":[1],"refresh":[],"layout":false}', '{"from":"a","expire":[],"refresh":[],"layout":"yes"}']) {
      expect(invalidationFromMessage(payload, "b"), String(payload)).toBeNull();
    }
  });
});
