import "server-only";
import { prisma, replica } from "@/lib/db";
import { finalQuarterly } from "@/lib/data/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { NATIONAL, type OverviewPlace } from "@/lib/data/regional-rollup";
import {
  MOVEMENT_GROUPS,
  movementFigures,
  summariseMovement,
  type MovementCounts,
  type MovementFigures,
  type MovementGroup,
  type MovementSummary,
} from "@/lib/domain/movement";
import { isQuarter, previousQuarter, type Quarter } from "@/lib/domain/quarter";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/data/teams";
import { pageCount } from "@/lib/validation/paging";
import { cachedFigures } from "@/lib/data/figures-cache";

export type RegionRef = { id: string; slug: string; name: string };

/** A team as the movement lists show it, with its final level in each of the two quarters. */
export type MovementTeam = { teamId: string; code: string; name: string; previousLevel: number | null; level: number | null };

/** Each list of the movement page shows this many teams at most: a longer one is paged, so the page stays small however large the region. */
export const MOVEMENT_LIST_PAGE_SIZE = 100;

/** One page of one movement list, by code, and how long the whole list is. */
export type MovementListPage<G extends MovementGroup> = { teams: MovementSummary<MovementTeam>[G]; count: number; page: number; pageCount: number };

export type RegionMovement = {
  region: RegionRef;
  quarter: Quarter;
  previousQuarter: Quarter;
  /** Counted over every team of the region, however few of them the lists show. */
  figures: MovementFigures;
  pageSize: number;
  lists: { [G in MovementGroup]: MovementListPage<G> };
};

/** The one list paged past its first page (every other list shows its first), and the page size. */
export type MovementPaging = { list?: MovementGroup; page?: number; pageSize?: number };

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

/**
 * Who moved up, stayed or moved down in one region from the previous quarter to `quarter`,
 * with a page of the teams behind each number: the figures are counted and the pages cut
 * in the database, so no more than five pages of teams are ever read here.
 */
export async function getRegionMovement(
  actor: Actor,
  regionIdOrSlug: string,
  quarter: Quarter,
  { list, page = 1, pageSize = MOVEMENT_LIST_PAGE_SIZE }: MovementPaging = {},
): Promise<RegionMovement> {
  const region = await getRegionOrThrow(actor, regionIdOrSlug);
  const pageOf = (group: MovementGroup) => (group === list ? page : 1);
  const regionTeams = movementTeamsSql([region.id], quarter);
  const [[counts], shownTeams] = await Promise.all([
    replica().$queryRaw<[MovementCounts]>`SELECT ${MOVEMENT_COUNTS} FROM (${regionTeams}) AS moved`,
    // Every list's page in one statement, over the region's teams read once for it (the counts read them again, beside it).
    replica().$queryRaw<MovementTeam[]>`
      WITH moved AS MATERIALIZED (${regionTeams})
      SELECT * FROM (${Prisma.join(
        MOVEMENT_GROUPS.map(
          (group) => Prisma.sql`(
            SELECT moved."teamId", moved.code, moved.name, moved."previousLevel", moved.level FROM moved WHERE ${IN_MOVEMENT_GROUP[group]}
            ORDER BY moved.code LIMIT ${pageSize} OFFSET ${(pageOf(group) - 1) * pageSize})`,
        ),
        " UNION ALL ",
      )}) AS shown
      ORDER BY code`,
  ]);
  // The shown teams back in their lists by the domain's rule (the SQL's, in code), each moved team with its change.
  const shown = summariseMovement(shownTeams);
  const listPage = <G extends MovementGroup>(group: G): MovementListPage<G> => ({
    teams: shown[group],
    count: counts[group],
    page: pageOf(group),
    pageCount: pageCount(counts[group], pageSize),
  });
  return {
    region,
    quarter,
    previousQuarter: previousQuarter(quarter),
    figures: movementFigures(counts),
    pageSize,
    lists: { up: listPage("up"), same: listPage("same"), down: listPage("down"), newlyRated: listPage("newlyRated"), notYetRated: listPage("notYetRated") },
  };
}

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getMovementByRegion = cachedFigures("getMovementByRegion", computeMovementByRegion);

/**
 * The movement figures of every region the actor may see, or of the one chosen
 * (regions without ratings included, with zeros); with a facility chosen, the
 * region's figures count only that facility's teams.
 */
async function computeMovementByRegion(
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
    SELECT moved."regionId", ${MOVEMENT_COUNTS}
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
 * The movement group of a row of `movementTeamsSql` read as `moved`, as the domain's
 * summariseMovement decides it (a final rating always has a level, so a null level is no
 * final rating): the one rule behind both the counts and the lists.
 */
const IN_MOVEMENT_GROUP: Record<MovementGroup, Prisma.Sql> = {
  up: Prisma.sql`moved."previousLevel" IS NOT NULL AND moved.level > moved."previousLevel"`,
  same: Prisma.sql`moved."previousLevel" IS NOT NULL AND moved.level = moved."previousLevel"`,
  down: Prisma.sql`moved."previousLevel" IS NOT NULL AND moved.level < moved."previousLevel"`,
  newlyRated: Prisma.sql`moved."previousLevel" IS NULL`,
  notYetRated: Prisma.sql`moved.level IS NULL`,
};

/** The size of each movement group among rows of `movementTeamsSql` read as `moved`: select columns named as MovementCounts. */
const MOVEMENT_COUNTS = Prisma.join(
  MOVEMENT_GROUPS.map((group) => Prisma.sql`count(*) FILTER (WHERE ${IN_MOVEMENT_GROUP[group]})::int AS ${Prisma.raw(`"${group}"`)}`),
);

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
