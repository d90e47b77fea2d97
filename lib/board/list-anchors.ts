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
 * that changes a board's lists forgets that board's anchors (lib/cache-tags.ts, and the
 * internal revalidate route for writes made on other instances), and an anchor is kept at
 * most ANCHOR_TTL_MS in any case (a views or comments sort reorders without a write). A read
 * from an anchor that has since been deleted or moved comes back short: the caller then forgets
 * it and reads with OFFSET. Kept in this process's memory, at most MAX_ANCHORS.
 */
export const ANCHOR_SPACING = 1_000;
const ANCHOR_TTL_MS = 5 * 60_000;
const MAX_ANCHORS = 20_000;

type Anchor = { postId: number; storedAt: number };
const anchors = new Map<string, Anchor>();

/** The key of one anchor: the board first, so a board's anchors can be forgotten together. */
export function anchorKey(boardSlug: string, list: string, block: number): string {
  return `${boardSlug}\u0000${list}\u0000${block}`;
}

export function recallAnchor(key: string, now = Date.now()): number | null {
  const anchor = anchors.get(key);
  if (!anchor) return null;
  if (now - anchor.storedAt > ANCHOR_TTL_MS) {
    anchors.delete(key);
    return null;
  }
  return anchor.postId;
}

export function rememberAnchor(key: string, postId: number, now = Date.now()): void {
  if (anchors.size >= MAX_ANCHORS) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let toDrop = Math.ceil(MAX_ANCHORS / 10);
    for (const oldest of anchors.keys()) {
      anchors.delete(oldest);
      if (--toDrop === 0) break;
    }
  }
  anchors.set(key, { postId, storedAt: now });
}

export function forgetAnchor(key: string): void {
  anchors.delete(key);
}

/** After a write to a board's lists (an article published, moved, deleted, a category changed). */
export function forgetBoardAnchors(boardSlug: string): void {
  const prefix = `${boardSlug}\u0000`;
  for (const key of anchors.keys()) if (key.startsWith(prefix)) anchors.delete(key);
}
