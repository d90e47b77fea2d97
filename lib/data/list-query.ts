/**
 * The SQL behind every board list: which articles a list holds (board, category, search), in
 * which order, and where an article sits in it. One builder serves the list page, its count,
 * the article's page and its previous/next neighbours, so they can never disagree; the plan
 * tests EXPLAIN exactly these statements on both engines.
 *
 * The dialect-specific parts are the search conditions: SQLite matches its FTS5 tables,
 * PostgreSQL its GIN indexes over tsvectors (prisma/<engine>/migrations, lib/search/tokens.ts).
 */
import type { DatabaseEngine } from "@/lib/db/engine";
import { join, raw, sql, type Sql } from "@/lib/db/sql";
import type { SearchTarget, SortKey, SortOrder } from "@/lib/board/list-state";
import { fts5Query, tsQuery, type SearchTerm } from "@/lib/search/tokens";

/** The column each sort key orders by; ties are broken by id in the same direction. */
export const SORT_COLUMN = {
  number: "publishedAt",
  date: "publishedAt",
  title: "title",
  views: "viewCount",
  comments: "commentCount",
} as const satisfies Record<SortKey, string>;

export type ListSearchFilter = { target: SearchTarget; keyword: string; terms: SearchTerm[] };

/** The numbered rows of one list: a board's published articles that are not pinned notices. */
export type ListFilter = {
  boardId: number;
  categoryId: number | null;
  search: ListSearchFilter | null;
};

export type ListOrder = { sort: SortKey; order: SortOrder };

const TOKEN_COLUMNS: Record<"title" | "content" | "title_content", string[]> = {
  title: ["titleTokens"],
  content: ["bodyTokens"],
  title_content: ["titleTokens", "bodyTokens"],
};
const TOKEN_WEIGHT = { title: "A", content: "B", title_content: "" } as const;

/** LIKE pattern for a substring, with the pattern characters escaped (ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The condition that keeps only the articles a search finds. */
function searchCondition(engine: DatabaseEngine, search: ListSearchFilter): Sql {
  const { target, terms } = search;
  if (target === "author") {
    // Bylines live in the small User table: match names there, then read the author's articles.
    return sql`p."authorId" IN (SELECT u."id" FROM "User" u WHERE LOWER(u."displayName") LIKE ${containsPattern(search.keyword)} ESCAPE '\\')`;
  }
  if (target === "comment") {
    return engine === "sqlite"
      ? sql`p."id" IN (SELECT cs."postId" FROM "CommentSearch" cs WHERE cs."commentId" IN (SELECT "rowid" FROM "comment_search_fts" WHERE "comment_search_fts" MATCH ${fts5Query(terms, ["bodyTokens"])}))`
      : sql`p."id" IN (SELECT cs."postId" FROM "CommentSearch" cs WHERE to_tsvector('simple'::regconfig, cs."bodyTokens") @@ ${tsQuery(terms)}::tsquery)`;
  }
  return engine === "sqlite"
    ? sql`p."id" IN (SELECT "rowid" FROM "post_search_fts" WHERE "post_search_fts" MATCH ${fts5Query(terms, TOKEN_COLUMNS[target])})`
    : // The expression is the one the PostSearch_fts index is built on, word for word.
      sql`p."id" IN (SELECT s."postId" FROM "PostSearch" s WHERE (setweight(to_tsvector('simple'::regconfig, s."titleTokens"), 'A') || setweight(to_tsvector('simple'::regconfig, s."bodyTokens"), 'B')) @@ ${tsQuery(terms, TOKEN_WEIGHT[target])}::tsquery)`;
}

/**
 * WHERE conditions of a list. Every column before the sort column in the list indexes is
 * matched with `=`, so the list reads an index in order. A search is the exception: its
 * matches come from the full-text index and are few next to the board, so the board column is
 * written `+p."boardId"`, which both engines cannot match to an index; the matches then drive
 * the query instead of a walk through the whole board's list index.
 */
function listConditions(engine: DatabaseEngine, filter: ListFilter): Sql {
  const conditions = [filter.search ? sql`+p."boardId" = ${filter.boardId}` : sql`p."boardId" = ${filter.boardId}`];
  if (filter.categoryId !== null) conditions.push(sql`p."categoryId" = ${filter.categoryId}`);
  conditions.push(sql`p."status" = 'published'`, sql`p."isNotice" = false`);
  if (filter.search) conditions.push(searchCondition(engine, filter.search));
  return join(conditions, " AND ");
}

const column = (order: ListOrder) => raw(`p."${SORT_COLUMN[order.sort]}"`);
const direction = (order: SortOrder) => raw(order === "asc" ? "ASC" : "DESC");

/** Ids of one page of the list, in list order. */
export function listPageIds(engine: DatabaseEngine, filter: ListFilter, order: ListOrder, limit: number, offset: number): Sql {
  const dir = direction(order.order);
  return sql`SELECT p."id" FROM "Post" p WHERE ${listConditions(engine, filter)} ORDER BY ${column(order)} ${dir}, p."id" ${dir} LIMIT ${limit} OFFSET ${offset}`;
}

/** How many articles the list holds. */
export function listCount(engine: DatabaseEngine, filter: ListFilter): Sql {
  return sql`SELECT COUNT(*) AS "count" FROM "Post" p WHERE ${listConditions(engine, filter)}`;
}

/**
 * `(sort column, id)` compared with the same pair of the anchor article, as a row value: both
 * engines read a row-value range straight off the list index (the anchor's values are scalar
 * subqueries, evaluated once).
 */
function relativeTo(order: ListOrder, anchorId: number, comparison: ">" | "<"): Sql {
  const col = column(order);
  const anchorValue = raw(`(SELECT a."${SORT_COLUMN[order.sort]}" FROM "Post" a WHERE a."id" = `);
  return sql`(${col}, p."id") ${raw(comparison)} (${anchorValue}${anchorId}), ${anchorId})`;
}

/** How many rows come before the anchor article in the list (its index in the list). */
export function rowsBefore(engine: DatabaseEngine, filter: ListFilter, order: ListOrder, anchorId: number): Sql {
  const before = order.order === "desc" ? ">" : "<";
  return sql`SELECT COUNT(*) AS "count" FROM "Post" p WHERE ${listConditions(engine, filter)} AND ${relativeTo(order, anchorId, before)}`;
}

/**
 * The article just above (`previous`) or just below (`next`) the anchor in the list: one row
 * read off the index from the anchor's position, whatever page either is on.
 */
export function neighbourId(engine: DatabaseEngine, filter: ListFilter, order: ListOrder, anchorId: number, side: "previous" | "next"): Sql {
  const towardsTop = side === "previous";
  // Walking up a descending list means ascending values, and the other way round.
  const ascending = (order.order === "desc") === towardsTop;
  const dir = direction(ascending ? "asc" : "desc");
  return sql`SELECT p."id" FROM "Post" p WHERE ${listConditions(engine, filter)} AND ${relativeTo(order, anchorId, ascending ? ">" : "<")} ORDER BY ${column(order)} ${dir}, p."id" ${dir} LIMIT 1`;
}
