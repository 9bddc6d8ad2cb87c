-- DropIndex
DROP INDEX "TeamQuarterEngagement_quarter_idx";

-- CreateIndex
CREATE INDEX "TeamQuarterEngagement_quarter_teamId_members_engaged_idx" ON "TeamQuarterEngagement"("quarter", "teamId", "members", "engaged");
