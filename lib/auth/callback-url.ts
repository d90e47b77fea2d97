/**
 * Where to send someone after logging in or out: only a path on this site. Anything else
 * (another host, a protocol-relative "//evil.example", a backslash trick, a javascript: URL)
 * becomes the front page, so a crafted login link cannot redirect off the site.
 * Pure: used by the login page, the login action and next-auth's redirect callback.
 */
const FALLBACK = "/";
/** A stand-in origin to resolve the path against; never shown to anyone. */
const PROBE_ORIGIN = "http://same-site.invalid";

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2_000) return FALLBACK;
  // Only a root-relative path: not "//host", not "/\host" (browsers read "\" as "/").
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return FALLBACK;
  // Control characters (tabs and newlines are stripped by URL parsers) could hide a "//".
  if (/[\u0000-\u001f\u007f]/.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  // Coming back to the login page itself after logging in would be a dead end.
  if (url.pathname === "/login" || url.pathname.startsWith("/api/auth")) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A same-site callback from an absolute URL on the given origin, or from a path. */
export function safeCallbackPathFrom(value: string, origin: string): string {
  if (value.startsWith("/")) return safeCallbackPath(value);
  try {
    const url = new URL(value);
    return url.origin === origin ? safeCallbackPath(`${url.pathname}${url.search}${url.hash}`) : FALLBACK;
  } catch {
    return FALLBACK;
  }
}
