/**
 * Query plans in a form tests can assert on: SQLite's EXPLAIN QUERY PLAN lines, or
 * PostgreSQL's plan nodes flattened from EXPLAIN (FORMAT JSON).
 */
import type { Database } from "@/lib/db/client";
import { sql, type Sql } from "@/lib/db/sql";

export type PlanNode = { type: string; relation?: string; index?: string; condition?: string; filter?: string };
export type Plan = { text: string; nodes: PlanNode[] };

type JsonNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  Plans?: JsonNode[];
};

function flatten(node: JsonNode): PlanNode[] {
  const own = { type: node["Node Type"], relation: node["Relation Name"], index: node["Index Name"], condition: node["Index Cond"], filter: node.Filter };
  return [own, ...(node.Plans ?? []).flatMap(flatten)];
}

/**
 * The plan of a query. `discourageScans` (PostgreSQL) makes sequential scans prohibitively
 * expensive: on a small test table the planner would rather scan, so this shows whether the
 * indexes can serve the query at all. Leave it off on tables of realistic size.
 */
export async function explain(database: Database, query: Sql, { discourageScans = false } = {}): Promise<Plan> {
  if (database.engine === "sqlite") {
    const rows = await database.$queryRaw<{ detail: string }[]>(sql`EXPLAIN QUERY PLAN ${query}`);
    return { text: rows.map((row) => row.detail).join("\n"), nodes: [] };
  }
  return database.$transaction(async (tx) => {
    if (discourageScans) await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const [row] = await tx.$queryRaw<{ "QUERY PLAN": [{ Plan: JsonNode }] }[]>(sql`EXPLAIN (FORMAT JSON) ${query}`);
    const nodes = flatten(row["QUERY PLAN"][0].Plan);
    return { text: JSON.stringify(row["QUERY PLAN"]), nodes };
  });
}

/** True when some node reads every row of the table (a sequential scan, or SQLite's SCAN without an index). */
export function scansTable(plan: Plan, sqliteAlias: string, table: string): boolean {
  if (plan.nodes.length === 0) return new RegExp(`^SCAN ${sqliteAlias}\\b(?! VIRTUAL)`, "m").test(plan.text);
  return plan.nodes.some((node) => node.type === "Seq Scan" && node.relation === table);
}
