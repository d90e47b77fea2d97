import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINES, schemaFor, schemaPath } from "../../scripts/prisma-schemas";

describe("the two Prisma schemas", () => {
  const models = readFileSync(path.join(__dirname, "../../prisma/models.prisma"), "utf8");

  it.each(ENGINES)("%s schema is generated from prisma/models.prisma (run npm run db:schemas)", (engine) => {
    expect(readFileSync(schemaPath(engine), "utf8")).toBe(schemaFor(engine, models));
  });
});
