/**
 * Writes one schema.prisma per database engine from the single model source,
 * prisma/models.prisma. Run with `npm run db:schemas` (postinstall runs it too).
 * `--check` exits non-zero when a written schema is out of date; `--generate` then runs
 * `prisma generate` for both engines (the generated clients live in lib/db/generated).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

export const ENGINES = ["sqlite", "postgresql"] as const;

const root = path.resolve(__dirname, "..");

export function schemaFor(engine: (typeof ENGINES)[number], models: string): string {
  return `// GENERATED from prisma/models.prisma by scripts/prisma-schemas.ts: do not edit.
generator client {
  provider               = "prisma-client"
  output                 = "../../lib/db/generated/${engine}"
  engineType             = "client"
  runtime                = "nodejs"
  moduleFormat           = "esm"
  generatedFileExtension = "ts"
  importFileExtension    = ""
}

datasource db {
  provider = "${engine}"
  url      = env("DATABASE_URL")
}

${models}`;
}

/** A URL of the schema's own engine: the CLI validates it even though generate never connects. */
const PLACEHOLDER_URL = { sqlite: "file:./data/news.db", postgresql: "postgresql://localhost/placeholder" };

function generate(engine: (typeof ENGINES)[number]) {
  execFileSync("npx", ["prisma", "generate", "--schema", schemaPath(engine)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: PLACEHOLDER_URL[engine], PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

export function schemaPath(engine: (typeof ENGINES)[number]): string {
  return path.join(root, "prisma", engine, "schema.prisma");
}

function main() {
  const check = process.argv.includes("--check");
  const models = readFileSync(path.join(root, "prisma", "models.prisma"), "utf8");
  let stale = false;
  for (const engine of ENGINES) {
    const file = schemaPath(engine);
    const wanted = schemaFor(engine, models);
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {}
    if (current === wanted) continue;
    if (check) {
      console.error(`${path.relative(root, file)} is out of date: run npm run db:schemas`);
      stale = true;
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, wanted);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  if (stale) process.exit(1);
  if (process.argv.includes("--generate")) ENGINES.forEach(generate);
}

if (require.main === module) main();
