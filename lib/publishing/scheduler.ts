import "server-only";
import { nextScheduledTime } from "@/lib/data/scheduled-posts";
import { postToSelf } from "@/lib/internal/internal-requests";

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

const publishDue = () => postToSelf("/api/internal/publish-due");

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
