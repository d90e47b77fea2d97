-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "visitorKey" TEXT;

-- CreateTable
CREATE TABLE "PostSearch" (
    "postId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "titleTokens" TEXT NOT NULL,
    "bodyTokens" TEXT NOT NULL,
    CONSTRAINT "PostSearch_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentSearch" (
    "commentId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postId" INTEGER NOT NULL,
    "bodyTokens" TEXT NOT NULL,
    CONSTRAINT "CommentSearch_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SiteSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CommentSearch_postId_idx" ON "CommentSearch"("postId");

-- CreateIndex
CREATE INDEX "Comment_visitorKey_createdAt_idx" ON "Comment"("visitorKey", "createdAt");


-- Full-text search over the bigram token documents (lib/search/tokens.ts): FTS5 tables that
-- read their text from PostSearch / CommentSearch (external content) and are kept in step by
-- triggers. Not Prisma models: their names end in _fts, and the schema drift test skips them.
CREATE VIRTUAL TABLE "post_search_fts" USING fts5(
    "titleTokens", "bodyTokens",
    content = 'PostSearch', content_rowid = 'postId',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER "PostSearch_fts_after_insert" AFTER INSERT ON "PostSearch" BEGIN
    INSERT INTO "post_search_fts" ("rowid", "titleTokens", "bodyTokens") VALUES (new."postId", new."titleTokens", new."bodyTokens");
END;
CREATE TRIGGER "PostSearch_fts_after_delete" AFTER DELETE ON "PostSearch" BEGIN
    INSERT INTO "post_search_fts" ("post_search_fts", "rowid", "titleTokens", "bodyTokens") VALUES ('delete', old."postId", old."titleTokens", old."bodyTokens");
END;
CREATE TRIGGER "PostSearch_fts_after_update" AFTER UPDATE ON "PostSearch" BEGIN
    INSERT INTO "post_search_fts" ("post_search_fts", "rowid", "titleTokens", "bodyTokens") VALUES ('delete', old."postId", old."titleTokens", old."bodyTokens");
    INSERT INTO "post_search_fts" ("rowid", "titleTokens", "bodyTokens") VALUES (new."postId", new."titleTokens", new."bodyTokens");
END;

CREATE VIRTUAL TABLE "comment_search_fts" USING fts5(
    "bodyTokens",
    content = 'CommentSearch', content_rowid = 'commentId',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER "CommentSearch_fts_after_insert" AFTER INSERT ON "CommentSearch" BEGIN
    INSERT INTO "comment_search_fts" ("rowid", "bodyTokens") VALUES (new."commentId", new."bodyTokens");
END;
CREATE TRIGGER "CommentSearch_fts_after_delete" AFTER DELETE ON "CommentSearch" BEGIN
    INSERT INTO "comment_search_fts" ("comment_search_fts", "rowid", "bodyTokens") VALUES ('delete', old."commentId", old."bodyTokens");
END;
CREATE TRIGGER "CommentSearch_fts_after_update" AFTER UPDATE ON "CommentSearch" BEGIN
    INSERT INTO "comment_search_fts" ("comment_search_fts", "rowid", "bodyTokens") VALUES ('delete', old."commentId", old."bodyTokens");
    INSERT INTO "comment_search_fts" ("rowid", "bodyTokens") VALUES (new."commentId", new."bodyTokens");
END;
