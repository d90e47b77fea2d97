-- CreateTable
CREATE TABLE "PostListCount" (
    "boardId" INTEGER NOT NULL,
    "categoryKey" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("boardId", "categoryKey")
);

-- Written by hand: the triggers that keep PostListCount (prisma/models.prisma) equal to the
-- number of numbered rows of each list, a row being counted while it is published and not a
-- notice. They run in the writing statement's transaction. An update that changes none of the
-- four columns fires nothing (view and comment counters move often).
CREATE TRIGGER "Post_list_count_after_insert" AFTER INSERT ON "Post"
WHEN new."status" = 'published' AND new."isNotice" = false
BEGIN
    INSERT INTO "PostListCount" ("boardId", "categoryKey", "count") VALUES (new."boardId", COALESCE(new."categoryId", 0), 1)
        ON CONFLICT ("boardId", "categoryKey") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "Post_list_count_after_delete" AFTER DELETE ON "Post"
WHEN old."status" = 'published' AND old."isNotice" = false
BEGIN
    UPDATE "PostListCount" SET "count" = "count" - 1 WHERE "boardId" = old."boardId" AND "categoryKey" = COALESCE(old."categoryId", 0);
END;

CREATE TRIGGER "Post_list_count_after_update_leave" AFTER UPDATE OF "status", "isNotice", "boardId", "categoryId" ON "Post"
WHEN old."status" = 'published' AND old."isNotice" = false
    AND NOT (new."status" = 'published' AND new."isNotice" = false AND new."boardId" = old."boardId" AND new."categoryId" IS old."categoryId")
BEGIN
    UPDATE "PostListCount" SET "count" = "count" - 1 WHERE "boardId" = old."boardId" AND "categoryKey" = COALESCE(old."categoryId", 0);
END;

CREATE TRIGGER "Post_list_count_after_update_enter" AFTER UPDATE OF "status", "isNotice", "boardId", "categoryId" ON "Post"
WHEN new."status" = 'published' AND new."isNotice" = false
    AND NOT (old."status" = 'published' AND old."isNotice" = false AND old."boardId" = new."boardId" AND old."categoryId" IS new."categoryId")
BEGIN
    INSERT INTO "PostListCount" ("boardId", "categoryKey", "count") VALUES (new."boardId", COALESCE(new."categoryId", 0), 1)
        ON CONFLICT ("boardId", "categoryKey") DO UPDATE SET "count" = "count" + 1;
END;

-- The rows already there.
INSERT INTO "PostListCount" ("boardId", "categoryKey", "count")
    SELECT "boardId", COALESCE("categoryId", 0), COUNT(*) FROM "Post" WHERE "status" = 'published' AND "isNotice" = false GROUP BY "boardId", COALESCE("categoryId", 0);
