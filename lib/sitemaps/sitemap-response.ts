import "server-only";
import { unstable_cache } from "next/cache";
import { parseArticleSitemapName } from "@/lib/seo/site-paths";
import { articleSitemapXml, newsSitemapXml, pagesSitemapXml, sitemapIndexXml } from "./sitemap-documents";

/**
 * The sitemap routes' answers (app/sitemap.xml, app/sitemaps/…). Caching: the index's grouped
 * pass over every published article (lib/data/feeds.ts listSitemapChunks) is kept in Next's data
 * cache for an hour; each sitemap is otherwise read per request (one index or key range) and may
 * be kept by proxies: an hour for the index, the list pages and the article chunks, 5 minutes for
 * the news sitemap, which Google News polls for fresh articles. A sitemap an hour behind costs
 * a crawler nothing but a 404 for an article unpublished since.
 */
const HOUR = "public, max-age=3600, s-maxage=3600";
const FIVE_MINUTES = "public, max-age=300, s-maxage=300";

function xmlResponse(xml: string, cacheControl: string): Response {
  return new Response(xml, {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff" },
  });
}

const cachedSitemapIndex = unstable_cache(() => sitemapIndexXml(), ["sitemap-index"], { revalidate: 3600 });

export async function sitemapIndexResponse(): Promise<Response> {
  return xmlResponse(await cachedSitemapIndex(), HOUR);
}

export async function pagesSitemapResponse(): Promise<Response> {
  return xmlResponse(await pagesSitemapXml(), HOUR);
}

export async function newsSitemapResponse(): Promise<Response> {
  return xmlResponse(await newsSitemapXml(), FIVE_MINUTES);
}

/** /sitemaps/articles-<k>.xml; any other name is a 404. */
export async function articleSitemapResponse(fileName: string): Promise<Response> {
  const index = parseArticleSitemapName(fileName);
  if (index === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return xmlResponse(await articleSitemapXml(index), HOUR);
}
