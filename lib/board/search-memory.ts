import { BoardMemory } from "@/lib/board/board-memory";

/**
 * What a board search found, remembered for a minute: how its results are read (the drive,
 * lib/data/list-query.ts), how many there are and whether that is the capped newest 1,000.
 * Finding that out is most of a search's cost (an index probe of up to 5,001 matches, then a
 * count of up to 1,001 results), and a reader paging through results, or many readers
 * searching the day's word, ask the same again and again; the page of rows itself is cheap.
 *
 * Any write to the board's lists (an article published, edited, moved, deleted, a comment)
 * forgets the board's searches at once, on every instance (lib/board/board-memory.ts), so a
 * write shows in the next search; the minute only bounds how long nothing else is asked.
 */
export type RememberedSearch = { drive: "matches" | "list"; total: number; totalIsLimited: boolean };

const searches = new BoardMemory<RememberedSearch>({ ttlMs: 60_000, maxEntries: 5_000 });

/** The key of a search: its board, and everything that decides its results (not the sort or page). */
export function searchKey(boardSlug: string, search: { categoryId: number | null; target: string; terms: unknown }): string {
  return BoardMemory.key(boardSlug, JSON.stringify([search.categoryId, search.target, search.terms]));
}

export function recallSearch(key: string): RememberedSearch | undefined {
  return searches.recall(key);
}

/** `generation`: boardListsGeneration before the search was looked up. */
export function rememberSearch(key: string, found: RememberedSearch, generation: number): void {
  searches.remember(key, found, generation);
}
