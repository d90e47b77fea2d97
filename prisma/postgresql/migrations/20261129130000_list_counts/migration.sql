-- CreateTable
CREATE TABLE "PostListCount" (
    "boardId" INTEGER NOT NULL,
    "categoryKey" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PostListCount_pkey" PRIMARY KEY ("boardId","categoryKey")
);

-- Written by hand: the triggers that keep PostListCount (prisma/models.prisma) equal to the
-- number of numbered rows of each list, a row being counted while it is published and not a
-- notice. They run in the writing statement's transaction (the count row is locked until it
-- commits, so concurrent writers stay exact). An update that changes none of the four columns
-- fires nothing (view and comment counters move often).
-- The function's body is an escape string with each statement's semicolon written \x3B:
-- Prisma's migration runner splits a script at every semicolon, even inside $$ … $$.
CREATE FUNCTION "post_list_count_change"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF TG_OP IN (''UPDATE'', ''DELETE'') AND OLD."status" = ''published'' AND NOT OLD."isNotice" THEN
        UPDATE "PostListCount" SET "count" = "count" - 1 WHERE "boardId" = OLD."boardId" AND "categoryKey" = COALESCE(OLD."categoryId", 0)\x3B
    END IF\x3B
    IF TG_OP IN (''INSERT'', ''UPDATE'') AND NEW."status" = ''published'' AND NOT NEW."isNotice" THEN
        INSERT INTO "PostListCount" ("boardId", "categoryKey", "count") VALUES (NEW."boardId", COALESCE(NEW."categoryId", 0), 1)
            ON CONFLICT ("boardId", "categoryKey") DO UPDATE SET "count" = "PostListCount"."count" + 1\x3B
    END IF\x3B
    RETURN NULL\x3B
END
';

CREATE TRIGGER "Post_list_count_after_insert_or_delete" AFTER INSERT OR DELETE ON "Post"
    FOR EACH ROW EXECUTE FUNCTION "post_list_count_change"();

CREATE TRIGGER "Post_list_count_after_update" AFTER UPDATE OF "status", "isNotice", "boardId", "categoryId" ON "Post"
    FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."isNotice" IS DISTINCT FROM NEW."isNotice"
        OR OLD."boardId" IS DISTINCT FROM NEW."boardId" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId")
    EXECUTE FUNCTION "post_list_count_change"();

-- The rows already there.
INSERT INTO "PostListCount" ("boardId", "categoryKey", "count")
    SELECT "boardId", COALESCE("categoryId", 0), COUNT(*) FROM "Post" WHERE "status" = 'published' AND NOT "isNotice" GROUP BY "boardId", COALESCE("categoryId", 0);
