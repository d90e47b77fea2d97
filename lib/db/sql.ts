/**
 * Tagged SQL for the few queries Prisma's query API cannot express (full-text search, row-value
 * keyset comparisons). Values are always bound parameters; each engine's client writes its own
 * placeholders (? or $n).
 */
import { Prisma } from "./generated/sqlite/client";

export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export type Sql = Prisma.Sql;
