import "server-only";
import { listSitemapChunks, recentNewsArticles, sitemapBoards, sitemapChunkArticles } from "@/lib/data/feeds";
import { articlePath, articleSitemapPath, boardPath, NEWS_SITEMAP_PATH, PAGES_SITEMAP_PATH } from "@/lib/seo/site-paths";
import { siteConfig } from "@/lib/site-config";
import { renderNewsSitemap, renderSitemapIndex, renderUrlset, SITEMAP_MAX_URLS } from "./sitemap-xml";

/**
 * The site's sitemaps as documents, for the routes (app/sitemap.xml, app/sitemaps/…) and the
 * tests. /sitemap.xml is an index of: the list pages (/sitemaps/pages.xml), the Google News
 * sitemap of the last 48 hours (/sitemaps/news.xml) and the article sitemaps
 * (/sitemaps/articles-<k>.xml), chunk k holding the published articles with ids
 * k·size+1 … (k+1)·size: at most `size` URLs each, and an article stays in its chunk for good.
 * A million articles make 20 chunks. `chunkSize` is a parameter only so tests can cross chunk
 * edges with a few articles; the routes use SITEMAP_CHUNK_SIZE.
 */
export const SITEMAP_CHUNK_SIZE = SITEMAP_MAX_URLS;

/** How far back the news sitemap reaches (Google News: articles of the last two days). */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** The newest publication among the boards, or null when nothing is published. */
function newestPublication(boards: { lastPublishedAt: Date | null }[]): Date | null {
  return boards.reduce<Date | null>((newest, board) => (board.lastPublishedAt && (!newest || board.lastPublishedAt > newest) ? board.lastPublishedAt : newest), null);
}

export async function sitemapIndexXml(chunkSize = SITEMAP_CHUNK_SIZE): Promise<string> {
  const [chunks, boards] = await Promise.all([listSitemapChunks(chunkSize), sitemapBoards()]);
  const newest = newestPublication(boards);
  return renderSitemapIndex([
    { path: PAGES_SITEMAP_PATH, lastModified: newest },
    { path: NEWS_SITEMAP_PATH, lastModified: newest },
    ...chunks.map((chunk) => ({ path: articleSitemapPath(chunk.index), lastModified: chunk.lastModified })),
  ]);
}

/** The front page and each board's list. */
export async function pagesSitemapXml(): Promise<string> {
  const boards = await sitemapBoards();
  return renderUrlset([
    { path: "/", lastModified: newestPublication(boards) },
    ...boards.map((board) => ({ path: boardPath(board.slug), lastModified: board.lastPublishedAt })),
  ]);
}

/** Article sitemap `index`: its published articles, each with its last change and lead image. */
export async function articleSitemapXml(index: number, chunkSize = SITEMAP_CHUNK_SIZE): Promise<string> {
  const articles = await sitemapChunkArticles(index, chunkSize);
  return renderUrlset(
    articles.map((article) => ({
      path: articlePath(article.boardSlug, article.id),
      lastModified: article.lastModified,
      imageUrls: article.image ? [article.image.src] : [],
    })),
  );
}

/** The Google News sitemap: news articles published in the 48 hours before `now`. */
export async function newsSitemapXml(now = new Date()): Promise<string> {
  const articles = await recentNewsArticles(new Date(now.getTime() - NEWS_WINDOW_MS), now);
  return renderNewsSitemap(
    { name: siteConfig.name, language: siteConfig.language },
    articles.map((article) => ({ path: articlePath(article.boardSlug, article.id), title: article.title, publishedAt: article.publishedAt })),
  );
}
