-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RoleKind" AS ENUM ('LABOR_COLEAD', 'MANAGEMENT_COLEAD', 'PHYSICIAN_COLEAD', 'UNION_SPONSOR', 'MANAGEMENT_SPONSOR', 'CONSULTANT', 'LMP_STAFF', 'FINANCE_REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Dimension" AS ENUM ('SPONSORSHIP', 'LEADERSHIP', 'TRAINING', 'TEAM_PROCESS', 'TEAM_MEMBER_ENGAGEMENT', 'USE_OF_TOOLS', 'GOALS_AND_PERFORMANCE');

-- CreateEnum
CREATE TYPE "CompassPoint" AS ENUM ('PATIENT_AND_MEMBER_FOCUS', 'BEST_QUALITY', 'BEST_SERVICE', 'MOST_AFFORDABLE', 'BEST_PLACE_TO_WORK');

-- CreateEnum
CREATE TYPE "DepartmentType" AS ENUM ('PHARMACY', 'PRIMARY_CARE', 'SPECIALTY_CARE', 'INPATIENT_NURSING', 'EMERGENCY', 'SURGERY', 'MATERNAL_CHILD', 'LABORATORY', 'IMAGING', 'BEHAVIORAL_HEALTH', 'REHABILITATION', 'MEMBER_SERVICES', 'TRANSPORT_LOGISTICS', 'ENVIRONMENTAL_SERVICES', 'HEALTH_PLAN_ADMINISTRATION', 'FINANCE', 'INFORMATION_TECHNOLOGY');

-- CreateEnum
CREATE TYPE "CriteriaSetStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "RatingKind" AS ENUM ('QUARTERLY', 'SELF_ASSESSMENT');

-- CreateEnum
CREATE TYPE "RatingStatus" AS ENUM ('DRAFT', 'AWAITING_SIGNOFF', 'FINAL', 'DISPUTED');

-- CreateEnum
CREATE TYPE "SponsorSide" AS ENUM ('UNION', 'MANAGEMENT');

