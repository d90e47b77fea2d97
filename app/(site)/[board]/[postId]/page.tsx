import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleToolbar } from "@/components/article/article-toolbar";
import { ArticleView } from "@/components/article/article-view";
import { ViewBeacon } from "@/components/article/view-beacon";
import { CommentSection } from "@/components/article/comment-section";
import { BoardListSection } from "@/components/board/board-list-section";
import { articleHref, parseListState, type RawSearchParams } from "@/lib/board/list-state";
import { findBoardBySlug } from "@/lib/data/boards";
import { getCommentThread } from "@/lib/data/comments";
import { findArticle, findNeighbours, findPageOfArticle, getBoardPage } from "@/lib/data/posts";

type ArticlePageProps = {
  params: Promise<{ board: string; postId: string }>;
  searchParams: Promise<RawSearchParams>;
};

async function load(params: ArticlePageProps["params"]) {
  const { board: slug, postId } = await params;
  if (!/^\d{1,9}$/.test(postId)) return null;
  const board = await findBoardBySlug(slug);
  if (!board) return null;
  const article = await findArticle(board.id, Number(postId));
  return article ? { board, article } : null;
}

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const found = await load(params);
  return found ? { title: found.article.title } : {};
}

/**
 * An article, its toolbar, its comments, and under them the board list at the page where the
 * article sits in the list the reader came from (category, search, sort and order travel in
 * the query; ?page=… when the reader came from a page, otherwise computed). Previous/next
 * follow that same list and leave the page to be computed, so they cross page edges.
 */
export default async function ArticlePage({ params, searchParams }: ArticlePageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { board, article } = found;
  const query = await searchParams;
  const state = parseListState(query);
  const page = query.page ? state.page : await findPageOfArticle(board, article, state);
  const [comments, list, neighbours] = await Promise.all([
    getCommentThread(article.id),
    getBoardPage(board, { ...state, page }),
    findNeighbours(board, article, state),
  ]);
  const neighbourLink = (neighbour: typeof neighbours.previous) =>
    neighbour && { href: articleHref(board.slug, neighbour.id, { ...state, page: 1 }), title: neighbour.title };
  return (
    <>
      <ArticleToolbar
        previous={neighbourLink(neighbours.previous)}
        next={neighbourLink(neighbours.next)}
        printHref={`/${board.slug}/${article.id}/print?autoprint=1`}
      />
      <ArticleView article={article} boardTitle={board.title} />
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
