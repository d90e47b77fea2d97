/**
 * Sitemap documents (sitemaps.org 0.9, with Google's image and news extensions). Pure: the
 * entries come from lib/sitemaps/sitemap-documents.ts; locations are made absolute here.
 */
import { absoluteUrl } from "@/lib/site-config";
import { xmlElement, XML_DECLARATION } from "@/lib/xml/escape-xml";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** The most URLs one sitemap may hold (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

export type SitemapIndexEntry = { path: string; lastModified: Date | null };

/** A sitemap index: the sitemaps, each with its newest change when known. */
export function renderSitemapIndex(entries: SitemapIndexEntry[]): string {
  const sitemaps = entries.map(
    (entry) =>
      `<sitemap>${xmlElement("loc", absoluteUrl(entry.path))}${entry.lastModified ? xmlElement("lastmod", entry.lastModified.toISOString()) : ""}</sitemap>`,
  );
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">`, ...sitemaps, "</sitemapindex>", ""].join("\n");
}

export type SitemapUrl = { path: string; lastModified: Date | null; imageUrls?: string[] };

/** A sitemap of pages, with image:image for each page's pictures. */
export function renderUrlset(urls: SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new Error(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs, got ${urls.length}`);
  const rows = urls.map((url) =>
    [
      "<url>",
      xmlElement("loc", absoluteUrl(url.path)),
      url.lastModified ? xmlElement("lastmod", url.lastModified.toISOString()) : "",
      ...(url.imageUrls ?? []).map((image) => `<image:image>${xmlElement("image:loc", absoluteUrl(image))}</image:image>`),
      "</url>",
    ].join(""),
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">`, ...rows, "</urlset>", ""].join("\n");
}

export type NewsSitemapEntry = { path: string; title: string; publishedAt: Date };
export type NewsPublication = { name: string; language: string };

/** A Google News sitemap: each article with its publication, publication date and headline. */
export function renderNewsSitemap(publication: NewsPublication, entries: NewsSitemapEntry[]): string {
  const rows = entries.map((entry) =>
    [
      "<url>",
      xmlElement("loc", absoluteUrl(entry.path)),
      "<news:news>",
      `<news:publication>${xmlElement("news:name", publication.name)}${xmlElement("news:language", publication.language)}</news:publication>`,
      xmlElement("news:publication_date", entry.publishedAt.toISOString()),
      xmlElement("news:title", entry.title),
      "</news:news>",
      "</url>",
    ].join(""),
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...rows, "</urlset>", ""].join("\n");
}
