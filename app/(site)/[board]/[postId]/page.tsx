import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticlePageBody, articlePageMetadata, findArticlePage, type ArticlePageParams } from "@/components/article/article-page-body";
import type { RawSearchParams } from "@/lib/board/list-state";

/**
 * An article in the list the reader came from: /news/123?sort=title&page=2, or with a comment
 * form open for readers without JavaScript (?reply= / ?edit= / ?delete=). Rendered per request
 * (the query names the list). A plain /news/123 never reaches this page: next.config.ts
 * rewrites it to ./cached, the same page in the board's default list, served from the cache.
 */
export const dynamic = "force-dynamic";

type ArticlePageProps = { params: ArticlePageParams; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  return articlePageMetadata(params);
}

export default async function ArticlePage({ params, searchParams }: ArticlePageProps) {
  const found = await findArticlePage(params);
  if (!found) notFound();
  return <ArticlePageBody {...found} query={await searchParams} />;
}
