/**
 * The site's identity, in one place: its name, description, public address, logo and language.
 * Set by environment variables on a real site (README: Configuration); the defaults name the
 * demo. Feeds, sitemaps, canonical links, Open Graph tags and JSON-LD all take their absolute
 * URLs from here (absoluteUrl), and app/layout.tsx gives `url` to Next as metadataBase.
 */

const DEFAULT_URL = "http://localhost:3000";

/**
 * The public base URL, without a trailing slash: SITE_URL, else NEXTAUTH_URL (which next-auth
 * reads too, so a site that set it for login need not repeat it), else the local default.
 * A value that is not an http(s) address is a configuration mistake: it fails loudly.
 */
export function parseSiteUrl(value: string | undefined): string {
  const text = value?.trim() || DEFAULT_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) address, got "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`SITE_URL must be http(s), got "${text}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

export const siteConfig = {
  name: process.env.SITE_NAME ?? "KMBN 지역뉴스",
  description: process.env.SITE_DESCRIPTION ?? "인천·경기·경남의 행정, 경제, 생활 소식을 전하는 지역 뉴스",
  /** Public base URL, e.g. https://news.example.kr (no trailing slash). */
  url: parseSiteUrl(process.env.SITE_URL ?? process.env.NEXTAUTH_URL),
  /**
   * The publisher's logo (JSON-LD publisher, feeds' channel image): a path under public/ or an
   * absolute URL, with its size. The default is the demo's wordmark, public/logo.png (600×60,
   * the shape Google asks of a news publisher's logo); public/logo.svg is the same drawing.
   */
  logo: {
    src: process.env.SITE_LOGO ?? "/logo.png",
    width: Number(process.env.SITE_LOGO_WIDTH ?? 600),
    height: Number(process.env.SITE_LOGO_HEIGHT ?? 60),
  },
  /** Open Graph locale and the language of feeds, sitemaps and JSON-LD. */
  locale: "ko_KR",
  language: "ko",
} as const;

/** The absolute URL of a path on this site ("/news/12" → "https://…/news/12"); absolute URLs pass through. */
export function absoluteUrl(pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return `${siteConfig.url}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`;
}
