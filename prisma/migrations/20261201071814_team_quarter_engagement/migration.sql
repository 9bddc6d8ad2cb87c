-- CreateTable
CREATE TABLE "TeamQuarterEngagement" (
    "teamId" UUID NOT NULL,
    "quarter" VARCHAR(7) NOT NULL,
    "members" INTEGER NOT NULL,
    "engaged" INTEGER NOT NULL,

    CONSTRAINT "TeamQuarterEngagement_pkey" PRIMARY KEY ("teamId","quarter")
);

-- CreateIndex
CREATE INDEX "TeamQuarterEngagement_quarter_idx" ON "TeamQuarterEngagement"("quarter");

-- AddForeignKey
ALTER TABLE "TeamQuarterEngagement" ADD CONSTRAINT "TeamQuarterEngagement_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express functions and triggers): TeamQuarterEngagement kept
-- current in the transaction of every write that changes a team's engagement. The rule is
-- lib/domain/engagement.ts's teamEngagement; tests hold the two to each other.

-- Recomputes the teams' rows, every quarter from the team's first roster member to two
-- quarters ahead. A lock per team (one of 1,024, so refreshing every team at once holds at
-- most that many), taken in order before reading, makes concurrent writers to one team
-- recompute one after the other, each seeing what the other committed.
CREATE FUNCTION "team_engagement_refresh"(team_ids uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  bucket int;
BEGIN
  FOR bucket IN SELECT DISTINCT abs(hashtext(id::text) % 1024) FROM unnest(team_ids) AS id WHERE id IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('TeamQuarterEngagement'), bucket);
  END LOOP;
  DELETE FROM "TeamQuarterEngagement" WHERE "teamId" = ANY(team_ids);
  INSERT INTO "TeamQuarterEngagement" ("teamId", "quarter", "members", "engaged")
  SELECT m."teamId", q.quarter,
         count(DISTINCT m."personId")::int,
         count(DISTINCT m."personId") FILTER (WHERE
           EXISTS (SELECT 1 FROM "ProjectMember" pm JOIN "Project" p ON p.id = pm."projectId"
                   WHERE pm."personId" = m."personId" AND p."teamId" = m."teamId"
                     AND pm."addedOn" < q."end" AND least(pm."removedOn", p."lastActivityAt"::date) >= q.start)
           OR EXISTS (SELECT 1 FROM "PdsaCycleParticipant" cp JOIN "PdsaCycle" c ON c.id = cp."cycleId" JOIN "Project" p ON p.id = c."projectId"
                   WHERE cp."personId" = m."personId" AND p."teamId" = m."teamId"
                     AND c."startDate" < q."end" AND coalesce(c."endDate", c."startDate") >= q.start)
           OR EXISTS (SELECT 1 FROM "DataPoint" dp JOIN "Measure" ms ON ms.id = dp."measureId" JOIN "Project" p ON p.id = ms."projectId"
                   WHERE dp."collectedById" = m."personId" AND p."teamId" = m."teamId"
                     AND dp.date >= q.start AND dp.date < q."end"))::int
  FROM (SELECT "teamId", min("joinedOn") AS first FROM "TeamMember" WHERE "teamId" = ANY(team_ids) GROUP BY "teamId") span
  CROSS JOIN LATERAL (
    SELECT to_char(s, 'YYYY"-Q"Q') AS quarter, s::date AS start, (s + interval '3 months')::date AS "end"
    FROM generate_series(date_trunc('quarter', span.first), date_trunc('quarter', now()) + interval '6 months', interval '3 months') AS s
  ) q
  JOIN "TeamMember" m ON m."teamId" = span."teamId" AND m."joinedOn" < q."end" AND (m."leftOn" IS NULL OR m."leftOn" >= q.start)
  GROUP BY m."teamId", q.quarter;
END $$;

-- The teams a statement touched, from its transition tables (new rows after an insert,
-- old rows after a delete, both after an update), by the path from each table to its team.
CREATE FUNCTION "team_engagement_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  path text := CASE TG_TABLE_NAME
    WHEN 'TeamMember' THEN 'SELECT "teamId" FROM %I'
    WHEN 'Project' THEN 'SELECT "teamId" FROM %I'
    WHEN 'ProjectMember' THEN 'SELECT p."teamId" FROM %I r JOIN "Project" p ON p.id = r."projectId"'
    WHEN 'PdsaCycle' THEN 'SELECT p."teamId" FROM %I r JOIN "Project" p ON p.id = r."projectId"'
    WHEN 'Measure' THEN 'SELECT p."teamId" FROM %I r JOIN "Project" p ON p.id = r."projectId"'
    WHEN 'PdsaCycleParticipant' THEN 'SELECT p."teamId" FROM %I r JOIN "PdsaCycle" c ON c.id = r."cycleId" JOIN "Project" p ON p.id = c."projectId"'
    WHEN 'DataPoint' THEN 'SELECT p."teamId" FROM %I r JOIN "Measure" ms ON ms.id = r."measureId" JOIN "Project" p ON p.id = ms."projectId" WHERE r."collectedById" IS NOT NULL'
  END;
  teams uuid[] := '{}';
  more uuid[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE 'SELECT array(' || format(path, 'new_rows') || ')' INTO more;
    teams := teams || more;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE 'SELECT array(' || format(path, 'old_rows') || ')' INTO more;
    teams := teams || more;
  END IF;
  IF cardinality(teams) > 0 THEN
    PERFORM "team_engagement_refresh"(teams);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['TeamMember', 'Project', 'ProjectMember', 'PdsaCycle', 'PdsaCycleParticipant', 'DataPoint'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_engagement_on_change"()', watched || '_engagement_insert', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_engagement_on_change"()', watched || '_engagement_update', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_engagement_on_change"()', watched || '_engagement_delete', watched);
  END LOOP;
  -- A measure deleted takes its data points with it: its project's team is recomputed.
  CREATE TRIGGER "Measure_engagement_delete" AFTER DELETE ON "Measure" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "team_engagement_on_change"();
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ubt_app') THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "TeamQuarterEngagement" FROM ubt_app;
  END IF;
END
$$;

-- The rows of the data already there.
SELECT "team_engagement_refresh"(array(SELECT DISTINCT "teamId" FROM "TeamMember"));
