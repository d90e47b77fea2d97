import { describe, expect, it } from "vitest";
import { commenterKey, commenterNetwork, isCommenterKey, visitorKey } from "@/lib/visitors/visitor-key";

describe("the commenter key", () => {
  const secret = "test-secret";

  it("stays the same across days, unlike the visitor key", () => {
    const ip = "203.0.113.7";
    expect(commenterKey(secret, ip)).toBe(commenterKey(secret, ip));
    const today = visitorKey(secret, { ip, userAgent: "UA" }, new Date("2026-11-29T12:00:00Z"));
    const tomorrow = visitorKey(secret, { ip, userAgent: "UA" }, new Date("2026-11-30T12:00:00Z"));
    expect(today).not.toBe(tomorrow);
  });

  it("differs per address and per secret, and holds no raw address", () => {
    const key = commenterKey(secret, "203.0.113.7");
    expect(key).not.toBe(commenterKey(secret, "203.0.113.8"));
    expect(key).not.toBe(commenterKey("other-secret", "203.0.113.7"));
    expect(key).not.toContain("203");
    expect(key).toMatch(/^c:[A-Za-z0-9_-]{32}$/);
  });

  it("is told apart from the daily visitor keys comments stored before", () => {
    expect(isCommenterKey(commenterKey(secret, "203.0.113.7"))).toBe(true);
    expect(isCommenterKey(visitorKey(secret, { ip: "203.0.113.7", userAgent: "UA" }))).toBe(false);
    expect(isCommenterKey(null)).toBe(false);
  });

  it("knows an IPv6 commenter by their /64, however the address is written", () => {
    expect(commenterNetwork("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(commenterNetwork("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(commenterNetwork("2001:0db8:0001:0002:0:0:0:1")).toBe("2001:db8:1:2::/64");
    expect(commenterNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(commenterKey(secret, "2001:db8:1:2::1")).toBe(commenterKey(secret, "2001:db8:1:2:ffff::9"));
    expect(commenterKey(secret, "2001:db8:1:2::1")).not.toBe(commenterKey(secret, "2001:db8:1:3::1"));
  });

  it("keeps IPv4 addresses, and anything it cannot read, whole", () => {
    expect(commenterNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(commenterNetwork("unknown")).toBe("unknown");
    expect(commenterNetwork("64:ff9b::203.0.113.7")).toBe("64:ff9b::203.0.113.7");
    expect(commenterNetwork("1:2:3")).toBe("1:2:3");
  });
});
