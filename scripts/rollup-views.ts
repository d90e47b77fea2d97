/**
 * `npm run views:rollup -- --older-than-days 90`: rolls ViewEvents older than N days (default
 * 90) up into daily counts (ViewDaily). View counts and stats stay the same; the event table
 * stays small. Safe to run while the site is up, e.g. daily from cron.
 */
import { createDatabase } from "../lib/db/client";
import { rollUpViews } from "../lib/views/view-rollup";

async function main() {
  const index = process.argv.indexOf("--older-than-days");
  const days = index === -1 ? 90 : Number(process.argv[index + 1]);
  if (!Number.isInteger(days) || days < 1) {
    console.error(`--older-than-days needs a whole number of at least 1, got "${process.argv[index + 1] ?? ""}"`);
    process.exit(2);
  }
  const database = createDatabase();
  try {
    const started = Date.now();
    const result = await rollUpViews(database, { olderThanDays: days });
    console.log(`Rolled ${result.events.toLocaleString("en")} view events from before ${result.cutoffDay} into daily counts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await database.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
