-- CreateEnum
CREATE TYPE "KeyTeamRole" AS ENUM ('FACILITATOR', 'RECORDER', 'HEALTH_AND_SAFETY_CHAMPION');

-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('INVITATION', 'PASSWORD_RESET');

-- AlterTable
ALTER TABLE "Facility" ADD COLUMN     "retiredQuarter" VARCHAR(7);

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "employeeId" VARCHAR(40);

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "retiredQuarter" VARCHAR(7);

-- Hand-written: a team already inactive retires from the current quarter, as it was
-- already left out of every roll-up; then the flag goes (retiredQuarter replaces it).
UPDATE "Team" SET "retiredQuarter" = to_char(now(), 'YYYY') || '-Q' || extract(quarter FROM now())::text WHERE NOT "active";
ALTER TABLE "Team" DROP COLUMN "active";

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "joinedOn" DATE NOT NULL,
    "leftOn" DATE,
    "keyRoles" "KeyTeamRole"[],

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_idx" ON "AccountToken"("userId");

-- CreateIndex
CREATE INDEX "TeamMember_personId_idx" ON "TeamMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_teamId_personId_joinedOn_key" ON "TeamMember"("teamId", "personId", "joinedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Person_employeeId_key" ON "Person"("employeeId");

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written constraints (Prisma's differ ignores CHECK constraints, so they never show up as drift).
ALTER TABLE "Team" ADD CONSTRAINT "Team_retiredQuarter_format" CHECK ("retiredQuarter" ~ '^[0-9]{4}-Q[1-4]$');
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_retiredQuarter_format" CHECK ("retiredQuarter" ~ '^[0-9]{4}-Q[1-4]$');
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_leftOn_not_before_joinedOn" CHECK ("leftOn" >= "joinedOn");
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_tokenHash_format" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
