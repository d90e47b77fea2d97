/**
 * Serves the production build on a throwaway database of the given engine, for the e2e
 * tests: `tsx e2e/support/serve-throwaway.ts sqlite 3200`. `npm start` migrates and seeds
 * the empty database; the database is dropped when the server stops. While it serves, the
 * database's URL is in the file `databaseUrlFile(port)` names, for specs that read the
 * database behind the pages (e2e-database.ts).
 */
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseEngine } from "../../lib/db/engine";
import { createThrowawayDatabase } from "../../tests/support/throwaway-database";
import { databaseUrlFile } from "./e2e-database";

async function main() {
  const [engine, port] = process.argv.slice(2) as [DatabaseEngine, string];
  const database = await createThrowawayDatabase(engine, { label: "e2e", migrated: false });
  const urlFile = databaseUrlFile(port);
  writeFileSync(urlFile, database.url);
  const server = spawn("npm", ["start"], {
    cwd: path.join(__dirname, "..", ".."),
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, PORT: port },
  });
  const exited = new Promise((resolve) => server.on("exit", resolve));
  // Playwright stops the web server by signalling its whole process group (gracefulShutdown
  // in playwright.config.ts), so the server gets the signal too; wait for it, then drop.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await exited;
    rmSync(urlFile, { force: true });
    await database.drop().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  void exited.then(stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
