-- CreateTable
CREATE TABLE "LinkageActivity" (
    "teamId" UUID NOT NULL,
    "quarter" VARCHAR(7) NOT NULL,
    "projects" INTEGER NOT NULL,
    "cycles" INTEGER NOT NULL,

    CONSTRAINT "LinkageActivity_pkey" PRIMARY KEY ("teamId","quarter")
);

-- CreateIndex
CREATE INDEX "LinkageActivity_quarter_teamId_projects_cycles_idx" ON "LinkageActivity"("quarter", "teamId", "projects", "cycles");

-- AddForeignKey
ALTER TABLE "LinkageActivity" ADD CONSTRAINT "LinkageActivity_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express functions and triggers): LinkageActivity kept current in
-- the transaction of every write to projects and PDSA cycles, recomputed per team from the raw
-- rows as TeamQuarterEngagement is (a team holds tens of projects even at ten times the
-- partnership). At N=10 the window's 527,635 projects and 206,106 cycles were counted on every
-- view of linkage; this reads one row per rated team.
--
-- A project counts for the window ending with quarter B when it started before B ends and was
-- last active after B-3 starts: B runs from its start's quarter to three after its last
-- activity's. A cycle counts for the four windows from its start's quarter on.
CREATE FUNCTION "linkage_activity_refresh"(team_ids uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  bucket int;
BEGIN
  -- A lock per team (one of 1,024), in order, as team_engagement_refresh takes its own.
  FOR bucket IN SELECT DISTINCT abs(hashtext(id::text) % 1024) FROM unnest(team_ids) AS id WHERE id IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtext('LinkageActivity'), bucket);
  END LOOP;
  DELETE FROM "LinkageActivity" WHERE "teamId" = ANY(team_ids);
  INSERT INTO "LinkageActivity" ("teamId", "quarter", "projects", "cycles")
  SELECT x."teamId", to_char(x.window_end, 'YYYY"-Q"Q'), sum(x.projects)::int, sum(x.cycles)::int
  FROM (
    SELECT p."teamId", window_end, 1 AS projects, 0 AS cycles
    FROM "Project" p
    CROSS JOIN LATERAL generate_series(date_trunc('quarter', coalesce(p."startDate", p."createdAt"::date)::timestamp),
                                       date_trunc('quarter', p."lastActivityAt") + interval '9 months', interval '3 months') AS window_end
    WHERE p."teamId" = ANY(team_ids)
    UNION ALL
    SELECT c."teamId", window_end, 0, 1
    FROM "PdsaCycle" c
    CROSS JOIN LATERAL generate_series(date_trunc('quarter', c."startDate"::timestamp), date_trunc('quarter', c."startDate"::timestamp) + interval '9 months', interval '3 months') AS window_end
    WHERE c."teamId" = ANY(team_ids)
  ) x
  GROUP BY x."teamId", x.window_end;
END $$;

-- The teams a statement touched, from its transition tables (both a cycle and a project carry
-- their team). An update recomputes only when a column the figures read changed.
CREATE FUNCTION "linkage_activity_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  read text := CASE TG_TABLE_NAME
    WHEN 'Project' THEN '"teamId", "startDate", "createdAt", "lastActivityAt"'
    WHEN 'PdsaCycle' THEN '"teamId", "startDate"'
  END;
  teams uuid[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    EXECUTE format('SELECT array(SELECT team FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL (VALUES (o."teamId"), (n."teamId")) AS x(team) WHERE (%s) IS DISTINCT FROM (%s))',
      (SELECT string_agg('o.' || trim(c), ', ') FROM unnest(string_to_array(read, ',')) AS c),
      (SELECT string_agg('n.' || trim(c), ', ') FROM unnest(string_to_array(read, ',')) AS c))
    INTO teams;
  ELSE
    EXECUTE format('SELECT array(SELECT "teamId" FROM %I)', CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END) INTO teams;
  END IF;
  teams := array(SELECT DISTINCT team FROM unnest(teams) AS team);
  IF cardinality(teams) > 0 THEN
    PERFORM "linkage_activity_refresh"(teams);
  END IF;
  RETURN NULL;
END $$;

-- A truncate empties the figures of every team.
CREATE FUNCTION "linkage_activity_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "linkage_activity_refresh"(array(SELECT id FROM "Team"));
  RETURN NULL;
END $$;

-- Named to fire after the engagement triggers of the same event and before the practice-rank
-- and overview roll-up ones (PostgreSQL fires them in name order), so every writer takes the
-- per-team locks in one order.
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['Project', 'PdsaCycle'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "linkage_activity_on_change"()', watched || '_linkage_activity_insert', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "linkage_activity_on_change"()', watched || '_linkage_activity_update', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "linkage_activity_on_change"()', watched || '_linkage_activity_delete', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "linkage_activity_on_truncate"()', watched || '_linkage_activity_truncate', watched);
  END LOOP;
END
$$;

-- Linkage's cached figures are keyed by the figures' version: a write here moves it too
-- (lib/data/figures-cache.ts; migration 20261202154644_figures_version).
CREATE TRIGGER "LinkageActivity_figures_version_change" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LinkageActivity" FOR EACH STATEMENT EXECUTE FUNCTION "figures_version_raise"();

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ubt_app') THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "LinkageActivity" FROM ubt_app;
  END IF;
END
$$;

-- The rows of the data already there.
SELECT "linkage_activity_refresh"(array(SELECT id FROM "Team"));
