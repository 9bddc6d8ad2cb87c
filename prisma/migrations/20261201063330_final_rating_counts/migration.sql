-- CreateTable
CREATE TABLE "FinalRatingCount" (
    "quarter" VARCHAR(7) NOT NULL,
    "regionId" UUID NOT NULL,
    "facilityId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "teams" INTEGER NOT NULL,

    CONSTRAINT "FinalRatingCount_pkey" PRIMARY KEY ("quarter","facilityId","level")
);

-- CreateIndex
CREATE INDEX "FinalRatingCount_regionId_quarter_idx" ON "FinalRatingCount"("regionId", "quarter");

-- Hand-written (Prisma cannot express triggers): FinalRatingCount kept current in the
-- transaction of every write that changes a final quarterly rating, or where its team is
-- counted. Statement-level triggers with transition tables, so a bulk import adds its
-- ratings with one grouped upsert. Keys are upserted in order, so concurrent writers lock
-- the rows they share in the same order.

-- Adds each (quarter, facility, level) delta; nets a rating's old and new row, so an
-- update that leaves its count alone (a note, a version) writes nothing. Runs as the
-- owner: the app role may read the counts but not write them (revoked below).
CREATE FUNCTION "final_rating_count_add"(deltas jsonb) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO "FinalRatingCount" AS c ("quarter", "regionId", "facilityId", "level", "teams")
  SELECT d.quarter, d."regionId", d."facilityId", d.level, sum(d.teams)::int
  FROM jsonb_to_recordset(deltas) AS d(quarter varchar(7), "regionId" uuid, "facilityId" uuid, level int, teams int)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.teams) <> 0
  ORDER BY 1, 3, 4
  ON CONFLICT ("quarter", "facilityId", "level") DO UPDATE SET "teams" = c."teams" + EXCLUDED."teams";
$$;

CREATE FUNCTION "final_rating_count_on_rating"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb := '[]'::jsonb;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || COALESCE((
      SELECT jsonb_agg(jsonb_build_object('quarter', o.quarter, 'regionId', t."regionId", 'facilityId', d."facilityId", 'level', o.level, 'teams', -1))
      FROM old_rows o JOIN "Team" t ON t.id = o."teamId" JOIN "Department" d ON d.id = t."departmentId"
      WHERE o.kind = 'QUARTERLY' AND o.status = 'FINAL'), '[]'::jsonb);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || COALESCE((
      SELECT jsonb_agg(jsonb_build_object('quarter', n.quarter, 'regionId', t."regionId", 'facilityId', d."facilityId", 'level', n.level, 'teams', 1))
      FROM new_rows n JOIN "Team" t ON t.id = n."teamId" JOIN "Department" d ON d.id = t."departmentId"
      WHERE n.kind = 'QUARTERLY' AND n.status = 'FINAL'), '[]'::jsonb);
  END IF;
  PERFORM "final_rating_count_add"(deltas);
  RETURN NULL;
END $$;

CREATE TRIGGER "Rating_final_count_insert" AFTER INSERT ON "Rating"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "final_rating_count_on_rating"();
CREATE TRIGGER "Rating_final_count_update" AFTER UPDATE ON "Rating"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "final_rating_count_on_rating"();
CREATE TRIGGER "Rating_final_count_delete" AFTER DELETE ON "Rating"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "final_rating_count_on_rating"();

CREATE FUNCTION "final_rating_count_on_rating_truncate"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM "FinalRatingCount";
  RETURN NULL;
END $$;

CREATE TRIGGER "Rating_final_count_truncate" AFTER TRUNCATE ON "Rating"
  FOR EACH STATEMENT EXECUTE FUNCTION "final_rating_count_on_rating_truncate"();

