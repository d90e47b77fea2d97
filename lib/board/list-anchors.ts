import { BoardMemory } from "@/lib/board/board-memory";

/**
 * Where deep list pages start reading. Page 5,000 of a board is 99,980 rows down its list
 * index; reading it with OFFSET walks all of them on every request. Instead, the id of every
 * ANCHOR_SPACING-th row of a list is remembered here, and a deep page reads from the nearest
 * anchor above it (a keyset range, `(sort value, id) <= anchor`) and skips fewer than
 * ANCHOR_SPACING rows: the first visit to a block of pages pays the walk once, every later
 * page in it costs what page 1 does. lib/data/posts.ts does the reading.
 *
 * Anchors are ids, not positions: an anchor stays a correct place to start reading when rows
 * are added or removed above it, only its page number drifts by those rows. So every write
 * that changes a board's lists forgets that board's anchors (lib/board/board-memory.ts), and an
 * anchor is kept at most five minutes in any case (a views or comments sort reorders without a
 * write). A read from an anchor that has since been deleted or moved comes back short: the
 * caller then forgets it and reads with OFFSET.
 */
export const ANCHOR_SPACING = 1_000;

const anchors = new BoardMemory<number>({ ttlMs: 5 * 60_000, maxEntries: 20_000 });

/** The key of one anchor: the board, the list (category and order) and the block of rows. */
export function anchorKey(boardSlug: string, list: string, block: number): string {
  return BoardMemory.key(boardSlug, list, block);
}

export function recallAnchor(key: string): number | null {
  return anchors.recall(key) ?? null;
}

/** `generation`: boardListsGeneration before the anchor was looked up. */
export function rememberAnchor(key: string, postId: number, generation: number): void {
  anchors.remember(key, postId, generation);
}

export function forgetAnchor(key: string): void {
  anchors.forget(key);
}
