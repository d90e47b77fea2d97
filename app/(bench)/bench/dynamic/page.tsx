import { connection } from "next/server";
import { BoardListSection } from "@/components/board/board-list-section";
import { CONTROL_BOARD, CONTROL_LIST, CONTROL_METADATA } from "../control-list";

/**
 * Control page of `npm run bench` (scripts/bench.ts): the same board list markup rendered on
 * every request, without a database. What rendering alone costs; the dynamic public pages
 * (deep pages, sorts, categories, search) are measured against it (target 0.7×). Not a
 * reader's page: noindex, and /bench/ is disallowed in robots.txt.
 */
export const dynamic = "force-dynamic";

export const metadata = CONTROL_METADATA;

export default async function DynamicControlPage() {
  await connection();
  return <BoardListSection board={CONTROL_BOARD} list={CONTROL_LIST} headingLevel="h1" />;
}
