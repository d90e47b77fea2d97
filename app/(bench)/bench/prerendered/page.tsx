import { BoardListSection } from "@/components/board/board-list-section";
import { CONTROL_BOARD, CONTROL_LIST, CONTROL_METADATA } from "../control-list";

/**
 * Control page of `npm run bench` (scripts/bench.ts): a board list page rendered once, at
 * build time, and served as a file from then on. The ceiling for the cached public pages
 * (list page 1, articles, feeds), which the issue asks to reach 0.9× of. Not a reader's page:
 * noindex, and /bench/ is disallowed in robots.txt.
 */
export const dynamic = "force-static";

export const metadata = CONTROL_METADATA;

export default function PrerenderedControlPage() {
  return <BoardListSection board={CONTROL_BOARD} list={CONTROL_LIST} headingLevel="h1" />;
}
