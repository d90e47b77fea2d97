/**
 * Link addresses in the article body editor. The server's sanitizer keeps http(s) and mailto
 * links only (lib/content/sanitize-article-html.ts); these checks say so to the reporter while
 * they type, instead of the link silently disappearing on save.
 */

/** Characters a browser ignores inside a URL scheme (`java\tscript:`), removed before checking. */
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

export const LINK_HREF_MESSAGES = {
  empty: "링크 주소를 입력하세요.",
  scheme: "http://, https:// 또는 mailto: 주소만 넣을 수 있습니다.",
  invalid: "올바른 인터넷 주소가 아닙니다. 주소를 확인하세요.",
} as const;

export type LinkHrefResult = { ok: true; href: string } | { ok: false; message: string };

/** The scheme of a URL, lower-cased, or null when it has none (a relative or bare address). */
function schemeOf(url: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(IGNORED_IN_SCHEME, ""));
  return match ? match[1].toLowerCase() : null;
}

/**
 * Whether the editor may keep a link with this href (the Link extension's `isAllowedUri`):
 * any http, https or mailto address, and addresses without a scheme (site-relative links in
 * older articles, and bare `www.…` addresses that autolink prefixes with https). Everything
 * with another scheme (javascript:, data:, ftp:, tel:…) is refused.
 */
export function isAllowedLinkHref(url: string): boolean {
  if (!url) return false;
  const scheme = schemeOf(url);
  return scheme === null || ALLOWED_SCHEMES.has(scheme);
}

/**
 * What a reporter typed into the link box, as an href: `https://…`, `http://…` and
 * `mailto:…` as typed; a bare e-mail address gets `mailto:`; a bare domain (`example.com/a`)
 * gets `https://`. Anything else is refused with a Korean message.
 */
export function normalizeLinkHref(input: string): LinkHrefResult {
  const value = input.trim();
  if (!value) return { ok: false, message: LINK_HREF_MESSAGES.empty };
  if (/\s/.test(value)) return { ok: false, message: LINK_HREF_MESSAGES.invalid };

  const scheme = schemeOf(value);
  if (scheme === "mailto") {
    return EMAIL.test(value.slice("mailto:".length).split("?")[0])
      ? { ok: true, href: value }
      : { ok: false, message: LINK_HREF_MESSAGES.invalid };
  }
  if (scheme === null && EMAIL.test(value)) return { ok: true, href: `mailto:${value}` };
  // "localhost:3000" parses as a scheme; every scheme but http(s) is refused below anyway.
  if (scheme !== null && scheme !== "http" && scheme !== "https") return { ok: false, message: LINK_HREF_MESSAGES.scheme };

  const candidate = scheme === null ? `https://${value.replace(/^\/\//, "")}` : value;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: LINK_HREF_MESSAGES.invalid };
  }
  if (!url.hostname.includes(".") && url.hostname !== "localhost") return { ok: false, message: LINK_HREF_MESSAGES.invalid };
  // Keep what the reporter typed (Korean paths stay readable); URL only checked it.
  return { ok: true, href: candidate };
}
