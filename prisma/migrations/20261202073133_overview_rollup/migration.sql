-- CreateTable
CREATE TABLE "OverviewRollup" (
    "quarter" VARCHAR(7) NOT NULL,
    "regionId" UUID NOT NULL,
    "facilityId" UUID NOT NULL,
    "compassPoint" VARCHAR(32) NOT NULL,
    "projectsInProgress" INTEGER NOT NULL,
    "projectsCompleted" INTEGER NOT NULL,
    "projectsAbandoned" INTEGER NOT NULL,
    "savingsReportedCents" BIGINT NOT NULL,
    "savingsValidatedCents" BIGINT NOT NULL,

    CONSTRAINT "OverviewRollup_pkey" PRIMARY KEY ("facilityId","compassPoint","quarter")
);

-- CreateIndex
CREATE INDEX "OverviewRollup_compassPoint_quarter_idx" ON "OverviewRollup"("compassPoint", "quarter");

-- Hand-written (Prisma cannot express functions and triggers): OverviewRollup kept current
-- in the transaction of every write to projects, savings, teams' departments and
-- departments' facilities. Each statement recomputes the facilities it touched from the raw
-- rows (a facility holds a few hundred projects even at ten times the partnership), so the
-- figures are defined once, here, and a recompute cannot drift the way added deltas could.

-- Recomputes the facilities' rows. A lock per facility (one of 1,024), taken in order before
-- reading, makes concurrent writers to one facility recompute one after the other, each
-- seeing what the other committed (as team_engagement_refresh does per team).
CREATE FUNCTION "overview_rollup_refresh"(facility_ids uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  bucket int;
BEGIN
  FOR bucket IN SELECT DISTINCT abs(hashtext(id::text) % 1024) FROM unnest(facility_ids) AS id WHERE id IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('OverviewRollup'), bucket);
  END LOOP;
  DELETE FROM "OverviewRollup" WHERE "facilityId" = ANY(facility_ids);
  INSERT INTO "OverviewRollup" ("quarter", "regionId", "facilityId", "compassPoint", "projectsInProgress", "projectsCompleted", "projectsAbandoned", "savingsReportedCents", "savingsValidatedCents")
  SELECT x.quarter, x."regionId", x."facilityId", point,
         sum(x."inProgress")::int, sum(x.completed)::int, sum(x.abandoned)::int, sum(x.reported)::bigint, sum(x.validated)::bigint
  FROM (
    SELECT to_char(coalesce(p."startDate", p."createdAt"::date), 'YYYY"-Q"Q') AS quarter, t."regionId", d."facilityId", p."compassPoints",
           (p.status IN ('IDEA', 'ACTIVE', 'TESTING'))::int AS "inProgress", (p.status IN ('IMPLEMENTED', 'SUSTAINED'))::int AS completed,
           (p.status = 'ABANDONED')::int AS abandoned, 0 AS reported, 0 AS validated
    FROM "Department" d JOIN "Team" t ON t."departmentId" = d.id JOIN "Project" p ON p."teamId" = t.id
    WHERE d."facilityId" = ANY(facility_ids)
    UNION ALL
    -- Savings count for the team credited with them, under their project's compass points.
    SELECT to_char(e."reportedOn", 'YYYY"-Q"Q'), t."regionId", d."facilityId", p."compassPoints", 0, 0, 0,
           CASE WHEN e.status <> 'REJECTED' THEN e."amountCents" ELSE 0 END, CASE WHEN e.status = 'VALIDATED' THEN e."amountCents" ELSE 0 END
    FROM "Department" d JOIN "Team" t ON t."departmentId" = d.id JOIN "SavingsEntry" e ON e."teamId" = t.id JOIN "Project" p ON p.id = e."projectId"
    WHERE d."facilityId" = ANY(facility_ids)
  ) x
  -- Each point once, as the screens' "tagged with" filter counts a project once.
  CROSS JOIN LATERAL (SELECT DISTINCT point FROM unnest(array_append(x."compassPoints"::text[], '')) AS point) points
  GROUP BY x.quarter, x."regionId", x."facilityId", point;
END $$;

-- The facilities a statement touched, from its transition tables: where each row's team
-- sits, before and after. An update recomputes only when a column the figures read changed
-- (a project's title, last activity or practice rank changes none of them).
CREATE FUNCTION "overview_rollup_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  facility text := CASE TG_TABLE_NAME
    WHEN 'Department' THEN '%1$s."facilityId"'
    WHEN 'Team' THEN '(SELECT d."facilityId" FROM "Department" d WHERE d.id = %1$s."departmentId")'
    ELSE '(SELECT d."facilityId" FROM "Team" t JOIN "Department" d ON d.id = t."departmentId" WHERE t.id = %1$s."teamId")'
  END;
  read text := CASE TG_TABLE_NAME
    WHEN 'Department' THEN '"facilityId"'
    WHEN 'Team' THEN '"departmentId"'
    WHEN 'Project' THEN '"teamId", status, "compassPoints", "startDate", "createdAt"'
    WHEN 'SavingsEntry' THEN '"teamId", "projectId", "amountCents", status, "reportedOn"'
  END;
  facilities uuid[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    EXECUTE format('SELECT array(SELECT f FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL (VALUES (%s), (%s)) AS x(f) WHERE (%s) IS DISTINCT FROM (%s))',
      format(facility, 'o'), format(facility, 'n'),
      (SELECT string_agg('o.' || trim(c), ', ') FROM unnest(string_to_array(read, ',')) AS c),
      (SELECT string_agg('n.' || trim(c), ', ') FROM unnest(string_to_array(read, ',')) AS c))
    INTO facilities;
  ELSE
    EXECUTE format('SELECT array(SELECT %s FROM %I r)', format(facility, 'r'), CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END) INTO facilities;
  END IF;
  facilities := array(SELECT DISTINCT f FROM unnest(facilities) AS f WHERE f IS NOT NULL);
  IF cardinality(facilities) > 0 THEN
    PERFORM "overview_rollup_refresh"(facilities);
  END IF;
  RETURN NULL;
END $$;

-- A truncate empties the figures of every facility.
CREATE FUNCTION "overview_rollup_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "overview_rollup_refresh"(array(SELECT id FROM "Facility"));
  RETURN NULL;
END $$;

-- Named to fire after the engagement and practice-rank triggers of the same event (PostgreSQL
-- fires them in name order): those lock the project's row or team first, then this the
-- facility, the order a project's own update takes them in, so the two cannot deadlock.
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['Project', 'SavingsEntry'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "overview_rollup_on_change"()', watched || '_rollup_overview_insert', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "overview_rollup_on_truncate"()', watched || '_rollup_overview_truncate', watched);
  END LOOP;
  FOREACH watched IN ARRAY ARRAY['Project', 'SavingsEntry', 'Team', 'Department'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "overview_rollup_on_change"()', watched || '_rollup_overview_update', watched);
  END LOOP;
  -- A team deleted takes its projects and savings along; by then their own triggers no longer
  -- find the team, so the team's statement recomputes its facility.
  FOREACH watched IN ARRAY ARRAY['Project', 'SavingsEntry', 'Team'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "overview_rollup_on_change"()', watched || '_rollup_overview_delete', watched);
  END LOOP;
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ubt_app') THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "OverviewRollup" FROM ubt_app;
  END IF;
END
$$;

-- The rows of the data already there.
SELECT "overview_rollup_refresh"(array(SELECT id FROM "Facility"));
