/**
 * What the list pages remember between requests about a board's lists, in this process's
 * memory: where deep pages start (lib/board/list-anchors.ts), what a list holds
 * (lib/board/list-totals.ts) and the board's notices (lib/data/posts.ts). Each is a
 * BoardMemory: entries keyed by board first, kept at most `ttlMs`, at most `maxEntries` of
 * them (the oldest tenth dropped when full).
 *
 * Every write that changes a board's lists forgets all of that board's entries in every
 * memory at once (`forgetBoardLists`): the data layer's writes call it (lib/data/post-writes.ts,
 * comment-writes.ts, moderation.ts, scheduled-posts.ts) and, for writes made on other
 * instances, the internal revalidate route when it hears of them. So a reader never waits for
 * the time limit to see a write; it covers what changes without a write through the app (the
 * views sort, a database edited by hand).
 *
 * A lookup that was under way during such a write would store what it read before the write:
 * so a value is remembered only if no write to its board came since the lookup began
 * (`boardListsGeneration` taken before it, handed to `remember`).
 */
type Entry<T> = { value: T; storedAt: number };

const everyMemory: BoardMemory<unknown>[] = [];
const generations = new Map<string, number>();

/** A number that changes with every write to the board's lists; take it before a lookup. */
export function boardListsGeneration(boardSlug: string): number {
  return generations.get(boardSlug) ?? 0;
}

export class BoardMemory<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number }) {
    everyMemory.push(this as BoardMemory<unknown>);
  }

  /** The key of an entry: the board first, so a board's entries can be forgotten together. */
  static key(boardSlug: string, ...parts: (string | number)[]): string {
    return [boardSlug, ...parts].join("\u0000");
  }

  recall(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > this.options.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` unless the board's lists were written since `generation` (boardListsGeneration). */
  remember(key: string, value: T, generation: number, now = Date.now()): void {
    if (boardListsGeneration(key.slice(0, key.indexOf("\u0000"))) !== generation) return;
    if (this.entries.size >= this.options.maxEntries) {
      // Maps iterate in insertion order: drop the oldest tenth.
      let toDrop = Math.ceil(this.options.maxEntries / 10);
      for (const oldest of this.entries.keys()) {
        this.entries.delete(oldest);
        if (--toDrop === 0) break;
      }
    }
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: now });
  }

  /** The remembered value, or what `find` reads, remembered unless the board was written meanwhile. */
  async recallOrFind(key: string, find: () => Promise<T>): Promise<T> {
    const remembered = this.recall(key);
    if (remembered !== undefined) return remembered;
    const generation = boardListsGeneration(key.slice(0, key.indexOf("\u0000")));
    const found = await find();
    this.remember(key, found, generation);
    return found;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  forgetBoard(boardSlug: string): void {
    const prefix = `${boardSlug}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

/** After a write to a board's lists (an article published, moved, deleted, commented, a category changed). */
export function forgetBoardLists(boardSlug: string): void {
  generations.set(boardSlug, boardListsGeneration(boardSlug) + 1);
  for (const memory of everyMemory) memory.forgetBoard(boardSlug);
}
