/**
 * `npm run seed` rebuilds the demo site (it replaces what the database holds).
 *   --posts N   numbered articles on the demo board (default 560; 100000 for benchmarks)
 *   --seed S    PRNG seed (default 2020): the same seed always gives the same site
 */
import { createDatabase } from "../lib/db/client";
import { databaseUrl, engineOf } from "../lib/db/engine";
import { DEFAULT_POST_COUNT, DEFAULT_RANDOM_SEED, seedDemoSite } from "../lib/seed/seed-site";
import { migrate } from "./migrate";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} needs a whole number, got "${process.argv[index + 1] ?? ""}"`);
    process.exit(2);
  }
  return value;
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.floor((done / total) * 100)).padStart(3)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
}

async function main() {
  const posts = option("posts", DEFAULT_POST_COUNT);
  const seed = option("seed", DEFAULT_RANDOM_SEED);
  const url = databaseUrl();
  await migrate(url, { quiet: true });
  const database = createDatabase(url);
  const started = Date.now();
  const interactive = process.stdout.isTTY;
  console.log(`Seeding the demo site on ${engineOf(url)}: ${posts.toLocaleString("en")} articles, seed ${seed}`);
  try {
    const result = await seedDemoSite(database, {
      posts,
      seed,
      onProgress: (done, total) => {
        if (interactive) process.stdout.write(`\r${progressBar(done, total)}`);
        else if (done === total || done % 10_000 === 0) console.log(progressBar(done, total));
      },
    });
    if (interactive) process.stdout.write("\n");
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Done in ${seconds} s: ${result.posts.toLocaleString("en")} posts (notices included), ${result.comments.toLocaleString("en")} comments.`);
  } finally {
    await database.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
