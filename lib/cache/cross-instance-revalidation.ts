import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { Client, type Notification } from "pg";
import { databaseUrl, engineOf } from "@/lib/db/engine";
import { SECOND_EXPIRY_MS } from "@/lib/cache/second-expiry";
import { postToSelf } from "@/lib/internal/internal-requests";

/**
 * Cache revalidation that reaches every app instance on one PostgreSQL database.
 *
 * Why: each `next start` process keeps its own full-route cache in memory (next.config.ts,
 * isrFlushToDisk: false), and must, because a cached article carries that process's own script
 * nonce (SECURITY.md). A write revalidates cache tags (lib/cache-tags.ts) only in the process
 * that handled it; without this module the other instances would go on serving the old page.
 *
 * How:
 * - Sending. Every write that revalidates (lib/cache-tags.ts, and the scheduler's publish-due
 *   route) also calls `announceToOtherInstances`, which sends the same invalidation with
 *   PostgreSQL's `pg_notify` on the channel `newsroom_cache`: JSON
 *   `{ from, expire, refresh, layout }`, where `from` is this process's instance id (an instance
 *   ignores its own messages), `expire` the tags to expire at once, `refresh` the tags to mark
 *   stale (served once more, then rebuilt), `layout` whether every page's header changed. Calls
 *   within one tick are sent as one message.
 * - When. The NOTIFY is a separate statement right after the write has committed (the writer
 *   calls the revalidate functions once the data layer has returned), on the app's pool, retried
 *   a few times. Sending it inside the write's transaction would tie it to the commit exactly,
 *   but the data layer would then have to know the cache tags of every write; the price of
 *   sending it after is that a process killed between its commit and its NOTIFY (milliseconds)
 *   leaves the other instances' pages stale until their own revalidate time (an hour for
 *   articles and feeds). A NOTIFY is delivered only to listeners connected at that moment, so
 *   an instance whose listening connection dropped expires every board tag and the layout
 *   when it is back (it may have missed messages; every cached article and feed carries its
 *   board's tag).
 * - Receiving. `startCrossInstanceRevalidation` (instrumentation.ts, on a running server, not
 *   during `next build`) LISTENs on its own `pg` connection, reconnecting with backoff (0.5 s
 *   doubling to 30 s) when it drops. A message from another instance is applied the way
 *   /api/internal/revalidate does it (tags can only be expired inside a request, so the
 *   listener posts to this same server with its internal token), at once and again after
 *   SECOND_EXPIRY_MS, like a local write (see `expireAgainShortly`). A heartbeat query every
 *   30 s finds a connection that died silently.
 * - SQLite: nothing is sent or listened for. A SQLite file belongs to one process (one
 *   `next start`), so there is no other instance to tell.
 */

/** What a write invalidates: tags expired at once, tags marked stale, and the layout of every page. */
export type CacheInvalidation = { expire: string[]; refresh: string[]; layout: boolean };

export const CACHE_INVALIDATION_CHANNEL = "newsroom_cache";

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a message carries at most this many tags. */
const TAGS_PER_MESSAGE = 120;
const SEND_RETRY_DELAYS_MS = [200, 1_000, 3_000];
const RECONNECT_FIRST_DELAY_MS = 500;
const RECONNECT_MAX_DELAY_MS = 30_000;
/**
 * A connection can die without a word (a network cut sends no reset, and TCP keepalive takes
 * many minutes by default): the listener asks `SELECT 1` this often and reconnects when no
 * answer comes within QUERY_TIMEOUT_MS.
 */
const HEARTBEAT_MS = 30_000;
const QUERY_TIMEOUT_MS = 10_000;

/**
 * Kept on globalThis: Next bundles instrumentation.ts (the listener) and the app's routes and
 * actions (the senders) separately, each with its own copy of this module, and they must share
 * one instance id and one second-expiry timer.
 */
