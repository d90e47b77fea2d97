import type { Article } from "@/lib/data/posts";
import { formatCount, formatDateTime, isoKoreanTime } from "@/lib/format";
import { siteConfig } from "@/lib/site-config";
import { ArticleContent } from "./article-content";
import { InPageLink } from "./in-page-link";
import { PrintAddress } from "./print-address";

/**
 * The article: headline, byline, date and time, views and comments, then the body.
 * The body HTML is stored sanitized (seeded or written through the dashboard's sanitizer).
 */
export function ArticleView({ article, boardTitle }: { article: Article; boardTitle: string }) {
  return (
    <article aria-labelledby="article-title">
      <header className="border-b border-gray-300 pb-4">
        <p className="text-sm font-semibold text-brand-600">
          {article.isNotice ? "공지 · " : ""}
          {boardTitle}
        </p>
        <h1 id="article-title" className="mt-1 text-2xl font-bold leading-snug text-gray-900 sm:text-3xl">
          {article.title}
        </h1>
        {article.subtitle && <p className="mt-2 text-lg text-gray-700">{article.subtitle}</p>}
        <dl className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-sm text-gray-600">
          <div className="flex gap-1.5">
            <dt className="sr-only">글쓴이</dt>
            <dd className="font-semibold text-gray-800">{article.authorName}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt>날짜</dt>
            <dd>
              <time dateTime={isoKoreanTime(article.publishedAt)}>{formatDateTime(article.publishedAt)}</time>
            </dd>
          </div>
          <div className="flex gap-1.5">
            <dt>조회 수</dt>
            <dd>{formatCount(article.viewCount)}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt>댓글</dt>
            <dd>
              <InPageLink href="#comments" className="hover:text-brand-700 hover:underline">
                {formatCount(article.commentCount)}
              </InPageLink>
            </dd>
          </div>
        </dl>
        <PrintAddress siteName={siteConfig.name} />
      </header>
      <ArticleContent leadImage={article.leadImage} bodyHtml={article.bodyHtml} tags={article.tags} />
    </article>
  );
}
