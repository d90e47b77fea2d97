import { createHash, randomBytes } from "node:crypto";
import { ROOT_INLINE_SCRIPT } from "./inline-scripts";

/**
 * The Content-Security-Policy proxy.ts sends with every page (SECURITY.md: CSP).
 *
 * Scripts: only those carrying this response's nonce, plus what they load ('strict-dynamic');
 * Next reads the nonce from the request's Content-Security-Policy header and puts it on its own
 * scripts and inline RSC payload. The root layout's one inline script (ROOT_INLINE_SCRIPT,
 * constant) is allowed by its hash, so it needs no nonce and the layout reads no headers.
 * No inline event handlers, no javascript: URLs, no eval (except `next dev`, which needs it).
 *
 * Styles: 'unsafe-inline'. Next's style tags, TipTap's and ProseMirror's style attributes and
 * the article body's sanitized style attributes (text-align) cannot carry a nonce; a style
 * cannot run script, and the sanitizer (lib/content/sanitize-article-html.ts) keeps only a
 * few properties in stored HTML.
 */

/** sha256 of the root layout's inline script, as CSP writes it. */
export const ROOT_INLINE_SCRIPT_HASH = `'sha256-${createHash("sha256").update(ROOT_INLINE_SCRIPT).digest("base64")}'`;

/** A fresh nonce: 128 random bits, base64 (what Next's nonce pattern accepts). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The nonce of pages kept in Next's full-route cache (a board's first page and a plain article URL, see
 * lib/routing/cached-urls.ts). Cached HTML cannot change per request, so its scripts carry the
 * nonce of the request that rendered it: proxy.ts gives every such request this one, random per
 * server process. The cache lives in the same process's memory (next.config.ts:
 * isrFlushToDisk false), so a cached page and its header always agree, and a restart replaces
 * both. Weaker than a per-request nonce (a reader can learn it), much stronger than
 * 'unsafe-inline' (inline handlers and javascript: URLs stay blocked): SECURITY.md.
 */
export const CACHED_PAGE_NONCE = newNonce();

export type PolicyOptions = { nonce: string; https: boolean; development?: boolean };

export function contentSecurityPolicy({ nonce, https, development = false }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${ROOT_INLINE_SCRIPT_HASH}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
