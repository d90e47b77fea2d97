import { ArticlePageView } from "@/components/article/article-page-body";
import { CONTROL_ARTICLE_METADATA, CONTROL_ARTICLE_PAGE } from "../control-article";

/**
 * Control page of `npm run bench` (scripts/bench.ts): the article page's own markup (toolbar,
 * article, comment form, the board list under it) for a fixed article, rendered once at build
 * and served from the full-route cache. A plain prerendered page of an article's size, raw and
 * gzipped: the ceiling for the cached article (and the feed, the control closest to it in
 * size). Not a reader's page: noindex, and /bench/ is disallowed in robots.txt.
 */
export const dynamic = "force-static";

export const metadata = CONTROL_ARTICLE_METADATA;

export default function PrerenderedArticleControlPage() {
  return <ArticlePageView {...CONTROL_ARTICLE_PAGE} />;
}
