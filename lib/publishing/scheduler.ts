import "server-only";
import { nextScheduledTime } from "@/lib/data/scheduled-posts";
import { internalToken } from "./internal-token";

/**
 * Publishes scheduled articles on time without a cron process: started once per server
 * (instrumentation.ts), it looks every POLL_MS for the next scheduled article and, when one is
 * due within the next poll, sets a timer for that moment. When it fires it asks this same
 * server to POST /api/internal/publish-due, because revalidating cached pages (what makes the
 * article appear) only works inside a request.
 *
 * `wakeScheduler()` makes it look again at once (the schedule action calls it).
 */
const POLL_MS = 5_000;

type SchedulerState = { timer?: NodeJS.Timeout; dueTimer?: NodeJS.Timeout; running: boolean };
const state: SchedulerState = ((globalThis as { newsroomScheduler?: SchedulerState }).newsroomScheduler ??= { running: false });

function serverBaseUrl(): string {
  return process.env.INTERNAL_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
}

async function publishDue(): Promise<void> {
  try {
    await fetch(`${serverBaseUrl()}/api/internal/publish-due`, {
      method: "POST",
      headers: { "x-internal-token": await internalToken() },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    console.error("scheduler: publishing due articles failed", error);
  }
}

async function look(): Promise<void> {
  if (state.running) return;
  state.running = true;
  try {
    const next = await nextScheduledTime();
    if (!next) return;
    const wait = next.getTime() - Date.now();
    if (wait <= 0) {
      await publishDue();
    } else if (wait <= POLL_MS) {
      clearTimeout(state.dueTimer);
      state.dueTimer = setTimeout(() => void publishDue(), wait + 50);
      state.dueTimer.unref();
    }
  } catch (error) {
    console.error("scheduler: reading the schedule failed", error);
  } finally {
    state.running = false;
  }
}

export function startScheduler(): void {
  if (state.timer) return;
  state.timer = setInterval(() => void look(), POLL_MS);
  state.timer.unref();
  void look();
}

export function wakeScheduler(): void {
  if (state.timer) void look();
}
