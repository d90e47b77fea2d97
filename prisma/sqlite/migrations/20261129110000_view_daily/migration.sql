-- CreateTable
CREATE TABLE "ViewDaily" (
    "postId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "views" INTEGER NOT NULL,

    PRIMARY KEY ("postId", "day"),
    CONSTRAINT "ViewDaily_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ViewDaily_day_idx" ON "ViewDaily"("day");

