-- DropForeignKey
ALTER TABLE "PdsaCycle" DROP CONSTRAINT "PdsaCycle_projectId_fkey";

-- DropIndex
DROP INDEX "PdsaCycle_startDate_projectId_idx";

-- AlterTable
-- Hand-edited: the column is filled from each cycle's project before it is made required
-- (Prisma's ADD COLUMN … NOT NULL fails on a table with rows). Filling it changes no team's
-- engagement, so the engagement trigger is off meanwhile (it would recompute every team).
ALTER TABLE "PdsaCycle" ADD COLUMN     "teamId" UUID;
ALTER TABLE "PdsaCycle" DISABLE TRIGGER "PdsaCycle_engagement_update";
UPDATE "PdsaCycle" c SET "teamId" = p."teamId" FROM "Project" p WHERE p.id = c."projectId";
ALTER TABLE "PdsaCycle" ENABLE TRIGGER "PdsaCycle_engagement_update";
ALTER TABLE "PdsaCycle" ALTER COLUMN "teamId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "PdsaCycle_startDate_teamId_projectId_idx" ON "PdsaCycle"("startDate", "teamId", "projectId");

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_projectId_teamId_fkey" FOREIGN KEY ("projectId", "teamId") REFERENCES "Project"("id", "teamId") ON DELETE CASCADE ON UPDATE CASCADE;
