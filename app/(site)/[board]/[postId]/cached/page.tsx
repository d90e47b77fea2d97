import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticlePageBody, articlePageMetadata, findArticlePage, type ArticlePageParams } from "@/components/article/article-page-body";
import { articleTag, boardTag, tagCachedRender } from "@/lib/cache-tags";
import { BOARD_SLUG_PATTERN } from "@/lib/data/boards";

/**
 * A plain article URL, /news/123, in the board's default list: next.config.ts rewrites every
 * article URL whose query names no list state and no comment form to this route (the browser
 * keeps /news/123; this route's own address redirects there). It reads nothing of the request,
 * so Next keeps it in its full-route cache: rendered on the first request (nothing at build,
 * when there may be no database), then served from the cache until a write revalidates its
 * tags (lib/cache-tags.ts) or an hour passes (stale-while-revalidate: the view counts and the
 * list's numbers catch up). Views are counted by the page's beacon request, not by this HTML.
 */
export const revalidate = 3600;
export const dynamicParams = true;

export async function generateStaticParams(): Promise<{ board: string; postId: string }[]> {
  return [];
}

type CachedArticlePageProps = { params: ArticlePageParams };

export async function generateMetadata({ params }: CachedArticlePageProps): Promise<Metadata> {
  return articlePageMetadata(params);
}

export default async function CachedArticlePage({ params }: CachedArticlePageProps) {
  const { board: slug, postId } = await params;
  // Tagged before the lookup, so a cached 404 (an id not published yet) clears when it is.
  if (BOARD_SLUG_PATTERN.test(slug) && /^\d{1,9}$/.test(postId)) await tagCachedRender([articleTag(Number(postId)), boardTag(slug)]);
  const found = await findArticlePage(params);
  if (!found) notFound();
  return <ArticlePageBody {...found} query={{}} />;
}
