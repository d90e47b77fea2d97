-- CreateIndex (prisma/models.prisma: Post_list_membership, the search count's lookups)
CREATE INDEX "Post_list_membership" ON "Post"("id", "boardId", "categoryId", "status", "isNotice");
