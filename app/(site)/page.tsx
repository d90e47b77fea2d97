import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardListSection } from "@/components/board/board-list-section";
import { parseListState, type RawSearchParams } from "@/lib/board/list-state";
import { findFrontPageBoard } from "@/lib/data/boards";
import { getBoardPage } from "@/lib/data/posts";
import { frontPageMetadata } from "@/lib/seo/list-seo";

/** Rendered per request (the list is in the query), never at build time. */
export const dynamic = "force-dynamic";

type FrontPageProps = { searchParams: Promise<RawSearchParams> };

/** The site's title, canonical URL and feeds (lib/seo/list-seo.ts). */
export async function generateMetadata({ searchParams }: FrontPageProps): Promise<Metadata> {
  return frontPageMetadata(await findFrontPageBoard(), parseListState(await searchParams));
}

/** The front page shows the first board's list; its links lead to that board's own address. */
export default async function FrontPage({ searchParams }: FrontPageProps) {
  const board = await findFrontPageBoard();
  if (!board) notFound();
  const list = await getBoardPage(board, parseListState(await searchParams));
  return <BoardListSection board={board} list={list} headingLevel="h1" />;
}
