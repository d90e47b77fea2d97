import { pagesSitemapResponse } from "@/lib/sitemaps/sitemap-response";

/** Read per request (never at build time, when there may be no database); lib/feeds and lib/sitemaps say what is cached. */
export const dynamic = "force-dynamic";

/** The sitemap of the front page and the boards' lists. */
export function GET(): Promise<Response> {
  return pagesSitemapResponse();
}
