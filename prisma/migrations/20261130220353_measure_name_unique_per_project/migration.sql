-- DropIndex
DROP INDEX "Measure_projectId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Measure_projectId_name_key" ON "Measure"("projectId", "name");
