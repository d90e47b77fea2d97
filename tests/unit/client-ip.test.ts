import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyCount } from "@/lib/visitors/visitor-key";

const headers = (values: Record<string, string>) => new Headers(values);

describe("the client's address", () => {
  it("is the socket address `next start` writes when the client sent no X-Forwarded-For", () => {
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), 1)).toBe("127.0.0.1");
    expect(clientIp(headers({ "x-forwarded-for": "2001:db8::1" }), 1)).toBe("2001:db8::1");
  });

  it("is the entry our proxy appended, not the one the client wrote first", () => {
    // The client forged "6.6.6.6"; nginx appended the address it saw.
    expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6,7.7.7.7, 203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  it("counts the trusted proxies from the right (a CDN in front of nginx: 2)", () => {
    expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 198.51.100.2" }), 2)).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), 3)).toBe("203.0.113.7");
    // No proxy: the header is Next's own single entry (or wholly the client's); the last entry it is.
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("203.0.113.7");
  });

  it("spells one address one way", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7:51234" }), 1)).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "[2001:DB8::1]:443" }), 1)).toBe("2001:db8::1");
  });

  it("falls back to X-Real-IP, then to unknown", () => {
    expect(clientIp(headers({ "x-real-ip": "203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": " , " }), 1)).toBe("unknown");
    expect(clientIp(headers({}), 1)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_COUNT, defaulting to one proxy", () => {
    expect(trustedProxyCount({})).toBe(1);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "2" })).toBe(2);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "0" })).toBe(0);
    expect(trustedProxyCount({ TRUSTED_PROXY_COUNT: "many" })).toBe(1);
  });
});
