-- CreateIndex
CREATE INDEX "Project_export_order_idx" ON "Project"("teamId", "createdAt", "id");
