-- CreateTable
CREATE TABLE "ViewDaily" (
    "postId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "ViewDaily_pkey" PRIMARY KEY ("postId","day")
);

-- CreateIndex
CREATE INDEX "ViewDaily_day_idx" ON "ViewDaily"("day");

-- AddForeignKey
ALTER TABLE "ViewDaily" ADD CONSTRAINT "ViewDaily_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