type ProcessState = {
  instanceId: string;
  secondExpiry: { expire: Set<string>; layout: boolean; timer?: NodeJS.Timeout };
  outgoing: { invalidation: CacheInvalidation; timer?: NodeJS.Timeout };
  /** mayHaveMissed: a message may have come while this process was not listening. */
  listener: { started: boolean; mayHaveMissed: boolean; failures: number };
};
const processState: ProcessState = ((globalThis as { newsroomCrossInstance?: ProcessState }).newsroomCrossInstance ??= {
  instanceId: `${hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`,
  secondExpiry: { expire: new Set(), layout: false },
  outgoing: { invalidation: emptyInvalidation() },
  listener: { started: false, mayHaveMissed: false, failures: 0 },
});

function emptyInvalidation(): CacheInvalidation {
  return { expire: [], refresh: [], layout: false };
}

/** This process's id in the messages: host, pid and a random part (pids repeat across containers). */
export function instanceId(): string {
  return processState.instanceId;
}

const onPostgres = () => engineOf(databaseUrl()) === "postgresql";

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

// ---------------------------------------------------------------------------------------------
// Expiring in this process

/** Expires in this process now (through /api/internal/revalidate, which runs inside a request). */
function expireHere(invalidation: CacheInvalidation): Promise<void> {
  return postToSelf("/api/internal/revalidate", invalidation);
}

/**
 * Expires the given tags (and, with `layout`, every page) in this process again
 * SECOND_EXPIRY_MS from now. Everything asked for within one window is sent together.
 */
export function expireAgainShortly(tags: string[], { layout = false }: { layout?: boolean } = {}): void {
  const pending = processState.secondExpiry;
  for (const tag of tags) pending.expire.add(tag);
  pending.layout ||= layout;
  if (pending.timer) return;
  pending.timer = setTimeout(() => {
    const batch: CacheInvalidation = { expire: [...pending.expire], refresh: [], layout: pending.layout };
    pending.expire.clear();
    pending.layout = false;
    pending.timer = undefined;
    void expireHere(batch);
  }, SECOND_EXPIRY_MS);
  pending.timer.unref();
}

// ---------------------------------------------------------------------------------------------
// Sending

/**
 * Tells the other instances on this PostgreSQL database to apply `invalidation` too. Call it
 * after the write has committed. Never throws; does nothing on SQLite.
 */
export function announceToOtherInstances(invalidation: Partial<CacheInvalidation>): void {
  if (!onPostgres()) return;
  const outgoing = processState.outgoing;
  outgoing.invalidation.expire.push(...(invalidation.expire ?? []));
  outgoing.invalidation.refresh.push(...(invalidation.refresh ?? []));
  outgoing.invalidation.layout ||= invalidation.layout ?? false;
  if (outgoing.timer) return;
  outgoing.timer = setTimeout(() => {
    const batch = outgoing.invalidation;
    outgoing.invalidation = emptyInvalidation();
    outgoing.timer = undefined;
    void sendMessages(batch);
  }, 0);
}

/** The messages one invalidation is sent as: each under PostgreSQL's payload limit. */
export function messagesFor(invalidation: CacheInvalidation, from = instanceId()): string[] {
  const expire = new Set(invalidation.expire);
  const entries = [
    ...[...expire].map((tag) => ({ tag, expire: true })),
    ...[...new Set(invalidation.refresh)].filter((tag) => !expire.has(tag)).map((tag) => ({ tag, expire: false })),
  ];
  const messages: string[] = [];
  for (let start = 0; start === 0 || start < entries.length; start += TAGS_PER_MESSAGE) {
    const chunk = entries.slice(start, start + TAGS_PER_MESSAGE);
    messages.push(
      JSON.stringify({
        from,
        expire: chunk.filter((entry) => entry.expire).map((entry) => entry.tag),
        refresh: chunk.filter((entry) => !entry.expire).map((entry) => entry.tag),
        layout: start === 0 && invalidation.layout,
      }),
    );
  }
  return messages;
}

