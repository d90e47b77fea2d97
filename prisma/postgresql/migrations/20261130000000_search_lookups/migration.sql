-- Written by hand: 제목 searches read a table of their own (post_title_fts), one narrow row per
-- article (its id and title tokens as a tsvector), instead of PostSearch's title_fts.
--
-- Why: the GIN index hands out row addresses, not article ids, so every match is read from the
-- table to learn its id (and, for a phrase, to check the tokens are consecutive). A PostSearch
-- row also holds the article's body tokens: about 1.5 kB, so each title match cost a page of
-- its own, 1.5 GB of table for a million articles. Here some 30 rows share a page (280 MB).
--
-- Kept equal to PostSearch by statement-level triggers (one statement per bulk insert, not one
-- per row) and deleted with it by the foreign key. Not a Prisma model: the name ends in _fts,
-- and the schema drift test skips it, as it skips SQLite's post_search_fts.
-- Function bodies are escape strings with each statement's semicolon written \x3B: Prisma's
-- migration runner splits a script at every semicolon, even inside $$ … $$.
CREATE TABLE "post_title_fts" (
    "postId" INTEGER NOT NULL PRIMARY KEY REFERENCES "PostSearch" ("postId") ON DELETE CASCADE,
    "title_fts" tsvector NOT NULL
);

CREATE FUNCTION "post_title_fts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    INSERT INTO "post_title_fts" ("postId", "title_fts")
        SELECT n."postId", to_tsvector(''simple''::regconfig, n."titleTokens") FROM "inserted" n\x3B
    RETURN NULL\x3B
END
';

CREATE FUNCTION "post_title_fts_after_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "post_title_fts" t SET "title_fts" = to_tsvector(''simple''::regconfig, n."titleTokens")
        FROM "updated" n JOIN "previous" o ON o."postId" = n."postId"
        WHERE t."postId" = n."postId" AND n."titleTokens" IS DISTINCT FROM o."titleTokens"\x3B
    RETURN NULL\x3B
END
';

CREATE TRIGGER "PostSearch_title_fts_after_insert" AFTER INSERT ON "PostSearch"
    REFERENCING NEW TABLE AS "inserted"
    FOR EACH STATEMENT EXECUTE FUNCTION "post_title_fts_after_insert"();

CREATE TRIGGER "PostSearch_title_fts_after_update" AFTER UPDATE ON "PostSearch"
    REFERENCING OLD TABLE AS "previous" NEW TABLE AS "updated"
    FOR EACH STATEMENT EXECUTE FUNCTION "post_title_fts_after_update"();

-- The titles already there, then the index (faster built once than row by row).
INSERT INTO "post_title_fts" ("postId", "title_fts") SELECT "postId", "title_fts" FROM "PostSearch" ORDER BY "postId";
CREATE INDEX "post_title_fts_index" ON "post_title_fts" USING GIN ("title_fts");

DROP INDEX "PostSearch_title_fts";
ALTER TABLE "PostSearch" DROP COLUMN "title_fts";

-- CreateIndex (prisma/models.prisma: Post_list_membership, the search count's lookups)
CREATE INDEX "Post_list_membership" ON "Post"("id", "boardId", "categoryId", "status", "isNotice");
