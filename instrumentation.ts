/**
 * Runs once when a server process starts. On the Node.js runtime of a running server (not
 * during `next build`) it starts the scheduler that publishes scheduled articles on time and,
 * on PostgreSQL, the listener that applies other app instances' cache invalidations
 * (lib/cache/cross-instance-revalidation.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startCrossInstanceRevalidation } = await import("./lib/cache/cross-instance-revalidation");
  await startCrossInstanceRevalidation();
  const { startScheduler } = await import("./lib/publishing/scheduler");
  startScheduler();
}
