-- Hand-written (Prisma 7 no longer manages extensions in the schema): the trigram
-- operators the indexes below use. pg_trgm is a trusted extension, so a database owner
-- without superuser may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Person_displayName_id_idx" ON "Person"("displayName", "id");

-- CreateIndex
CREATE INDEX "Person_displayName_trgm_idx" ON "Person" USING GIN ("displayName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Project_title_trgm_idx" ON "Project" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Team_name_code_idx" ON "Team"("name", "code");

-- CreateIndex
CREATE INDEX "Team_name_trgm_idx" ON "Team" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Team_code_trgm_idx" ON "Team" USING GIN ("code" gin_trgm_ops);
