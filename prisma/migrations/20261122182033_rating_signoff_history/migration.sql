-- DropIndex
DROP INDEX "RatingSignoff_ratingId_side_key";

-- AlterTable
ALTER TABLE "RatingSignoff" ADD COLUMN     "level" INTEGER,
ADD COLUMN     "voidedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "RatingSignoff_ratingId_side_idx" ON "RatingSignoff"("ratingId", "side");

-- Constraints Prisma's schema language cannot express
ALTER TABLE "RatingSignoff" ADD CONSTRAINT "RatingSignoff_level_range" CHECK ("level" BETWEEN 1 AND 5);
