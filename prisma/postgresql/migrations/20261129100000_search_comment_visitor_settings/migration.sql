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
-- Title tokens weigh A and body tokens B, so one index serves title, body and both.
-- Not Prisma-managed: names end in _fts, and the schema drift test skips them.
CREATE INDEX "PostSearch_fts" ON "PostSearch" USING GIN (
    (setweight(to_tsvector('simple'::regconfig, "titleTokens"), 'A') || setweight(to_tsvector('simple'::regconfig, "bodyTokens"), 'B'))
);
CREATE INDEX "CommentSearch_fts" ON "CommentSearch" USING GIN (to_tsvector('simple'::regconfig, "bodyTokens"));
