import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * Unit tests, then the integration tests once per engine: SQLite always, PostgreSQL when
 * TEST_POSTGRES_URL names a server (.ci/run sets it). Each integration project gets its own
 * throwaway database, migrated and seeded (tests/setup/seeded-database.ts).
 */
const integration = (engine: "sqlite" | "postgresql"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `integration-${engine}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_ENGINE: engine },
    globalSetup: ["tests/setup/seeded-database.ts"],
    setupFiles: ["tests/setup/use-test-database.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      integration("sqlite"),
      ...(process.env.TEST_POSTGRES_URL ? [integration("postgresql")] : []),
    ],
  },
});
