/**
 * Response headers every page, file and route handler carries (next.config.ts headers()).
 * The Content-Security-Policy (it needs a nonce per request) and Strict-Transport-Security
 * (only when the site is served over HTTPS, known at run time) are set by proxy.ts.
 * No imports: next.config.ts loads this file before any path alias exists.
 */
export const SECURITY_HEADERS = [
  // Files are what their Content-Type says (uploads are sniffed at upload, lib/media).
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Other sites see our origin, never the article path or query a reader came from.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // No framing (clickjacking); CSP frame-ancestors 'none' says the same to newer browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  // A page we open in another window (a shared link) cannot reach back into ours.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
] as const;

/** Two years, subdomains included: sent only when the site's address is https (proxy.ts). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
