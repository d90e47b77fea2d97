/**
 * `npm start`: everything a fresh machine needs to serve the site.
 *   1. apply the committed migrations (SQLite file or PostgreSQL, from DATABASE_URL);
 *   2. seed the demo site when the database is empty;
 *   3. build once when there is no production build;
 *   4. serve it with `next start` on PORT (default 3000), its V8 heap capped
 *      (scripts/support/server-node-options.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createDatabase } from "../lib/db/client";
import { databaseUrl, engineOf } from "../lib/db/engine";
import { isDatabaseEmpty, seedDemoSite } from "../lib/seed/seed-site";
import { migrate } from "./migrate";
import { serverNodeOptions } from "./support/server-node-options";

const root = path.join(__dirname, "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");

async function main() {
  const url = databaseUrl();
  console.log(`Database: ${engineOf(url)}`);
  await migrate(url, { quiet: true });

  const database = createDatabase(url);
  try {
    if (await isDatabaseEmpty(database)) {
      console.log("Empty database: seeding the demo site…");
      const { posts } = await seedDemoSite(database);
      console.log(`Seeded ${posts} articles.`);
    }
  } finally {
    await database.$disconnect();
  }

  // The build folder next.config.ts uses (NEXT_DIST_DIR, else .next): a build in another folder is not "no build".
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.log("No production build yet: building (next build)…");
    const build = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const port = process.env.PORT ?? "3000";
  const server = spawn(nextBin, ["start", "--port", port], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_OPTIONS: serverNodeOptions() },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
