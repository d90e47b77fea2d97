-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "visitorKey" TEXT;

-- CreateTable
CREATE TABLE "PostSearch" (
    "postId" INTEGER NOT NULL,
    "titleTokens" TEXT NOT NULL,
    "bodyTokens" TEXT NOT NULL,

    CONSTRAINT "PostSearch_pkey" PRIMARY KEY ("postId")
);

-- CreateTable
CREATE TABLE "CommentSearch" (
    "commentId" INTEGER NOT NULL,
    "postId" INTEGER NOT NULL,
    "bodyTokens" TEXT NOT NULL,

    CONSTRAINT "CommentSearch_pkey" PRIMARY KEY ("commentId")
);

-- CreateTable
CREATE TABLE "SiteSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SiteSetting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CommentSearch_postId_idx" ON "CommentSearch"("postId");

-- CreateIndex
CREATE INDEX "Comment_visitorKey_createdAt_idx" ON "Comment"("visitorKey", "createdAt");

-- AddForeignKey
ALTER TABLE "PostSearch" ADD CONSTRAINT "PostSearch_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentSearch" ADD CONSTRAINT "CommentSearch_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search over the bigram token documents (lib/search/tokens.ts). The 'simple'
-- configuration keeps every token as it is, and phrase queries (<->) then match substrings.
-- In document_fts title tokens weigh A and body tokens B: it serves 제목+내용 and 내용 (B only).
-- 제목 has its own small title_fts, so the planner's estimates for titles come from titles.
-- The tsvectors are stored generated columns, so a query that checks a few rows reads them
-- instead of building them again. Not Prisma-managed (Prisma never reads or writes them):
-- names end in _fts, and the schema drift test skips them.
ALTER TABLE "PostSearch" ADD COLUMN "document_fts" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, "titleTokens"), 'A') || setweight(to_tsvector('simple'::regconfig, "bodyTokens"), 'B')
) STORED;
CREATE INDEX "PostSearch_fts" ON "PostSearch" USING GIN ("document_fts");
ALTER TABLE "PostSearch" ADD COLUMN "title_fts" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, "titleTokens")
) STORED;
CREATE INDEX "PostSearch_title_fts" ON "PostSearch" USING GIN ("title_fts");

ALTER TABLE "CommentSearch" ADD COLUMN "body_fts" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, "bodyTokens")
) STORED;
CREATE INDEX "CommentSearch_fts" ON "CommentSearch" USING GIN ("body_fts");
