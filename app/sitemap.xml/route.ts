import { sitemapIndexResponse } from "@/lib/sitemaps/sitemap-response";

/** Read per request (never at build time, when there may be no database); lib/feeds and lib/sitemaps say what is cached. */
export const dynamic = "force-dynamic";

/** The sitemap index: list pages, the news sitemap and the article sitemaps (lib/sitemaps). */
export function GET(): Promise<Response> {
  return sitemapIndexResponse();
}
