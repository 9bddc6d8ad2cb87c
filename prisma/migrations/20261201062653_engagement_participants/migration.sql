-- AlterTable
ALTER TABLE "DataPoint" ADD COLUMN     "collectedById" UUID;

-- CreateTable
CREATE TABLE "ProjectMember" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "addedOn" DATE NOT NULL,
    "removedOn" DATE,

    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PdsaCycleParticipant" (
    "cycleId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "PdsaCycleParticipant_pkey" PRIMARY KEY ("cycleId","personId")
);

-- CreateIndex
CREATE INDEX "ProjectMember_personId_idx" ON "ProjectMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMember_projectId_personId_addedOn_key" ON "ProjectMember"("projectId", "personId", "addedOn");

-- CreateIndex
CREATE INDEX "PdsaCycleParticipant_personId_idx" ON "PdsaCycleParticipant"("personId");

-- CreateIndex
CREATE INDEX "DataPoint_collectedById_idx" ON "DataPoint"("collectedById");

-- AddForeignKey
ALTER TABLE "DataPoint" ADD CONSTRAINT "DataPoint_collectedById_fkey" FOREIGN KEY ("collectedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycleParticipant" ADD CONSTRAINT "PdsaCycleParticipant_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "PdsaCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycleParticipant" ADD CONSTRAINT "PdsaCycleParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