-- A team moved to another department (so perhaps facility or region) takes its counts along.
CREATE FUNCTION "final_rating_count_on_team_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "final_rating_count_add"(COALESCE((
    SELECT jsonb_agg(x.delta) FROM (
      SELECT jsonb_build_object('quarter', r.quarter, 'regionId', o."regionId", 'facilityId', od."facilityId", 'level', r.level, 'teams', -1) AS delta
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN "Department" od ON od.id = o."departmentId"
      JOIN "Rating" r ON r."teamId" = o.id AND r.kind = 'QUARTERLY' AND r.status = 'FINAL'
      WHERE o."departmentId" <> n."departmentId"
      UNION ALL
      SELECT jsonb_build_object('quarter', r.quarter, 'regionId', n."regionId", 'facilityId', nd."facilityId", 'level', r.level, 'teams', 1)
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN "Department" nd ON nd.id = n."departmentId"
      JOIN "Rating" r ON r."teamId" = n.id AND r.kind = 'QUARTERLY' AND r.status = 'FINAL'
      WHERE o."departmentId" <> n."departmentId") x), '[]'::jsonb));
  RETURN NULL;
END $$;

CREATE TRIGGER "Team_final_count_move" AFTER UPDATE ON "Team"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "final_rating_count_on_team_move"();

-- A department moved to another facility takes its teams' counts along.
CREATE FUNCTION "final_rating_count_on_department_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "final_rating_count_add"(COALESCE((
    SELECT jsonb_agg(x.delta) FROM (
      SELECT jsonb_build_object('quarter', r.quarter, 'regionId', t."regionId", 'facilityId', o."facilityId", 'level', r.level, 'teams', -1) AS delta
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN "Team" t ON t."departmentId" = o.id
      JOIN "Rating" r ON r."teamId" = t.id AND r.kind = 'QUARTERLY' AND r.status = 'FINAL'
      WHERE o."facilityId" <> n."facilityId"
      UNION ALL
      SELECT jsonb_build_object('quarter', r.quarter, 'regionId', t."regionId", 'facilityId', n."facilityId", 'level', r.level, 'teams', 1)
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN "Team" t ON t."departmentId" = n.id
      JOIN "Rating" r ON r."teamId" = t.id AND r.kind = 'QUARTERLY' AND r.status = 'FINAL'
      WHERE o."facilityId" <> n."facilityId") x), '[]'::jsonb));
  RETURN NULL;
END $$;

CREATE TRIGGER "Department_final_count_move" AFTER UPDATE ON "Department"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "final_rating_count_on_department_move"();

-- A team deleted takes its counts along, before its ratings go with it (by then the
-- ratings' trigger no longer finds the team, and so counts nothing).
CREATE FUNCTION "final_rating_count_on_team_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "final_rating_count_add"(COALESCE((
    SELECT jsonb_agg(jsonb_build_object('quarter', r.quarter, 'regionId', OLD."regionId", 'facilityId', d."facilityId", 'level', r.level, 'teams', -1))
    FROM "Rating" r JOIN "Department" d ON d.id = OLD."departmentId"
    WHERE r."teamId" = OLD.id AND r.kind = 'QUARTERLY' AND r.status = 'FINAL'), '[]'::jsonb));
  RETURN OLD;
END $$;

CREATE TRIGGER "Team_final_count_delete" BEFORE DELETE ON "Team"
  FOR EACH ROW EXECUTE FUNCTION "final_rating_count_on_team_delete"();

-- The counts of the ratings already there.
INSERT INTO "FinalRatingCount" ("quarter", "regionId", "facilityId", "level", "teams")
SELECT r.quarter, t."regionId", d."facilityId", r.level, count(*)::int
FROM "Rating" r JOIN "Team" t ON t.id = r."teamId" JOIN "Department" d ON d.id = t."departmentId"
WHERE r.kind = 'QUARTERLY' AND r.status = 'FINAL'
GROUP BY 1, 2, 3, 4;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ubt_app') THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "FinalRatingCount" FROM ubt_app;
  END IF;
END
$$;
