import "server-only";
import { prisma, replica } from "@/lib/db";
import { finalQuarterly } from "@/lib/data/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { NATIONAL, type OverviewPlace } from "@/lib/data/regional-rollup";
import { movementFigures, summariseMovement, type MovementCounts, type MovementFigures, type MovementSummary } from "@/lib/domain/movement";
import { isQuarter, previousQuarter, type Quarter } from "@/lib/domain/quarter";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/data/teams";

export type RegionRef = { id: string; slug: string; name: string };

/** A team as the movement lists show it, with its final level in each of the two quarters. */
export type MovementTeam = { teamId: string; code: string; name: string; previousLevel: number | null; level: number | null };

export type RegionMovement = {
  region: RegionRef;
  quarter: Quarter;
  previousQuarter: Quarter;
  summary: MovementSummary<MovementTeam>;
};

export type RegionMovementFigures = RegionRef & { figures: MovementFigures };

const REGION_FIELDS = { id: true, slug: true, name: true } as const;

/** A region by id or slug, once the actor may see its roll-ups; unknown regions are a NotFoundError. */
export async function getRegionOrThrow(actor: Actor, regionIdOrSlug: string): Promise<RegionRef> {
  const region = await prisma.region.findUnique({
    where: isUuid(regionIdOrSlug) ? { id: regionIdOrSlug } : { slug: regionIdOrSlug },
    select: REGION_FIELDS,
  });
  if (!region) throw new NotFoundError("Unknown region: it does not exist or was renamed.");
  assertCan(actor, "rollup.view", { kind: "region", regionId: region.id });
  return region;
}

/** The region, and the quarters in which it has final quarterly ratings, newest first. */
export async function getRegionRatedQuarters(actor: Actor, regionIdOrSlug: string): Promise<{ region: RegionRef; quarters: Quarter[] }> {
  const region = await getRegionOrThrow(actor, regionIdOrSlug);
  const rows = await replica().$queryRaw<{ quarter: string }[]>`
    SELECT DISTINCT c.quarter FROM "FinalRatingCount" c
    WHERE c.teams > 0 AND c."regionId" = ${region.id}::uuid
    ORDER BY c.quarter DESC`;
  return { region, quarters: rows.map((row) => row.quarter).filter(isQuarter) };
}

/** Who moved up, stayed or moved down in one region from the previous quarter to `quarter`, with the teams behind each number. */
export async function getRegionMovement(actor: Actor, regionIdOrSlug: string, quarter: Quarter): Promise<RegionMovement> {
  const region = await getRegionOrThrow(actor, regionIdOrSlug);
  const teams = await movementTeams([region.id], quarter);
  return { region, quarter, previousQuarter: previousQuarter(quarter), summary: summariseMovement(teams) };
}

/**
 * The movement figures of every region the actor may see, or of the one chosen
 * (regions without ratings included, with zeros); with a facility chosen, the
 * region's figures count only that facility's teams.
 */
export async function getMovementByRegion(
  actor: Actor,
  quarter: Quarter,
  place: OverviewPlace = NATIONAL,
): Promise<{ quarter: Quarter; previousQuarter: Quarter; regions: RegionMovementFigures[] }> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const regions = await prisma.region.findMany({
    where: { AND: [scope.all ? {} : { id: { in: scope.regionIds } }, place.regionId ? { id: place.regionId } : {}] },
    select: REGION_FIELDS,
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  // Counted in the database, one row per region: never every team shipped here to be counted.
  const counts = await replica().$queryRaw<(MovementCounts & { regionId: string })[]>`
    SELECT moved."regionId",
           count(*) FILTER (WHERE moved."previousLevel" IS NOT NULL AND moved.level > moved."previousLevel")::int AS up,
           count(*) FILTER (WHERE moved."previousLevel" IS NOT NULL AND moved.level = moved."previousLevel")::int AS same,
           count(*) FILTER (WHERE moved."previousLevel" IS NOT NULL AND moved.level < moved."previousLevel")::int AS down,
           count(*) FILTER (WHERE moved."previousLevel" IS NULL)::int AS "newlyRated",
           count(*) FILTER (WHERE moved.level IS NULL)::int AS "notYetRated"
    FROM (${movementTeamsSql(regions.map((region) => region.id), quarter, place.facilityId ?? null)}) AS moved
    GROUP BY moved."regionId"`;
  const none: MovementCounts = { up: 0, same: 0, down: 0, newlyRated: 0, notYetRated: 0 };
  return {
    quarter,
    previousQuarter: previousQuarter(quarter),
    regions: regions.map((region) => ({ ...region, figures: movementFigures(counts.find((row) => row.regionId === region.id) ?? none) })),
  };
}

/**
 * Every team of the regions (of one facility of them, when given) with a final
 * quarterly rating in `quarter` or the one before, and its level in each (null
 * where it has none), narrowed by `condition` on `earlier` and `later` when given.
 */
export function movementTeamsSql(regionIds: string[], quarter: Quarter, facilityId: string | null = null, condition: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id AS "teamId", t.code, t.name, t."regionId", earlier.level AS "previousLevel", later.level AS level
    FROM "Team" t
    LEFT JOIN "Rating" earlier ON earlier."teamId" = t.id AND earlier.quarter = ${previousQuarter(quarter)} AND ${finalQuarterly("earlier")}
    LEFT JOIN "Rating" later ON later."teamId" = t.id AND later.quarter = ${quarter} AND ${finalQuarterly("later")}
    WHERE t."regionId" = ANY(${regionIds}::uuid[]) AND (earlier.id IS NOT NULL OR later.id IS NOT NULL) AND ${condition}
      AND ${facilityId ? Prisma.sql`EXISTS (SELECT 1 FROM "Department" d WHERE d.id = t."departmentId" AND d."facilityId" = ${facilityId}::uuid)` : Prisma.sql`TRUE`}`;
}

/** The teams of `movementTeamsSql`, by code. */
export async function movementTeams(regionIds: string[], quarter: Quarter, facilityId: string | null = null): Promise<(MovementTeam & { regionId: string })[]> {
  return replica().$queryRaw`${movementTeamsSql(regionIds, quarter, facilityId)} ORDER BY t.code`;
}
