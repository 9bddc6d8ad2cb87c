-- DropIndex
DROP INDEX "RatingSignoff_ratingId_side_key";

-- AlterTable
ALTER TABLE "RatingSignoff" ADD COLUMN     "voidedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "RatingSignoff_ratingId_side_idx" ON "RatingSignoff"("ratingId", "side");
