import "server-only";
import { randomUUID } from "node:crypto";
import { compareQuarters, currentQuarter, quarterBounds, type Quarter } from "@/lib/domain/quarter";
import { operatesIn } from "@/lib/domain/team-lifecycle";
import { InvalidInputError } from "@/lib/errors";
import { Dimension } from "@/lib/generated/prisma/enums";
import { toDayString } from "@/lib/validation/dates";
import type { RatingsRow } from "@/lib/validation/imports";
import { batches, FirstRows, tally, teamsByCode, type Plan, type PlanContext, type ValidRow, type Writer } from "./shared";

/** The dimensions in the enum's order, which is also the order PostgreSQL sorts them in. */
const DIMENSION_ORDER = Object.values(Dimension);

type StoredRating = { id: string; teamId: string; quarter: string; level: number | null; status: string; signoffs: number; dimensions: (number | null)[] };
/** `finalizedAt` as a calendar day ("2021-06-30"): a day travels as text, free of any time zone. */
type ImportedRating = { id: string; teamId: string; quarter: string; level: number; dimensions: number[] | null; finalizedAt: string };

/** A rating's dimension levels when all seven are set; anything less is a rating without them. */
function completeDimensions(levels: (number | null)[]): number[] | null {
  return levels.length === DIMENSION_ORDER.length && levels.every((level) => level !== null) ? (levels as number[]) : null;
}

function snapshot(r: { teamId: string; quarter: string; level: number | null; dimensions: number[] | null }) {
  return {
    teamId: r.teamId,
    quarter: r.quarter,
    level: r.level,
    dimensions: r.dimensions && Object.fromEntries(DIMENSION_ORDER.map((dimension, index) => [dimension, r.dimensions![index]])),
  };
}

/** The day a historical rating is taken as final: the last day of its quarter. */
function lastDayOf(quarter: Quarter): string {
  return toDayString(new Date(quarterBounds(quarter).end.getTime() - 24 * 60 * 60 * 1000));
}

/**
 * Historical final quarterly ratings, keyed on team and quarter, for closed quarters in
 * which the team operated. A rating signed in the app is never overwritten; one without
 * sign-offs (an earlier import, a forgotten draft) is replaced.
 */
export async function planRatings(rows: ValidRow<RatingsRow>[], { db, errors, regions, now }: PlanContext): Promise<Plan> {
  // One after another: inside the import's transaction these share one connection, which runs one query at a time.
  const teams = await teamsByCode(
      db,
      rows.map(({ value }) => value.team_code),
    );
  const criteriaSet = await db.criteriaSet.findFirst({ where: { status: "PUBLISHED" }, select: { id: true } });
  if (!criteriaSet) throw new InvalidInputError("No criteria set is published: publish one on the Criteria page before importing ratings.");
  const teamIds = [...new Set([...teams.values()].map((team) => team.id))];
  const quarters = [...new Set(rows.map(({ value }) => value.quarter))];
  const stored = await db.$queryRaw<StoredRating[]>`
    SELECT r.id, r."teamId", r.quarter, r.level, r.status::text,
           (SELECT count(*)::int FROM "RatingSignoff" s WHERE s."ratingId" = r.id) AS signoffs,
           ARRAY(SELECT d.level FROM "RatingDimension" d WHERE d."ratingId" = r.id ORDER BY d.dimension) AS dimensions
    FROM "Rating" r
    WHERE r."teamId" = ANY(${teamIds}::uuid[]) AND r.quarter = ANY(${quarters}::text[]) AND r.kind = 'QUARTERLY'`;
  const storedByKey = new Map(stored.map((rating) => [`${rating.teamId}|${rating.quarter}`, rating]));
  const thisQuarter = currentQuarter(now);
  const keyRows = new FirstRows();
  const created: ImportedRating[] = [];
  const updated: { before: StoredRating; after: ImportedRating }[] = [];
  const tallies = { ratings: tally() };

  for (const { row, value } of rows) {
    const team = teams.get(value.team_code);
    if (!team) {
      errors.add(row, "team_code", `There is no team with the code ${value.team_code}`);
      continue;
    }
    const refusal = regions.refusal(team.regionId, `Team ${team.code}`);
    if (refusal) errors.add(row, "team_code", refusal);
    if (compareQuarters(value.quarter, thisQuarter) >= 0) {
      errors.add(row, "quarter", `Only quarters before the current one (${thisQuarter}) can be imported: this quarter's ratings are made in the app`);
    } else if (!operatesIn(team, value.quarter)) {
      errors.add(
        row,
        "quarter",
        compareQuarters(value.quarter, team.charteredQuarter as Quarter) < 0
          ? `Team ${team.code} was chartered in ${team.charteredQuarter}, after ${value.quarter}`
          : `Team ${team.code} retired in ${team.retiredQuarter}, so it has no rating for ${value.quarter}`,
      );
    }
    const first = keyRows.seen(`${team.id}|${value.quarter}`, row);
    if (first !== undefined) errors.add(row, "quarter", `Row ${first} also rates team ${team.code} for ${value.quarter}`);
    if (errors.has(row)) continue;

    const current = storedByKey.get(`${team.id}|${value.quarter}`);
    const next: ImportedRating = {
      id: current?.id ?? randomUUID(),
      teamId: team.id,
      quarter: value.quarter,
      level: value.level,
      dimensions: value.dimensions && DIMENSION_ORDER.map((dimension) => value.dimensions![dimension]),
      finalizedAt: lastDayOf(value.quarter),
    };
    if (!current) {
      created.push(next);
      continue;
    }
    // A row without dimension levels says only the level: a final rating of that level stands as it is.
    const sameDimensions = next.dimensions === null || completeDimensions(current.dimensions)?.join() === next.dimensions.join();
    const identical = current.status === "FINAL" && current.level === next.level && sameDimensions;
    if (identical) tallies.ratings.unchanged++;
    else if (current.signoffs > 0) {
      errors.add(row, "quarter", `Team ${team.code}'s rating for ${value.quarter} was rated and signed in the app: an import never overwrites it`);
    } else updated.push({ before: current, after: next });
  }
  tallies.ratings.created = created.length;
  tallies.ratings.updated = updated.length;

  return {
    tallies,
    changes: created.length + updated.length,
    write: (writer) => writeRatings(writer, criteriaSet.id, created, updated),
  };
}

