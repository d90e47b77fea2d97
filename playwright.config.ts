import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium, package `chromium`; Playwright's
 * own browser download cannot work on these machines). Each engine gets a production server
 * on a throwaway database: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set.
 * Run `npm run build` first (npm test does). The servers listen on 3200 and 3201, or on
 * E2E_BASE_PORT and the port after it (two test runs on one machine).
 */
const basePort = Number(process.env.E2E_BASE_PORT ?? 3200);
const engines = [
  { name: "sqlite", port: basePort },
  ...(process.env.TEST_POSTGRES_URL ? [{ name: "postgresql", port: basePort + 1 }] : []),
];

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  // These machines are shared: a server action can take several seconds when other jobs load the CPUs.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: engines.map((engine) => ({
    name: engine.name,
    use: { baseURL: `http://127.0.0.1:${engine.port}` },
  })),
  webServer: engines.map((engine) => ({
    command: `npx tsx e2e/support/serve-throwaway.ts ${engine.name} ${engine.port}`,
    url: `http://127.0.0.1:${engine.port}/news`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    stdout: "ignore",
    stderr: "pipe",
  })),
});
