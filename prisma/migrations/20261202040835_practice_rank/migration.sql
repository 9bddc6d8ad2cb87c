-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "adopterCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "validatedSavingsCents" BIGINT NOT NULL DEFAULT 0;

-- Hand-written (Prisma cannot express triggers): a project's adopterCount and
-- validatedSavingsCents kept current in the transaction of every write to SpreadLink and
-- SavingsEntry. Statement-level triggers with transition tables, as for FinalRatingCount,
-- so a bulk load adds its rows with one grouped update; projects are locked in id order
-- first, so concurrent writers sharing projects cannot deadlock on them.

-- Only a project's team and last activity count toward engagement, so an update of a
-- project that changes neither (its title, or the practice rank below) recomputes nothing;
-- otherwise as in migration 20261201071814_team_quarter_engagement.
CREATE OR REPLACE FUNCTION "team_engagement_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF TG_TABLE_NAME = 'Project' AND TG_OP = 'UPDATE' THEN
    teams := array(
      SELECT unnest(ARRAY[n."teamId", o."teamId"])
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n."teamId" IS DISTINCT FROM o."teamId" OR n."lastActivityAt" IS DISTINCT FROM o."lastActivityAt");
  ELSE
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      EXECUTE 'SELECT array(' || format(path, 'new_rows') || ')' INTO more;
      teams := teams || more;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      EXECUTE 'SELECT array(' || format(path, 'old_rows') || ')' INTO more;
      teams := teams || more;
    END IF;
  END IF;
  IF cardinality(teams) > 0 THEN
    PERFORM "team_engagement_refresh"(teams);
  END IF;
  RETURN NULL;
END $$;

-- Adds each project's (adopters, cents) delta; an update that leaves both alone writes nothing.
CREATE FUNCTION "practice_rank_add"(deltas jsonb) RETURNS void LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  PERFORM 1 FROM "Project" p
  WHERE p.id IN (SELECT d."projectId" FROM jsonb_to_recordset(deltas) AS d("projectId" uuid))
  ORDER BY p.id FOR UPDATE;
  UPDATE "Project" AS p
  SET "adopterCount" = p."adopterCount" + d.adopters, "validatedSavingsCents" = p."validatedSavingsCents" + d.cents
  FROM (
    SELECT d."projectId", sum(d.adopters)::int AS adopters, sum(d.cents)::bigint AS cents
    FROM jsonb_to_recordset(deltas) AS d("projectId" uuid, adopters int, cents bigint)
    GROUP BY 1
    HAVING sum(d.adopters) <> 0 OR sum(d.cents) <> 0
  ) d
  WHERE p.id = d."projectId";
END $$;

CREATE FUNCTION "practice_rank_on_spread_link"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb := '[]'::jsonb;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || COALESCE((SELECT jsonb_agg(jsonb_build_object('projectId', o."originProjectId", 'adopters', -1, 'cents', 0)) FROM old_rows o), '[]'::jsonb);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || COALESCE((SELECT jsonb_agg(jsonb_build_object('projectId', n."originProjectId", 'adopters', 1, 'cents', 0)) FROM new_rows n), '[]'::jsonb);
  END IF;
  PERFORM "practice_rank_add"(deltas);
  RETURN NULL;
END $$;

CREATE TRIGGER "SpreadLink_practice_rank_insert" AFTER INSERT ON "SpreadLink"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_spread_link"();
CREATE TRIGGER "SpreadLink_practice_rank_update" AFTER UPDATE ON "SpreadLink"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_spread_link"();
CREATE TRIGGER "SpreadLink_practice_rank_delete" AFTER DELETE ON "SpreadLink"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_spread_link"();

CREATE FUNCTION "practice_rank_on_savings"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb := '[]'::jsonb;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || COALESCE((
      SELECT jsonb_agg(jsonb_build_object('projectId', o."projectId", 'adopters', 0, 'cents', -o."amountCents"))
      FROM old_rows o WHERE o.status = 'VALIDATED'), '[]'::jsonb);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || COALESCE((
      SELECT jsonb_agg(jsonb_build_object('projectId', n."projectId", 'adopters', 0, 'cents', n."amountCents"))
      FROM new_rows n WHERE n.status = 'VALIDATED'), '[]'::jsonb);
  END IF;
  PERFORM "practice_rank_add"(deltas);
  RETURN NULL;
END $$;

CREATE TRIGGER "SavingsEntry_practice_rank_insert" AFTER INSERT ON "SavingsEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_savings"();
CREATE TRIGGER "SavingsEntry_practice_rank_update" AFTER UPDATE ON "SavingsEntry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_savings"();
CREATE TRIGGER "SavingsEntry_practice_rank_delete" AFTER DELETE ON "SavingsEntry"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_savings"();

CREATE FUNCTION "practice_rank_on_spread_link_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Project" SET "adopterCount" = 0 WHERE "adopterCount" <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "practice_rank_on_savings_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Project" SET "validatedSavingsCents" = 0 WHERE "validatedSavingsCents" <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "SpreadLink_practice_rank_truncate" AFTER TRUNCATE ON "SpreadLink"
  FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_spread_link_truncate"();
CREATE TRIGGER "SavingsEntry_practice_rank_truncate" AFTER TRUNCATE ON "SavingsEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "practice_rank_on_savings_truncate"();

-- Every project's figures from its raw rows, writing only those that differ: the figures
-- of the rows already there, and after a bulk load made with these triggers off (the seed
-- and the data generator, prisma/seed/load.ts).
CREATE FUNCTION "practice_rank_refresh"() RETURNS void LANGUAGE sql SET search_path = public AS $$
  UPDATE "Project" AS p
  SET "adopterCount" = figures.adopters, "validatedSavingsCents" = figures.cents
  FROM (
    SELECT x.id, COALESCE(a.adopters, 0) AS adopters, COALESCE(s.cents, 0) AS cents
    FROM "Project" x
    LEFT JOIN (SELECT "originProjectId" AS id, count(*)::int AS adopters FROM "SpreadLink" GROUP BY 1) a ON a.id = x.id
    LEFT JOIN (SELECT "projectId" AS id, sum("amountCents")::bigint AS cents FROM "SavingsEntry" WHERE status = 'VALIDATED' GROUP BY 1) s ON s.id = x.id
  ) figures
  WHERE p.id = figures.id AND (p."adopterCount", p."validatedSavingsCents") IS DISTINCT FROM (figures.adopters, figures.cents);
$$;

SELECT "practice_rank_refresh"();

-- CreateIndex
CREATE INDEX "Project_practice_rank_idx" ON "Project"("adopterCount" DESC, "validatedSavingsCents" DESC, "title", "id");
