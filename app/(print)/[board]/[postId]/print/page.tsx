import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AutoPrint } from "@/components/print/auto-print";
import { PrintActions } from "@/components/print/print-actions";
import { PrintArticle } from "@/components/print/print-article";
import { PrintComments } from "@/components/print/print-comments";
import { findBoardBySlug } from "@/lib/data/boards";
import { getCommentThread } from "@/lib/data/comments";
import { findArticle } from "@/lib/data/posts";
import { absoluteUrlOn, publicBaseUrl } from "@/lib/http/public-origin";
import { parsePrintOptions, printViewHref } from "@/lib/print/print-options";
import { qrCodeSvg } from "@/lib/print/qr-code";

/**
 * The print view of an article: /news/123/print, laid out for A4 (app/(print)/print-view.css).
 * `?comments=1` adds the comment thread, `?autoprint=1` (the toolbar's 인쇄) opens the print
 * dialog once it has loaded. Rendered per request, which keeps it simple: it is read far less
 * than the article, and it prints the address the reader came in on when no SITE_URL (or
 * NEXTAUTH_URL) is configured (lib/http/public-origin.ts), which a cached page could not.
 * It has no view beacon (the reader's view was counted on the article page) and is kept out
 * of search engines (robots noindex here, X-Robots-Tag in next.config.ts; robots.txt also
 * disallows it).
 */
export const dynamic = "force-dynamic";

type PrintPageParams = Promise<{ board: string; postId: string }>;
type PrintPageProps = { params: PrintPageParams; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The board and its published article, as the article page finds them: drafts do not print. */
async function findPrintedArticle(params: PrintPageParams) {
  const { board: slug, postId } = await params;
  if (!/^\d{1,9}$/.test(postId)) return null;
  const board = await findBoardBySlug(slug);
  const article = board && (await findArticle(board.id, Number(postId)));
  return board && article ? { board, article } : null;
}

export async function generateMetadata({ params }: PrintPageProps): Promise<Metadata> {
  const found = await findPrintedArticle(params);
  return { ...(found && { title: found.article.title }), robots: { index: false, follow: true } };
}

export default async function PrintPage({ params, searchParams }: PrintPageProps) {
  const found = await findPrintedArticle(params);
  if (!found) notFound();
  const { board, article } = found;
  const options = parsePrintOptions(await searchParams);
  const articlePath = `/${board.slug}/${article.id}`;
  const articleUrl = absoluteUrlOn(publicBaseUrl(await headers()), articlePath);
  const [qrSvg, comments] = await Promise.all([qrCodeSvg(articleUrl), options.comments ? getCommentThread(article.id) : null]);
  return (
    <>
      <PrintActions
        articlePath={articlePath}
        toggleCommentsHref={printViewHref(board.slug, article.id, { comments: !options.comments })}
        commentsShown={options.comments}
      />
      <main id="main" className="print-sheet">
        <PrintArticle article={article} boardTitle={board.title} articleUrl={articleUrl} qrSvg={qrSvg} />
        {comments && <PrintComments comments={comments} count={article.commentCount} />}
      </main>
      {options.autoprint && <AutoPrint />}
    </>
  );
}
