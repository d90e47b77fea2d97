/**
 * A client address of its own for a simulated reader. The flood rule for comments (one per 15 s)
 * and comment blocking go by the commenter's address, as Rhymix's spam filter does, and every
 * e2e request comes from 127.0.0.1. With no proxy in front, `next start` takes the client's own
 * X-Forwarded-For as its address (TRUSTED_PROXY_COUNT=1), so each reader sends a different one
 * from the private 10.0.0.0/8 range, starting at a random point so runs never overlap.
 */
let next = Math.floor(Math.random() * 0xfff000);

export function newClientAddress(): string {
  const n = ++next;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

/** Context options for a reader with an address of their own. */
export const ownAddress = () => ({ extraHTTPHeaders: { "X-Forwarded-For": newClientAddress() } });
