-- DropIndex
DROP INDEX "Project_title_trgm_idx";

-- DropIndex
DROP INDEX "Team_name_trgm_idx";

-- CreateIndex
CREATE INDEX "Project_title_trgm_idx" ON "Project" USING GIST ("title" gist_trgm_ops);

-- CreateIndex
CREATE INDEX "Team_name_trgm_idx" ON "Team" USING GIST ("name" gist_trgm_ops);
