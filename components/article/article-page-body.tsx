import type { Metadata } from "next";
import { ArticleToolbar } from "@/components/article/article-toolbar";
import { ArticleView } from "@/components/article/article-view";
import { CommentSection } from "@/components/article/comment-section";
import { ViewBeacon } from "@/components/article/view-beacon";
import { BoardListSection } from "@/components/board/board-list-section";
import { articleHref, parseListState, type RawSearchParams } from "@/lib/board/list-state";
import { findBoardBySlug, type BoardSummary } from "@/lib/data/boards";
import { getCommentThread, type CommentNode } from "@/lib/data/comments";
import { findArticle, findNeighbours, findPageOfArticle, getBoardPage, type Article, type BoardPage, type Neighbours } from "@/lib/data/posts";
import { JsonLd } from "@/components/seo/json-ld";
import { articleJsonLd, articleMetadata } from "@/lib/seo/article-seo";
import { printViewHref } from "@/lib/print/print-options";

/**
 * The article page, shared by its two routes: app/(site)/[board]/[postId] (rendered per
 * request, for a URL with a list state or an open comment form in its query) and
 * app/(site)/[board]/[postId]/cached (a plain article URL, in the board's default list, served
 * from Next's full-route cache; next.config.ts rewrites to it).
 */

export type ArticlePageParams = Promise<{ board: string; postId: string }>;
export type ArticlePageData = { board: BoardSummary; article: Article };

/** The board and its visible article named by the URL, or null (a 404). */
export async function findArticlePage(params: ArticlePageParams): Promise<ArticlePageData | null> {
  const { board: slug, postId } = await params;
  if (!/^\d{1,9}$/.test(postId)) return null;
  const board = await findBoardBySlug(slug);
  if (!board) return null;
  const article = await findArticle(board.id, Number(postId));
  return article ? { board, article } : null;
}

/** Title, description, canonical URL, feeds, Open Graph and Twitter card (lib/seo/article-seo.ts), the same on both routes. */
export async function articlePageMetadata(params: ArticlePageParams): Promise<Metadata> {
  const found = await findArticlePage(params);
  return found ? articleMetadata(found.board, found.article) : {};
}

/**
 * An article, its toolbar, its comments, and under them the board list at the page where the
 * article sits in the list the reader came from (category, search, sort and order travel in
 * the query; ?page=… when the reader came from a page, otherwise computed). Previous/next
 * follow that same list and leave the page to be computed, so they cross page edges. The same
 * for every reader: nothing here reads the session, cookies or headers, and the view is
 * counted by the beacon's own request, never by this HTML.
 */
export async function ArticlePageBody({ board, article, query }: ArticlePageData & { query: RawSearchParams }) {
  const state = parseListState(query);
  const page = query.page ? state.page : await findPageOfArticle(board, article, state);
  const [comments, list, neighbours] = await Promise.all([
    getCommentThread(article.id),
    getBoardPage(board, { ...state, page }),
    findNeighbours(board, article, state),
  ]);
  return <ArticlePageView board={board} article={article} query={query} comments={comments} list={list} neighbours={neighbours} />;
}

export type ArticlePageViewProps = ArticlePageData & {
  query: RawSearchParams;
  comments: CommentNode[];
  list: BoardPage;
  neighbours: Neighbours;
};

/**
 * The article page's markup from what ArticlePageBody read: no database. Also rendered, with
 * a fixed article, by the benchmark's article-shaped control page (app/(bench)).
 */
export function ArticlePageView({ board, article, query, comments, list, neighbours }: ArticlePageViewProps) {
  const state = parseListState(query);
  const neighbourLink = (neighbour: Neighbours["previous"]) =>
    neighbour && { href: articleHref(board.slug, neighbour.id, { ...state, page: 1 }), title: neighbour.title };
  return (
    <>
      <ArticleToolbar
        previous={neighbourLink(neighbours.previous)}
        next={neighbourLink(neighbours.next)}
        printHref={printViewHref(board.slug, article.id, { autoprint: true })}
      />
      <ArticleView article={article} boardTitle={board.title} />
      <JsonLd data={articleJsonLd(board, article)} />
      <ViewBeacon postId={article.id} />
      <noscript>
        {/* Without JavaScript the view is counted by this image instead of the beacon. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={`/api/views?post=${article.id}`} alt="" width={1} height={1} className="absolute" />
      </noscript>
      <CommentSection board={board} article={article} comments={comments} query={query} />
      <div className="mt-12">
        <BoardListSection board={board} list={list} headingLevel="h2" currentPostId={article.id} />
      </div>
    </>
  );
}
