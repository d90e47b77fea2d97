import { newsSitemapResponse } from "@/lib/sitemaps/sitemap-response";

/** Read per request (never at build time, when there may be no database); lib/feeds and lib/sitemaps say what is cached. */
export const dynamic = "force-dynamic";

/** The Google News sitemap: articles published in the last 48 hours. */
export function GET(): Promise<Response> {
  return newsSitemapResponse();
}
