/**
 * Vitest global setup of an integration project: one throwaway database with the demo site
 * seeded, handed to the test files as `databaseUrl` (tests/setup/use-test-database.ts).
 */
import type { TestProject } from "vitest/node";
import { createDatabase } from "../../lib/db/client";
import type { DatabaseEngine } from "../../lib/db/engine";
import { seedDemoSite } from "../../lib/seed/seed-site";
import { createThrowawayDatabase } from "../support/throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const engine = project.config.env.TEST_ENGINE as DatabaseEngine;
  const database = await createThrowawayDatabase(engine);
  const client = createDatabase(database.url);
  await seedDemoSite(client);
  await client.$disconnect();
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
