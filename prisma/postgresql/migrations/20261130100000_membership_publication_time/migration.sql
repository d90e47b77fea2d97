-- Post_list_membership also holds publishedAt (prisma/models.prisma): a search with few matches
-- sorts them by it without reading the table
DROP INDEX "Post_list_membership";

-- CreateIndex
CREATE INDEX "Post_list_membership" ON "Post"("id", "boardId", "categoryId", "status", "isNotice", "publishedAt");