async function sendMessages(invalidation: CacheInvalidation): Promise<void> {
  // Imported here: the listener's bundle (instrumentation.ts) never sends, and needs no Prisma client.
  const { sendCacheInvalidationNotice } = await import("@/lib/data/cache-invalidation-notices");
  for (const payload of messagesFor(invalidation)) {
    for (let attempt = 0; ; attempt++) {
      try {
        await sendCacheInvalidationNotice(CACHE_INVALIDATION_CHANNEL, payload);
        break;
      } catch (error) {
        if (attempt >= SEND_RETRY_DELAYS_MS.length) {
          console.error("cross-instance revalidation: NOTIFY failed; other instances keep this page until it expires", error);
          break;
        }
        await delay(SEND_RETRY_DELAYS_MS[attempt]);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Receiving

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/** A message from another instance, or null for this instance's own, a foreign channel or junk. */
export function invalidationFromMessage(payload: string | undefined, ownId = instanceId()): CacheInvalidation | null {
  let message: unknown;
  try {
    message = JSON.parse(payload ?? "");
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null) return null;
  const { from, expire, refresh, layout } = message as Record<string, unknown>;
  if (typeof from !== "string" || from === ownId) return null;
  if (!isStringArray(expire) || !isStringArray(refresh) || typeof layout !== "boolean") return null;
  // The revalidate route accepts only well-formed tags (lib/cache-tags.ts isCacheTag).
  return { expire, refresh, layout };
}

function onNotification(notification: Notification): void {
  if (notification.channel !== CACHE_INVALIDATION_CHANNEL) return;
  const invalidation = invalidationFromMessage(notification.payload);
  if (!invalidation) return;
  void expireHere(invalidation);
  expireAgainShortly(invalidation.expire, { layout: invalidation.layout });
}

/**
 * After a gap in listening: every cached article and feed carries its board's tag
 * (`board:<slug>`, lib/cache-tags.ts boardTag), every page the layout.
 */
async function expireEverything(client: Client): Promise<void> {
  const boards = await client.query<{ slug: string }>(`SELECT "slug" FROM "Board"`);
  const invalidation: CacheInvalidation = { expire: boards.rows.map((board) => `board:${board.slug}`), refresh: [], layout: true };
  void expireHere(invalidation);
  expireAgainShortly(invalidation.expire, { layout: true });
}

function reconnectLater(): void {
  const listener = processState.listener;
  listener.mayHaveMissed = true;
  const backoff = Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_FIRST_DELAY_MS * 2 ** listener.failures);
  listener.failures++;
  setTimeout(() => void listen(), backoff * (0.75 + Math.random() * 0.5)).unref();
}

async function listen(): Promise<void> {
  const listener = processState.listener;
  const client = new Client({
    connectionString: databaseUrl(),
    keepAlive: true,
    connectionTimeoutMillis: QUERY_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: "newsroom cache listener",
  });
  let retired = false;
  let heartbeat: NodeJS.Timeout | undefined;
  // A dropped connection emits 'error' and/or 'end': either way, one reconnect.
  const retire = (error?: unknown) => {
    if (retired) return;
    retired = true;
    clearInterval(heartbeat);
    if (error) console.error("cross-instance revalidation: the listening connection failed; reconnecting", error);
    client.removeAllListeners("notification");
    client.end().catch(() => undefined);
    reconnectLater();
  };
  client.on("notification", onNotification);
  client.on("error", retire);
  client.on("end", () => retire());
  try {
    await client.connect();
    await client.query(`LISTEN ${CACHE_INVALIDATION_CHANNEL}`);
    heartbeat = setInterval(() => void client.query("SELECT 1").catch(retire), HEARTBEAT_MS);
    heartbeat.unref();
    listener.failures = 0;
    if (listener.mayHaveMissed) {
      console.warn("cross-instance revalidation: listening again; expiring every cached page (messages may have been missed)");
      await expireEverything(client);
      listener.mayHaveMissed = false;
    }
  } catch (error) {
    retire(error);
  }
}

/**
 * Starts listening for other instances' invalidations (once per process; instrumentation.ts
 * calls it on a running server). Resolves after the first attempt to connect, so a server
 * whose first attempt succeeded caches no page before it listens; a failed attempt is
 * retried in the background. Does nothing on SQLite.
 */
export async function startCrossInstanceRevalidation(): Promise<void> {
  if (!onPostgres() || processState.listener.started) return;
  processState.listener.started = true;
  await listen();
}
