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

export type ListSearchFilter = {
  target: SearchTarget;
  keyword: string;
  terms: SearchTerm[];
  /**
   * How a page of results is read. "matches": read every match off the full-text index, then
   * sort them (best when they are few). "list": walk the list index in order and check each
   * row's own search document until the page is full (best when matches are dense: a word in
   * one title of six needs about 120 rows for a page, however many thousands match).
   * The data layer picks by the number of matches (FEW_MATCHES).
   */
  drive: "matches" | "list";
};

/** Up to this many matches, a search reads its matches and sorts them; above it, it walks the list. */
export const FEW_MATCHES = 5_000;

/**
 * A search of article text that matches more than FEW_MATCHES articles shows its newest
 * SEARCH_RESULT_LIMIT results (in whatever order the reader sorts them), as "최근 1,000건":
 * counting every one of 160,000 matches would read them all on every search, and no reader pages
 * through them; a longer keyword narrows the search. (Rhymix, the engine this replaces, searches
 * a fixed slice of the board at a time for the same reason.)
 */
export const SEARCH_RESULT_LIMIT = 1_000;

/** The search targets that match the articles' own search documents (PostSearch). */
export type ArticleTextTarget = "title" | "content" | "title_content";
export function isArticleTextTarget(target: SearchTarget): target is ArticleTextTarget {
  return target === "title" || target === "content" || target === "title_content";
}

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

/** LIKE pattern for a substring, with the pattern characters escaped (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * `pattern` (a LIKE pattern over a search document, lib/search/tokens.ts: tokens separated by
 * single spaces) for one term: a phrase is its tokens one after another, a prefix a token that
 * starts with it. The document is compared with a space on each side, so the pattern's spaces
 * mark token edges. The same match as the full-text indexes make.
 */
function termPattern(term: SearchTerm): string {
  const escape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
  return term.kind === "phrase" ? `% ${escape(term.tokens.join(" "))} %` : `% ${escape(term.token)}%`;
}

/**
 * The condition for a search of article text checked on each row by itself: the row's own
 * search document (one primary-key read of PostSearch), every term in one of the target's
 * columns. A scalar subquery, so neither planner turns it into a join over every match.
 */
function rowMatchesSearch(target: ArticleTextTarget, terms: SearchTerm[]): Sql {
  const columns = TOKEN_COLUMNS[target];
  const termConditions = terms.map((term) => {
    const pattern = termPattern(term);
    return sql`(${join(columns.map((column) => sql`(' ' || s.${raw(`"${column}"`)} || ' ') LIKE ${pattern} ESCAPE '\\'`), " OR ")})`;
  });
  return sql`COALESCE((SELECT ${join(termConditions, " AND ")} FROM "PostSearch" s WHERE s."postId" = p."id"), false)`;
}

/** The condition that keeps only the articles a search finds. */
function searchCondition(engine: DatabaseEngine, search: ListSearchFilter): Sql {
  const { target, terms } = search;
  if (search.drive === "list" && isArticleTextTarget(target)) return rowMatchesSearch(target, terms);
  if (target === "author") {
    // Bylines live in the small User table: match names there, then read the author's articles.
    return sql`p."authorId" IN (SELECT u."id" FROM "User" u WHERE LOWER(u."displayName") LIKE ${containsPattern(search.keyword)} ESCAPE '\\')`;
  }
  if (target === "comment") {
    return engine === "sqlite"
      ? sql`p."id" IN (SELECT cs."postId" FROM "CommentSearch" cs WHERE cs."commentId" IN (SELECT "rowid" FROM "comment_search_fts" WHERE "comment_search_fts" MATCH ${fts5Query(terms, ["bodyTokens"])}))`
      : sql`p."id" IN (SELECT cs."postId" FROM "CommentSearch" cs WHERE cs."body_fts" @@ ${tsQuery(terms)}::tsquery)`;
  }
  return sql`p."id" IN (${textMatchIds(engine, target, terms)})`;
}

/** The ids of the articles (of any board or status) whose search document matches, off the full-text index. */
function textMatchIds(engine: DatabaseEngine, target: ArticleTextTarget, terms: SearchTerm[]): Sql {
  return engine === "sqlite"
    ? sql`SELECT "rowid" AS "id" FROM "post_search_fts" WHERE "post_search_fts" MATCH ${fts5Query(terms, TOKEN_COLUMNS[target])}`
    : target === "title"
      ? sql`SELECT t."postId" AS "id" FROM "post_title_fts" t WHERE t."title_fts" @@ ${tsQuery(terms)}::tsquery`
      : sql`SELECT s."postId" AS "id" FROM "PostSearch" s WHERE s."document_fts" @@ ${tsQuery(terms, target === "content" ? "B" : "")}::tsquery`;
}