async function writeRatings(writer: Writer, criteriaSetId: string, created: ImportedRating[], updated: { before: StoredRating; after: ImportedRating }[]): Promise<void> {
  const { tx, actorId } = writer;
  for (const batch of batches(created)) {
    await tx.$executeRaw`
      INSERT INTO "Rating" (id, "teamId", quarter, kind, "criteriaSetId", level, status, "createdById", "updatedById", "updatedAt", "finalizedAt")
      SELECT u.id, u."teamId", u.quarter, 'QUARTERLY'::"RatingKind", ${criteriaSetId}::uuid, u.level, 'FINAL'::"RatingStatus", ${actorId}::uuid, ${actorId}::uuid, now() AT TIME ZONE 'UTC', u."finalizedAt"
      FROM unnest(${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.teamId)}::uuid[], ${batch.map((r) => r.quarter)}::text[],
                  ${batch.map((r) => r.level)}::int[], ${batch.map((r) => r.finalizedAt)}::timestamp[])
           AS u(id, "teamId", quarter, level, "finalizedAt")`;
    await writer.written(batch.length);
  }
  for (const batch of batches(updated.map(({ after }) => after))) {
    // The version moves on, so a sponsor with the old rating open gets a conflict rather than overwriting it.
    await tx.$executeRaw`
      UPDATE "Rating" r SET level = u.level, status = 'FINAL', "finalizedAt" = u."finalizedAt", version = r.version + 1,
                            "updatedById" = ${actorId}::uuid, "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM unnest(${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.level)}::int[], ${batch.map((r) => r.finalizedAt)}::timestamp[])
           AS u(id, level, "finalizedAt")
      WHERE r.id = u.id`;
    await tx.$executeRaw`DELETE FROM "RatingDimension" WHERE "ratingId" = ANY(${batch.map((r) => r.id)}::uuid[])`;
    await writer.written(batch.length);
  }
  const dimensions = [...created, ...updated.map(({ after }) => after)].flatMap((rating) =>
    (rating.dimensions ?? []).map((level, index) => ({ ratingId: rating.id, dimension: DIMENSION_ORDER[index]!, level })),
  );
  for (const batch of batches(dimensions, 7 * 10_000)) {
    await tx.$executeRaw`
      INSERT INTO "RatingDimension" ("ratingId", dimension, level)
      SELECT u."ratingId", u.dimension::"Dimension", u.level
      FROM unnest(${batch.map((d) => d.ratingId)}::uuid[], ${batch.map((d) => d.dimension)}::text[], ${batch.map((d) => d.level)}::int[])
           AS u("ratingId", dimension, level)`;
  }
  await writer.audit([
    ...created.map((r) => ({ action: "rating.imported" as const, entityType: "Rating", entityId: r.id, after: snapshot(r) })),
    ...updated.map(({ before, after }) => ({
      action: "rating.imported" as const,
      entityType: "Rating",
      entityId: after.id,
      before: { ...snapshot({ ...before, dimensions: completeDimensions(before.dimensions) }), status: before.status },
      after: snapshot(after),
    })),
  ]);
}
