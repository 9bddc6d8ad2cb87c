-- CreateIndex
CREATE INDEX "SavingsEntry_ledger_sums_idx" ON "SavingsEntry"("status", "reportedOn", "teamId", "recurrence", "amountCents");
