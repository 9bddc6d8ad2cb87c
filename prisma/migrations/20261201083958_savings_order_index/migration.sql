-- CreateIndex
CREATE INDEX "SavingsEntry_reportedOn_createdAt_id_idx" ON "SavingsEntry"("reportedOn", "createdAt", "id");
