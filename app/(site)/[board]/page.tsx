import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardListSection } from "@/components/board/board-list-section";
import { parseListState, type RawSearchParams } from "@/lib/board/list-state";
import { findBoardBySlug } from "@/lib/data/boards";
import { getBoardPage } from "@/lib/data/posts";
import { boardListMetadata } from "@/lib/seo/list-seo";

type BoardPageProps = {
  params: Promise<{ board: string }>;
  searchParams: Promise<RawSearchParams>;
};

/** Rendered per request (the list is in the query), never at build time. */
export const dynamic = "force-dynamic";

/** Title, canonical list URL, feeds; search results are noindex (lib/seo/list-seo.ts). */
export async function generateMetadata({ params, searchParams }: BoardPageProps): Promise<Metadata> {
  const board = await findBoardBySlug((await params).board);
  return board ? boardListMetadata(board, parseListState(await searchParams)) : {};
}

/** A board's list: /news?page=3&sort=title&order=desc */
export default async function BoardPage({ params, searchParams }: BoardPageProps) {
  const board = await findBoardBySlug((await params).board);
  if (!board) notFound();
  const list = await getBoardPage(board, parseListState(await searchParams));
  return <BoardListSection board={board} list={list} headingLevel="h1" />;
}
