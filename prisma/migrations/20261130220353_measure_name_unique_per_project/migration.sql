-- DropIndex
DROP INDEX "Measure_projectId_idx";

-- Hand-written: a project may already name two measures alike. Number the later ones
-- ("Wait time (2)") so the unique key below can be created on an existing install.
UPDATE "Measure" AS m
SET "name" = left(m."name", 190) || ' (' || d.n || ')'
FROM (SELECT "id", row_number() OVER (PARTITION BY "projectId", "name" ORDER BY "createdAt", "id") AS n FROM "Measure") AS d
WHERE d."id" = m."id" AND d.n > 1;

-- CreateIndex
CREATE UNIQUE INDEX "Measure_projectId_name_key" ON "Measure"("projectId", "name");
