import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardListSection } from "@/components/board/board-list-section";
import { parseListState } from "@/lib/board/list-state";
import { boardListTag, boardTag, tagCachedRender } from "@/lib/cache-tags";
import { BOARD_SLUG_PATTERN, findBoardBySlug } from "@/lib/data/boards";
import { getBoardPage } from "@/lib/data/posts";
import { boardListMetadata } from "@/lib/seo/list-seo";

/**
 * A board's first page in its own order, /news: the page most readers open the board on.
 * next.config.ts rewrites every board URL whose query names no list state to this route (the
 * browser keeps /news; this route's own address redirects there), so Next keeps it in its
 * full-route cache: rendered on the first request, then served from the cache until a write
 * expires its tags (lib/cache-tags.ts: a new, edited or deleted article, a comment, the board's
 * settings) or a minute passes, so the view counts it shows stay close to the live ones.
 * Any other page, sort, category or search is rendered per request by app/(site)/[board].
 */
export const revalidate = 60;
export const dynamicParams = true;

export async function generateStaticParams(): Promise<{ board: string }[]> {
  return [];
}

type CachedBoardPageProps = { params: Promise<{ board: string }> };

const FIRST_PAGE = parseListState({});

export async function generateMetadata({ params }: CachedBoardPageProps): Promise<Metadata> {
  const board = await findBoardBySlug((await params).board);
  return board ? boardListMetadata(board, FIRST_PAGE) : {};
}

export default async function CachedBoardPage({ params }: CachedBoardPageProps) {
  const { board: slug } = await params;
  // Tagged before the lookup, so a cached 404 (a board not made yet) clears when it is.
  if (BOARD_SLUG_PATTERN.test(slug)) await tagCachedRender([boardListTag(slug), boardTag(slug)]);
  const board = await findBoardBySlug(slug);
  if (!board) notFound();
  const list = await getBoardPage(board, FIRST_PAGE);
  return <BoardListSection board={board} list={list} headingLevel="h1" />;
}
