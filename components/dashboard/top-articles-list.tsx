import Link from "next/link";
import type { TopArticle } from "@/lib/data/view-stats";
import { formatCount } from "@/lib/format";
import { postStatsHref } from "./dashboard-post-table";

/** The week's most-read articles, most views first, each linking to its stats. */
export function TopArticlesList({ articles }: { articles: TopArticle[] }) {
  if (articles.length === 0) return <p className="py-6 text-center text-sm text-gray-500">최근 7일 동안 조회 기록이 없습니다.</p>;
  return (
    <ol className="divide-y divide-gray-100 text-sm">
      {articles.map((article, index) => (
        <li key={article.postId} className="flex items-baseline gap-3 py-2">
          <span aria-hidden="true" className={`w-5 shrink-0 text-right font-bold tabular-nums ${index < 3 ? "text-brand-700" : "text-gray-400"}`}>
            {index + 1}
          </span>
          <Link href={postStatsHref(article.postId)} className="min-w-0 flex-1 truncate text-gray-900 hover:text-brand-700 hover:underline" title={article.title}>
            <span className="sr-only">{index + 1}위: </span>
            {article.title}
          </Link>
          <span className="shrink-0 tabular-nums text-gray-600">
            {formatCount(article.views)}
            <span className="sr-only">회 조회</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
