import { inject } from "vitest";

// Runs before each integration test file is imported, so lib/db connects to the throwaway database.
process.env.DATABASE_URL = inject("databaseUrl");
