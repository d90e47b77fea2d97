import { BoardListSection } from "@/components/board/board-list-section";
import { ARTICLE_SIZED_BOARD, ARTICLE_SIZED_LIST } from "../article-sized-list";
import { CONTROL_METADATA } from "../control-list";

/**
 * Control page of `npm run bench` (scripts/bench.ts): /bench/prerendered with more list rows,
 * so its HTML is about an article page's size (the article is ~100 kB, the list control ~71 kB).
 * Rendered once at build and served from the full-route cache; the ceiling for cached pages of
 * that size (the bench compares each cached row with the control closest in HTML size). Not a
 * reader's page: noindex, and /bench/ is disallowed in robots.txt.
 */
export const dynamic = "force-static";

export const metadata = CONTROL_METADATA;

export default function PrerenderedArticleSizedControlPage() {
  return <BoardListSection board={ARTICLE_SIZED_BOARD} list={ARTICLE_SIZED_LIST} headingLevel="h1" />;
}