/**
 * How many results a search of article text has in the list, counted no further than `limit`:
 * matches read off the full-text index, each looked up by its id for the list's own conditions
 * (board, category, published), until `limit` of them pass. Which ones are counted does not
 * change how many there are, up to `limit`, and the index hands out a board's matches far
 * faster than a walk down the list finds them: 1,001 results of a word in 1 title of 35 take
 * about 1,001 lookups this way, and 35,000 rows walked and checked (four times that in a
 * category tab). The lookup is a scalar subquery, so neither planner can turn it into a join
 * that reads every match first (PostgreSQL chose a hash join over all 31,000 matches of a
 * phrase it guessed at 2,600). The index Post_list_membership answers it from its own pages;
 * SQLite, which would read the post's row by its rowid, is told to use it.
 */
function textMatchesUpTo(engine: DatabaseEngine, filter: ListFilter, target: ArticleTextTarget, terms: SearchTerm[], limit: number): Sql {
  const inList = listConditions(engine, { ...filter, search: null });
  const posts = raw(engine === "sqlite" ? `"Post" p INDEXED BY "Post_list_membership"` : `"Post" p`);
  const found = sql`SELECT m."id" FROM (${textMatchIds(engine, target, terms)}) AS m
    WHERE (SELECT true FROM ${posts} WHERE p."id" = m."id" AND ${inList}) LIMIT ${limit}`;
  return sql`SELECT COUNT(*) AS "count" FROM (${found}) AS "found"`;
}

/**
 * WHERE conditions of a list. Every column before the sort column in the list indexes is
 * matched with `=`, so the list reads an index in order. When a search with few matches runs
 * on SQLite, `+p."boardId"` keeps SQLite off the list index (it cannot tell how many rows a
 * full-text match returns), so the matches drive the query (PostgreSQL: see `ordered`).
 */
function listConditions(engine: DatabaseEngine, filter: ListFilter): Sql {
  const fromMatches = engine === "sqlite" && filter.search?.drive === "matches";
  const conditions = [fromMatches ? sql`+p."boardId" = ${filter.boardId}` : sql`p."boardId" = ${filter.boardId}`];
  if (filter.categoryId !== null) conditions.push(sql`p."categoryId" = ${filter.categoryId}`);
  conditions.push(sql`p."status" = 'published'`, sql`p."isNotice" = false`);
  if (filter.search) conditions.push(searchCondition(engine, filter.search));
  return join(conditions, " AND ");
}

const column = (order: ListOrder) => raw(`p."${SORT_COLUMN[order.sort]}"`);
const direction = (order: SortOrder) => raw(order === "asc" ? "ASC" : "DESC");

/**
 * Ids of the rows that meet the conditions, sorted and sliced. On PostgreSQL a search with few
 * matches selects them in a subquery fenced off with OFFSET 0, which the planner must finish
 * before sorting: it then reads them off the full-text index, instead of walking the list
 * index in order on a guess at how many rows match.
 */
function ordered(engine: DatabaseEngine, filter: ListFilter, where: Sql, order: ListOrder, dir: SortOrder, limit: number, offset = 0): Sql {
  const by = direction(dir);
  if (engine === "postgresql" && filter.search?.drive === "matches") {
    return sql`SELECT m."id" FROM (SELECT p."id", ${column(order)} AS "sortValue" FROM "Post" p WHERE ${where} OFFSET 0) m ORDER BY m."sortValue" ${by}, m."id" ${by} LIMIT ${limit} OFFSET ${offset}`;
  }
  return sql`SELECT p."id" FROM "Post" p WHERE ${where} ORDER BY ${column(order)} ${by}, p."id" ${by} LIMIT ${limit} OFFSET ${offset}`;
}

/** Ids of one page of the list, in list order. */
export function listPageIds(engine: DatabaseEngine, filter: ListFilter, order: ListOrder, limit: number, offset: number): Sql {
  return ordered(engine, filter, listConditions(engine, filter), order, order.order, limit, offset);
}

/**
 * How many articles the list holds. A board's or a category's list reads the counts the
 * database's triggers keep (PostListCount: one row per board and category, so a board of a
 * million articles costs a handful of rows); a search counts its matches, and a search of
 * article text that walks the list (many matches) counts no further than
 * SEARCH_RESULT_LIMIT + 1.
 */