-- CreateEnum
CREATE TYPE "SignoffDecision" AS ENUM ('SIGNED', 'DISAGREED');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('IDEA', 'ACTIVE', 'TESTING', 'IMPLEMENTED', 'SUSTAINED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "ImprovementTool" AS ENUM ('RAPID_IMPROVEMENT_MODEL', 'PDSA', 'RUN_CHART', 'PROCESS_MAP', 'FISHBONE', 'PARETO', 'FIVE_WHYS', 'VALUE_STREAM_MAP', 'FIVE_S', 'STANDARD_WORK', 'HUDDLE_BOARD', 'VOICE_OF_CUSTOMER', 'WASTE_WALK');

-- CreateEnum
CREATE TYPE "MeasureKind" AS ENUM ('OUTCOME', 'PROCESS', 'BALANCING');

-- CreateEnum
CREATE TYPE "ImprovementDirection" AS ENUM ('INCREASE', 'DECREASE');

-- CreateEnum
CREATE TYPE "PdsaDecision" AS ENUM ('ADOPT', 'ADAPT', 'ABANDON');

-- CreateEnum
CREATE TYPE "SavingsCategory" AS ENUM ('HARD_SAVINGS', 'SOFT_SAVINGS', 'COST_AVOIDANCE', 'REVENUE');

-- CreateEnum
CREATE TYPE "SavingsRecurrence" AS ENUM ('ONE_TIME', 'RECURRING');

-- CreateEnum
CREATE TYPE "SavingsStatus" AS ENUM ('REPORTED', 'VALIDATED', 'REJECTED');

-- CreateTable
CREATE TABLE "Region" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(60) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "membersServed" INTEGER,
    "councilSinceQuarter" VARCHAR(7),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Facility" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "name" VARCHAR(160) NOT NULL,

    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" UUID NOT NULL,
    "facilityId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "type" "DepartmentType" NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "International" (
    "id" UUID NOT NULL,
    "abbreviation" VARCHAR(40) NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "memberCount" INTEGER NOT NULL,

    CONSTRAINT "International_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnionLocal" (
    "id" UUID NOT NULL,
    "internationalId" UUID NOT NULL,
    "name" VARCHAR(160) NOT NULL,

    CONSTRAINT "UnionLocal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "regionId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "unionLocalId" UUID,
    "charteredQuarter" VARCHAR(7) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" UUID NOT NULL,
    "regionId" UUID,
    "title" VARCHAR(200) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "displayName" VARCHAR(160) NOT NULL,
    "email" VARCHAR(254),
    "unionLocalId" UUID,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "passwordHash" VARCHAR(255),
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "RoleKind" NOT NULL,
    "teamId" UUID,
    "regionId" UUID,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "status" "CriteriaSetStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "dimension" "Dimension" NOT NULL,
    "level" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" VARCHAR(500) NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "quarter" VARCHAR(7) NOT NULL,
    "kind" "RatingKind" NOT NULL DEFAULT 'QUARTERLY',
    "criteriaSetId" UUID NOT NULL,
    "level" INTEGER,
    "status" "RatingStatus" NOT NULL DEFAULT 'DRAFT',
    "note" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finalizedAt" TIMESTAMP(3),

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingDimension" (
    "ratingId" UUID NOT NULL,
    "dimension" "Dimension" NOT NULL,
    "level" INTEGER,

    CONSTRAINT "RatingDimension_pkey" PRIMARY KEY ("ratingId","dimension")
);

-- CreateTable
CREATE TABLE "RatingCriterionCheck" (
    "ratingId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "criteriaSetId" UUID NOT NULL,
    "met" BOOLEAN NOT NULL,
    "evidence" VARCHAR(1000),

    CONSTRAINT "RatingCriterionCheck_pkey" PRIMARY KEY ("ratingId","criterionId")
);

-- CreateTable
CREATE TABLE "RatingSignoff" (
    "id" UUID NOT NULL,
    "ratingId" UUID NOT NULL,
    "side" "SponsorSide" NOT NULL,
    "personId" UUID NOT NULL,
    "decision" "SignoffDecision" NOT NULL,
    "reason" VARCHAR(2000),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingSignoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "aim" VARCHAR(2000) NOT NULL,
    "compassPoints" "CompassPoint"[],
    "goalId" UUID,
    "tools" "ImprovementTool"[],
    "status" "ProjectStatus" NOT NULL DEFAULT 'IDEA',
    "startDate" DATE,
    "targetDate" DATE,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "updatedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "unit" VARCHAR(40) NOT NULL,
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION,
    "direction" "ImprovementDirection" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataPoint" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "DataPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PdsaCycle" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "plan" VARCHAR(2000) NOT NULL,
    "prediction" VARCHAR(1000),
    "doNotes" VARCHAR(2000),
    "study" VARCHAR(2000),
    "decision" "PdsaDecision",
    "actNotes" VARCHAR(2000),
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PdsaCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavingsEntry" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "category" "SavingsCategory" NOT NULL,
    "recurrence" "SavingsRecurrence" NOT NULL,
    "reportedOn" DATE NOT NULL,
    "periodStart" DATE,
    "periodEnd" DATE,
    "method" VARCHAR(2000) NOT NULL,
    "evidence" VARCHAR(2000),
    "status" "SavingsStatus" NOT NULL DEFAULT 'REPORTED',
    "rejectionReason" VARCHAR(2000),
    "version" INTEGER NOT NULL DEFAULT 1,
    "reportedById" UUID,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavingsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpreadLink" (
    "id" UUID NOT NULL,
    "originProjectId" UUID NOT NULL,
    "adopterProjectId" UUID NOT NULL,
    "adopterTeamId" UUID NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpreadLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" VARCHAR(80) NOT NULL,
    "entityType" VARCHAR(60) NOT NULL,
    "entityId" VARCHAR(80) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" VARCHAR(2000),

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_slug_key" ON "Region"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Region_name_key" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_regionId_name_key" ON "Facility"("regionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Facility_id_regionId_key" ON "Facility"("id", "regionId");

-- CreateIndex
CREATE INDEX "Department_regionId_idx" ON "Department"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_facilityId_name_key" ON "Department"("facilityId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Department_id_regionId_key" ON "Department"("id", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "International_abbreviation_key" ON "International"("abbreviation");

-- CreateIndex
CREATE UNIQUE INDEX "International_name_key" ON "International"("name");

-- CreateIndex
CREATE UNIQUE INDEX "UnionLocal_name_key" ON "UnionLocal"("name");

-- CreateIndex
CREATE INDEX "UnionLocal_internationalId_idx" ON "UnionLocal"("internationalId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_code_key" ON "Team"("code");

-- CreateIndex
CREATE INDEX "Team_regionId_idx" ON "Team"("regionId");

-- CreateIndex
CREATE INDEX "Team_departmentId_idx" ON "Team"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_regionId_title_key" ON "Goal"("regionId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_personId_key" ON "User"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "RoleAssignment_personId_idx" ON "RoleAssignment"("personId");

-- CreateIndex
CREATE INDEX "RoleAssignment_teamId_role_idx" ON "RoleAssignment"("teamId", "role");

-- CreateIndex
CREATE INDEX "RoleAssignment_regionId_role_idx" ON "RoleAssignment"("regionId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_version_key" ON "CriteriaSet"("version");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_setId_dimension_level_position_key" ON "Criterion"("setId", "dimension", "level", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_id_setId_key" ON "Criterion"("id", "setId");

-- CreateIndex
CREATE INDEX "Rating_quarter_kind_status_idx" ON "Rating"("quarter", "kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_teamId_quarter_kind_key" ON "Rating"("teamId", "quarter", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_id_criteriaSetId_key" ON "Rating"("id", "criteriaSetId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingSignoff_ratingId_side_key" ON "RatingSignoff"("ratingId", "side");

-- CreateIndex
CREATE INDEX "Project_teamId_status_idx" ON "Project"("teamId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Project_id_teamId_key" ON "Project"("id", "teamId");

-- CreateIndex
CREATE INDEX "Measure_projectId_idx" ON "Measure"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "DataPoint_measureId_date_key" ON "DataPoint"("measureId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "PdsaCycle_projectId_number_key" ON "PdsaCycle"("projectId", "number");

-- CreateIndex
CREATE INDEX "SavingsEntry_teamId_status_idx" ON "SavingsEntry"("teamId", "status");

-- CreateIndex
CREATE INDEX "SavingsEntry_projectId_idx" ON "SavingsEntry"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "SpreadLink_adopterProjectId_adopterTeamId_key" ON "SpreadLink"("adopterProjectId", "adopterTeamId");

-- CreateIndex
CREATE UNIQUE INDEX "SpreadLink_originProjectId_adopterTeamId_key" ON "SpreadLink"("originProjectId", "adopterTeamId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "Facility" ADD CONSTRAINT "Facility_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_facilityId_regionId_fkey" FOREIGN KEY ("facilityId", "regionId") REFERENCES "Facility"("id", "regionId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnionLocal" ADD CONSTRAINT "UnionLocal_internationalId_fkey" FOREIGN KEY ("internationalId") REFERENCES "International"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_departmentId_regionId_fkey" FOREIGN KEY ("departmentId", "regionId") REFERENCES "Department"("id", "regionId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_unionLocalId_fkey" FOREIGN KEY ("unionLocalId") REFERENCES "UnionLocal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unionLocalId_fkey" FOREIGN KEY ("unionLocalId") REFERENCES "UnionLocal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSet" ADD CONSTRAINT "CriteriaSet_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDimension" ADD CONSTRAINT "RatingDimension_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingCriterionCheck" ADD CONSTRAINT "RatingCriterionCheck_ratingId_criteriaSetId_fkey" FOREIGN KEY ("ratingId", "criteriaSetId") REFERENCES "Rating"("id", "criteriaSetId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingCriterionCheck" ADD CONSTRAINT "RatingCriterionCheck_criterionId_criteriaSetId_fkey" FOREIGN KEY ("criterionId", "criteriaSetId") REFERENCES "Criterion"("id", "setId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingSignoff" ADD CONSTRAINT "RatingSignoff_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingSignoff" ADD CONSTRAINT "RatingSignoff_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataPoint" ADD CONSTRAINT "DataPoint_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_projectId_teamId_fkey" FOREIGN KEY ("projectId", "teamId") REFERENCES "Project"("id", "teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpreadLink" ADD CONSTRAINT "SpreadLink_originProjectId_fkey" FOREIGN KEY ("originProjectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpreadLink" ADD CONSTRAINT "SpreadLink_adopterProjectId_adopterTeamId_fkey" FOREIGN KEY ("adopterProjectId", "adopterTeamId") REFERENCES "Project"("id", "teamId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpreadLink" ADD CONSTRAINT "SpreadLink_adopterTeamId_fkey" FOREIGN KEY ("adopterTeamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpreadLink" ADD CONSTRAINT "SpreadLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Constraints Prisma's schema language cannot express
-- (Prisma's differ ignores CHECK constraints and triggers, so they never show up as drift.)

-- Quarters are written "YYYY-Qn".
ALTER TABLE "Region" ADD CONSTRAINT "Region_councilSinceQuarter_format" CHECK ("councilSinceQuarter" ~ '^[0-9]{4}-Q[1-4]$');
ALTER TABLE "Team" ADD CONSTRAINT "Team_charteredQuarter_format" CHECK ("charteredQuarter" ~ '^[0-9]{4}-Q[1-4]$');
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_quarter_format" CHECK ("quarter" ~ '^[0-9]{4}-Q[1-4]$');

ALTER TABLE "Region" ADD CONSTRAINT "Region_membersServed_nonnegative" CHECK ("membersServed" >= 0);

-- Path to Performance levels run 1 to 5; null means no level is fully met yet.
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_level_range" CHECK ("level" BETWEEN 1 AND 5);
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_position_positive" CHECK ("position" >= 1);
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_level_range" CHECK ("level" BETWEEN 1 AND 5);
ALTER TABLE "RatingDimension" ADD CONSTRAINT "RatingDimension_level_range" CHECK ("level" BETWEEN 1 AND 5);
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_final_has_level" CHECK ("status" <> 'FINAL' OR "level" IS NOT NULL);

-- Optimistic-locking versions start at 1.
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Project" ADD CONSTRAINT "Project_version_positive" CHECK ("version" >= 1);
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_version_positive" CHECK ("version" >= 1);

-- "Non-blank" = contains a non-whitespace character.
ALTER TABLE "RatingSignoff" ADD CONSTRAINT "RatingSignoff_disagreement_has_reason"
    CHECK ("decision" <> 'DISAGREED' OR coalesce("reason", '') ~ '[^[:space:]]');

-- A project serves at least one point of the Value Compass (a null list counts as empty).
ALTER TABLE "Project" ADD CONSTRAINT "Project_compassPoints_not_empty" CHECK (coalesce(cardinality("compassPoints"), 0) >= 1);
ALTER TABLE "Project" ADD CONSTRAINT "Project_targetDate_not_before_startDate" CHECK ("targetDate" >= "startDate");

ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_number_positive" CHECK ("number" >= 1);
ALTER TABLE "PdsaCycle" ADD CONSTRAINT "PdsaCycle_endDate_not_before_startDate" CHECK ("endDate" >= "startDate");

ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_amountCents_nonnegative" CHECK ("amountCents" >= 0);
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_recurring_has_period"
    CHECK ("recurrence" <> 'RECURRING' OR ("periodStart" IS NOT NULL AND "periodEnd" IS NOT NULL));
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_periodEnd_not_before_periodStart" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "SavingsEntry" ADD CONSTRAINT "SavingsEntry_rejection_has_reason"
    CHECK ("status" <> 'REJECTED' OR coalesce("rejectionReason", '') ~ '[^[:space:]]');

-- Role scope: co-leads and sponsors belong to a team, consultants to a region,
-- LMP staff, finance reviewers and admins to a region or (null) the whole organisation.
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_endDate_not_before_startDate" CHECK ("endDate" >= "startDate");
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_team_role_has_team"
    CHECK ("role" NOT IN ('LABOR_COLEAD', 'MANAGEMENT_COLEAD', 'PHYSICIAN_COLEAD', 'UNION_SPONSOR', 'MANAGEMENT_SPONSOR') OR "teamId" IS NOT NULL);
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_consultant_has_region_only"
    CHECK ("role" <> 'CONSULTANT' OR ("regionId" IS NOT NULL AND "teamId" IS NULL));
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_staff_role_has_no_team"
    CHECK ("role" NOT IN ('LMP_STAFF', 'FINANCE_REVIEWER', 'ADMIN') OR "teamId" IS NULL);

-- The audit trail is append-only. TRUNCATE stays possible (tests reset the database with it).
CREATE FUNCTION "AuditEntry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEntry is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
    BEFORE UPDATE OR DELETE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "AuditEntry_refuse_change"();
