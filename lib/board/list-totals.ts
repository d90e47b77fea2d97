import { BoardMemory } from "@/lib/board/board-memory";

/**
 * What a board list holds, remembered for a minute: how many rows, and for a search, how its
 * results are read (the drive, lib/data/list-query.ts) and whether the count is the capped
 * newest 1,000. For a search, finding that out is most of its cost (an index probe of up to
 * 5,001 matches, then a count of up to 1,001 results); for a board or a category it is one
 * more statement per page (the counts the triggers keep). Readers paging through a board, or
 * many readers searching the day's word, ask the same again and again.
 *
 * Any write to the board's lists (an article published, edited, moved, deleted, a comment)
 * forgets the board's totals at once, on every instance (lib/board/board-memory.ts), so a write
 * shows in the next page; the minute only bounds how long a total is trusted at all.
 */
export type ListTotal = {
  total: number;
  /** True when a search matched more than it shows: `total` is then its newest 1,000. */
  totalIsLimited: boolean;
  /** How a search reads its results; null for a list without a search. */
  drive: "matches" | "list" | null;
};

const totals = new BoardMemory<ListTotal>({ ttlMs: 60_000, maxEntries: 5_000 });

/** The key of a list: its board, category and search (not its sort or page, which keep the total). */
export function listTotalKey(boardSlug: string, list: { categoryId: number | null; search: { target: string; terms: unknown } | null }): string {
  return BoardMemory.key(boardSlug, JSON.stringify([list.categoryId, list.search?.target ?? null, list.search?.terms ?? null]));
}

/** The list's remembered total, or the one `find` reads (then remembered). */
export function listTotalOf(key: string, find: () => Promise<ListTotal>): Promise<ListTotal> {
  return totals.recallOrFind(key, find);
}

export function recallListTotal(key: string): ListTotal | undefined {
  return totals.recall(key);
}

/** `generation`: boardListsGeneration before the total was looked up. */
export function rememberListTotal(key: string, found: ListTotal, generation: number): void {
  totals.remember(key, found, generation);
}