export function listCount(engine: DatabaseEngine, filter: ListFilter): Sql {
  const search = filter.search;
  if (search?.drive === "list" && isArticleTextTarget(search.target)) {
    return textMatchesUpTo(engine, filter, search.target, search.terms, SEARCH_RESULT_LIMIT + 1);
  }
  if (filter.search) return countedListRows(engine, filter);
  const inCategory = filter.categoryId === null ? raw("") : sql` AND c."categoryKey" = ${filter.categoryId}`;
  return sql`SELECT COALESCE(SUM(c."count"), 0) AS "count" FROM "PostListCount" c WHERE c."boardId" = ${filter.boardId}${inCategory}`;
}

/**
 * How many articles (of any board or status) a search of article text matches in the
 * full-text index, counted no further than FEW_MATCHES + 1: enough to choose how the search
 * reads (ListSearchFilter's drive) without reading every match of a common word.
 */
export function searchMatchesUpTo(engine: DatabaseEngine, target: ArticleTextTarget, terms: SearchTerm[]): Sql {
  return sql`SELECT COUNT(*) AS "count" FROM (${textMatchIds(engine, target, terms)} LIMIT ${FEW_MATCHES + 1}) AS "found"`;
}

/** The list's rows, counted one by one: what PostListCount must always equal (the tests compare them). */
export function countedListRows(engine: DatabaseEngine, filter: ListFilter): Sql {
  return sql`SELECT COUNT(*) AS "count" FROM "Post" p WHERE ${listConditions(engine, filter)}`;
}

/**
 * `(sort column, id)` compared with the same pair of the anchor article, as a row value: both
 * engines read a row-value range straight off the list index (the anchor's values are scalar
 * subqueries, evaluated once).
 */
function relativeTo(order: ListOrder, anchorId: number, comparison: ">" | "<" | ">=" | "<="): Sql {
  const col = column(order);
  const anchorValue = raw(`(SELECT a."${SORT_COLUMN[order.sort]}" FROM "Post" a WHERE a."id" = `);
  return sql`(${col}, p."id") ${raw(comparison)} (${anchorValue}${anchorId}), ${anchorId})`;
}

/**
 * Ids of a page of the list read from an anchor row down (the anchor itself first, then
 * `skip` rows further): a keyset range off the list index instead of an OFFSET from the top
 * (lib/board/list-anchors.ts). Lists without a search only.
 */
export function listPageIdsFrom(engine: DatabaseEngine, filter: ListFilter, order: ListOrder, anchorId: number, limit: number, skip: number): Sql {
  const where = sql`${listConditions(engine, filter)} AND ${relativeTo(order, anchorId, order.order === "desc" ? "<=" : ">=")}`;
  return ordered(engine, filter, where, order, order.order, limit, skip);
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
  const where = sql`${listConditions(engine, filter)} AND ${relativeTo(order, anchorId, ascending ? ">" : "<")}`;
  return ordered(engine, filter, where, order, ascending ? "asc" : "desc", 1);
}

/** The columns a list row shows, the author's name joined in (lib/data/posts.ts ListRow). */
const LIST_ROW_COLUMNS = raw(
  `p."id", p."title", p."publishedAt", p."viewCount", p."commentCount", u."displayName" AS "authorName" FROM "Post" p JOIN "User" u ON u."id" = p."authorId"`,
);

/** The list rows of the given articles (any order: the caller puts them in list order). */
export function listRowsOf(postIds: number[]): Sql {
  return sql`SELECT ${LIST_ROW_COLUMNS} WHERE p."id" IN (${join(postIds)})`;
}

/**
 * The list rows of one page, in list order, in one statement: `pageIds` (listPageIds or
 * listPageIdsFrom with the same order) picks the ids off the list index, and only those 20
 * rows are read from the table, each by its primary key, with their authors.
 */
export function listRowsOfPage(pageIds: Sql, order: ListOrder): Sql {
  const by = direction(order.order);
  return sql`SELECT p."id", p."title", p."publishedAt", p."viewCount", p."commentCount", u."displayName" AS "authorName"
    FROM (${pageIds}) AS "page" JOIN "Post" p ON p."id" = "page"."id" JOIN "User" u ON u."id" = p."authorId"
    ORDER BY ${column(order)} ${by}, p."id" ${by}`;
}

/** A board's pinned notices, newest first, as list rows. */
export function noticeRows(boardId: number): Sql {
  return sql`SELECT ${LIST_ROW_COLUMNS} WHERE p."boardId" = ${boardId} AND p."status" = 'published' AND p."isNotice" = true ORDER BY p."publishedAt" DESC, p."id" DESC`;
}
