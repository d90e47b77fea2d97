/**
 * Writes counted views in batches, with group commit: every view waits until the transaction
 * holding it has committed, so a view is acknowledged only once it is stored. A crash loses
 * only views nobody was told were counted; a clean shutdown (SIGTERM) flushes what is queued.
 *
 * One transaction per batch:
 *   INSERT INTO ViewEvent … ON CONFLICT DO NOTHING RETURNING postId
 *   UPDATE Post SET viewCount = viewCount + n   (one statement per post, n = rows inserted)
 * The unique key (post, visitor, bucket) decides what counts, and the counter moves only by
 * the rows that were really inserted, in the same transaction: viewCount always equals the
 * post's events. Many views of one hot article become one UPDATE per batch, not one each.
 *
 * Several app instances on one PostgreSQL each batch their own views, and their batches run
 * at the same time. Each batch takes its locks in one order: the events sorted by (post,
 * visitor, window), then the posts' counters by id. Two batches then never wait for each
 * other in a circle (a deadlock, which PostgreSQL would settle by failing one batch's views):
 * a batch inserting an event another has inserted but not committed waits for it and then
 * skips it (ON CONFLICT), and the counters are taken in ascending id everywhere.
 */
import type { Database } from "../db/client";
import { encodeValue } from "../db/bulk-insert";

export type PendingView = { postId: number; visitorKey: string; bucket: string; at: Date };

type Waiting = PendingView & { settle: (counted: boolean) => void; fail: (error: unknown) => void };

export type ViewRecorderOptions = {
  /** How long the first view of a batch waits for company (ms). */
  delayMs?: number;
  /** A batch is written at once when it reaches this size. */
  maxBatch?: number;
};

/** Rows per INSERT: 4 parameters each, well under both engines' limits. */
const ROWS_PER_STATEMENT = 1_000;

export class ViewRecorder {
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly delayMs: number;
  private readonly maxBatch: number;

  constructor(
    private readonly database: Database,
    options: ViewRecorderOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 5;
    this.maxBatch = options.maxBatch ?? 2_000;
  }

  /** Resolves true when the view was stored and counted, false when it was a repeat in its window. */
  record(view: PendingView): Promise<boolean> {
    return new Promise((settle, fail) => {
      this.queue.push({ ...view, settle, fail });
      if (this.queue.length >= this.maxBatch) this.flushSoon(0);
      else this.flushSoon(this.delayMs);
    });
  }

  /** Writes everything queued so far; resolves when it is committed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Batches are written one after another: the next starts when the last has committed.
    this.writing = this.writing.then(() => this.writeBatch());
    return this.writing;
  }

  private flushSoon(delayMs: number) {
    if (this.timer && delayMs > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue.splice(0, this.queue.length);
    if (batch.length === 0) return;
    const inLockOrder = [...batch].sort(compareViews);
    try {
      const inserted = await this.database.$transaction(async (tx) => {
        const counted = new Set<string>();
        const perPost = new Map<number, number>();
        for (let start = 0; start < inLockOrder.length; start += ROWS_PER_STATEMENT) {
          const chunk = inLockOrder.slice(start, start + ROWS_PER_STATEMENT);
          const rows = await tx.$queryRawUnsafe<{ postId: number | bigint; visitorKey: string; bucket: string }[]>(
            insertSql(this.database, chunk.length),
            ...chunk.flatMap((view) => [view.postId, view.visitorKey, view.bucket, encodeValue(this.database, view.at)]),
          );
          for (const row of rows) {
            const postId = Number(row.postId);
            counted.add(keyOf(postId, row.visitorKey, row.bucket));
            perPost.set(postId, (perPost.get(postId) ?? 0) + 1);
          }
        }
        for (const [postId, views] of [...perPost].sort(([a], [b]) => a - b)) {
          await tx.$executeRawUnsafe(
            `UPDATE "Post" SET "viewCount" = "viewCount" + ${placeholder(this.database, 1)} WHERE "id" = ${placeholder(this.database, 2)}`,
            views,
            postId,
          );
        }
        return counted;
      }, { maxWait: 10_000, timeout: 20_000 });
      // A key inserted once counts for the first view that asked for it; repeats in the same batch do not.
      for (const view of batch) {
        const key = keyOf(view.postId, view.visitorKey, view.bucket);
        view.settle(inserted.delete(key));
      }
    } catch (error) {
      for (const view of batch) view.fail(error);
    }
  }
}

/** The order a batch inserts its events in (see the top of this file). */
function compareViews(a: PendingView, b: PendingView): number {
  return a.postId - b.postId || compare(a.visitorKey, b.visitorKey) || compare(a.bucket, b.bucket);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const keyOf = (postId: number, visitorKey: string, bucket: string) => `${postId}\u0000${visitorKey}\u0000${bucket}`;

const placeholder = (database: Database, index: number) => (database.engine === "sqlite" ? "?" : `$${index}`);

function insertSql(database: Database, rows: number): string {
  let parameter = 0;
  const next = () => placeholder(database, ++parameter);
  const values = Array.from({ length: rows }, () => `(${next()}, ${next()}, ${next()}, ${next()})`).join(", ");
  return (
    `INSERT INTO "ViewEvent" ("postId", "visitorKey", "bucket", "createdAt") VALUES ${values} ` +
    `ON CONFLICT ("postId", "visitorKey", "bucket") DO NOTHING RETURNING "postId", "visitorKey", "bucket"`
  );
}
