-- CreateIndex
CREATE INDEX "PdsaCycle_startDate_projectId_idx" ON "PdsaCycle"("startDate", "projectId");
