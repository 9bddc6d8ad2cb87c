import "server-only";
import { assertCan, scopeOrRefuse, type Actor } from "@/lib/auth/permissions";
import { placeFilter, regionFilter, rollupPlaceFilter, type OverviewPlace } from "@/lib/data/regional-rollup";
import { SAVINGS_STATUS_SQL } from "@/lib/data/savings";
import { finalQuarterly, teamOperatesIn } from "@/lib/data/sql";
import { isUuid } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import type { Cents } from "@/lib/domain/money";
import { levelChange, type LevelChange } from "@/lib/domain/movement";
import { sumColumns, summariseLinkage, withCumulativeSavings, type LinkageGroup, type LinkageLevelTotals, type LinkageTeam } from "@/lib/domain/overview";
import { COMPASS_POINTS } from "@/lib/domain/projects";
import { addQuarters, isQuarter, previousQuarter, quarterBounds, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { addCents, centsFromSum } from "@/lib/domain/savings";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompassPoint } from "@/lib/generated/prisma/enums";
import { cachedFigures } from "@/lib/data/figures-cache";

/** The overview's filters once resolved: a place, and optionally one Value Compass point for project-based figures. */
export type OverviewFilters = OverviewPlace & { compassPoint: CompassPoint | null };

export type FacilityRef = { id: string; name: string; regionId: string };

const TEAM_JOINS = Prisma.sql`JOIN "Department" d ON d.id = t."departmentId"`;

/** OverviewRollup's compassPoint for the figures of every project (each once), whatever its points. */
const EVERY_COMPASS_POINT = "";

/** Projects tagged with the chosen compass point (alias `p`), or every project. */
function compassFilter(compassPoint: CompassPoint | null): Prisma.Sql {
  return compassPoint ? Prisma.sql`${compassPoint}::"CompassPoint" = ANY(p."compassPoints")` : Prisma.sql`TRUE`;
}

// ───────────────────────────── drill-down: a facility's teams ─────────────────────────────

export type FacilityTeamRow = {
  teamId: string;
  code: string;
  name: string;
  department: string;
  /** Null when the team has no final rating that quarter (a final rating always has a level). */
  level: number | null;
  previousLevel: number | null;
  /** Null unless the team is rated in both quarters. */
  change: LevelChange | null;
};

/** A facility by id, once the actor may see its region's roll-ups; unknown facilities are a NotFoundError. */
export async function getFacilityOrThrow(actor: Actor, facilityId: string): Promise<FacilityRef> {
  const facility = isUuid(facilityId) ? await prisma.facility.findUnique({ where: { id: facilityId }, select: { id: true, name: true, regionId: true } }) : null;
  if (!facility) throw new NotFoundError("Unknown facility: it does not exist or was removed.");
  assertCan(actor, "rollup.view", { kind: "region", regionId: facility.regionId });
  return facility;
}

/** The teams of a facility due a rating in the quarter, or rated in it or the one before (since closed teams included), with their final levels. */
export async function getFacilityTeams(actor: Actor, quarter: Quarter, facilityId: string): Promise<FacilityTeamRow[]> {
  const facility = await getFacilityOrThrow(actor, facilityId);
  const rows = await prisma.$queryRaw<Omit<FacilityTeamRow, "change">[]>`
    SELECT t.id AS "teamId", t.code, t.name, d.name AS department,
           rt.level, prev.level AS "previousLevel"
    FROM "Team" t ${TEAM_JOINS}
    LEFT JOIN "Rating" rt ON rt."teamId" = t.id AND rt.quarter = ${quarter} AND ${finalQuarterly("rt")}
    LEFT JOIN "Rating" prev ON prev."teamId" = t.id AND prev.quarter = ${previousQuarter(quarter)} AND ${finalQuarterly("prev")}
    WHERE d."facilityId" = ${facility.id}::uuid
      AND (${teamOperatesIn("t", quarter)} OR rt.id IS NOT NULL OR prev.id IS NOT NULL)
    ORDER BY d.name, t.name`;
  return rows.map((row) => ({
    ...row,
    change: row.level !== null && row.previousLevel !== null ? levelChange(row.previousLevel, row.level) : null,
  }));
}

// ───────────────────────────── projects by Value Compass point ─────────────────────────────

export type CompassRow = { compassPoint: CompassPoint; label: string; inProgress: number; completed: number; abandoned: number; total: number };

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getProjectsByCompassPoint = cachedFigures("getProjectsByCompassPoint", computeProjectsByCompassPoint);

/**
 * Projects started by the end of the quarter, per Value Compass point, by their
 * status today (a project tagged with two points counts under each). `projects`
 * counts each project once.
 */
async function computeProjectsByCompassPoint(actor: Actor, quarter: Quarter, place: OverviewPlace): Promise<{ rows: CompassRow[]; projects: number }> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const counts = await prisma.$queryRaw<{ compassPoint: string; inProgress: number; completed: number; abandoned: number }[]>`
    SELECT c."compassPoint",
           sum(c."projectsInProgress")::int AS "inProgress", sum(c."projectsCompleted")::int AS completed, sum(c."projectsAbandoned")::int AS abandoned
    FROM "OverviewRollup" c
    WHERE ${rollupPlaceFilter(scope, place)} AND c.quarter <= ${quarter}
    GROUP BY c."compassPoint"`;
  const every = counts.find((count) => count.compassPoint === EVERY_COMPASS_POINT);
  const rows = COMPASS_POINTS.map(({ key, label }) => {
    const found = counts.find((count) => count.compassPoint === key) ?? { inProgress: 0, completed: 0, abandoned: 0 };
    return { compassPoint: key, label, inProgress: found.inProgress, completed: found.completed, abandoned: found.abandoned, total: found.inProgress + found.completed + found.abandoned };
  });
  return { rows, projects: every ? every.inProgress + every.completed + every.abandoned : 0 };
}

// ───────────────────────────── savings by place and quarter ─────────────────────────────

export type SavingsPlaceRow = {
  id: string;
  name: string;
  slug: string | null;
  quarterReportedCents: Cents;
  quarterValidatedCents: Cents;
  cumulativeReportedCents: Cents;
  cumulativeValidatedCents: Cents;
};

export type SavingsBreakdown = {
  quarter: Quarter;
  since: Quarter;
  groupedBy: "region" | "facility";
  rows: SavingsPlaceRow[];
  total: Omit<SavingsPlaceRow, "id" | "name" | "slug">;
};

type SavingsSumsRow = { quarterReported: bigint; quarterValidated: bigint; cumulativeReported: bigint; cumulativeValidated: bigint };

/** Sums of the roll-up's rows (alias `c`, already limited to the quarters from `since` to `quarter`). */
function savingsSums(quarter: Quarter): Prisma.Sql {
  return Prisma.sql`
    coalesce(sum(c."savingsReportedCents") FILTER (WHERE c.quarter = ${quarter}), 0)::bigint AS "quarterReported",
    coalesce(sum(c."savingsValidatedCents") FILTER (WHERE c.quarter = ${quarter}), 0)::bigint AS "quarterValidated",
    coalesce(sum(c."savingsReportedCents"), 0)::bigint AS "cumulativeReported",
    coalesce(sum(c."savingsValidatedCents"), 0)::bigint AS "cumulativeValidated"`;
}

/** The roll-up's rows of the chosen compass point (or every project's), quarters `since` to `through`. */
function savingsRows(compassPoint: CompassPoint | null, since: Quarter, through: Quarter): Prisma.Sql {
  return Prisma.sql`c."compassPoint" = ${compassPoint ?? EVERY_COMPASS_POINT} AND c.quarter >= ${since} AND c.quarter <= ${through}`;
}

function savingsFigures(sums: SavingsSumsRow) {
  return {
    quarterReportedCents: centsFromSum(sums.quarterReported),
    quarterValidatedCents: centsFromSum(sums.quarterValidated),
    cumulativeReportedCents: centsFromSum(sums.cumulativeReported),
    cumulativeValidatedCents: centsFromSum(sums.cumulativeValidated),
  };
}

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getSavingsBreakdown = cachedFigures("getSavingsBreakdown", computeSavingsBreakdown);

/**
 * Savings reported (not rejected) and validated, by the day they were reported:
 * in the quarter, and cumulatively from the start of `since` to the end of the
 * quarter. Per region nationally, per facility within a chosen region (or the
 * chosen facility alone); entries
 * count for the team credited with them (their own project's team).
 */
async function computeSavingsBreakdown(actor: Actor, quarter: Quarter, since: Quarter, filters: OverviewFilters): Promise<SavingsBreakdown> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const groupedBy = filters.regionId ? "facility" : "region";
  const inRange = Prisma.sql`${rollupPlaceFilter(scope, filters)} AND ${savingsRows(filters.compassPoint, since, quarter)}`;
  const rows =
    groupedBy === "region"
      ? await prisma.$queryRaw<({ id: string; name: string; slug: string | null } & SavingsSumsRow)[]>`
          SELECT r.id, r.name, r.slug, ${savingsSums(quarter)}
          FROM "Region" r
          LEFT JOIN "OverviewRollup" c ON c."regionId" = r.id AND ${inRange}
          WHERE ${regionFilter(scope, Prisma.sql`r.id`)}
          GROUP BY r.id
          ORDER BY r."sortOrder", r.name`
      : await prisma.$queryRaw<({ id: string; name: string; slug: string | null } & SavingsSumsRow)[]>`
          SELECT f.id, f.name, NULL AS slug, ${savingsSums(quarter)}
          FROM "Facility" f
          LEFT JOIN "OverviewRollup" c ON c."facilityId" = f.id AND ${inRange}
          WHERE f."regionId" = ${filters.regionId}::uuid AND ${regionFilter(scope, Prisma.sql`f."regionId"`)} AND ${filters.facilityId ? Prisma.sql`f.id = ${filters.facilityId}::uuid` : Prisma.sql`TRUE`}
          GROUP BY f.id
          ORDER BY f.name`;
  const placeRows = rows.map(({ id, name, slug, ...sums }) => ({ id, name, slug, ...savingsFigures(sums) }));
  const total = sumColumns(placeRows, ["quarterReportedCents", "quarterValidatedCents", "cumulativeReportedCents", "cumulativeValidatedCents"], addCents);
  return { quarter, since, groupedBy, rows: placeRows, total };
}

export type SavingsQuarter = {
  quarter: Quarter;
  reportedCents: Cents;
  validatedCents: Cents;
  cumulativeReportedCents: Cents;
  cumulativeValidatedCents: Cents;
};

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getSavingsTimeline = cachedFigures("getSavingsTimeline", computeSavingsTimeline);

/** Savings per quarter from `since` to `through` (every quarter listed, a quarter without entries as zero), with running totals. */
async function computeSavingsTimeline(actor: Actor, since: Quarter, through: Quarter, filters: OverviewFilters): Promise<SavingsQuarter[]> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const rows = await prisma.$queryRaw<{ quarter: string; reported: bigint; validated: bigint }[]>`
    SELECT c.quarter, coalesce(sum(c."savingsReportedCents"), 0)::bigint AS reported, coalesce(sum(c."savingsValidatedCents"), 0)::bigint AS validated
    FROM "OverviewRollup" c
    WHERE ${rollupPlaceFilter(scope, filters)} AND ${savingsRows(filters.compassPoint, since, through)}
    GROUP BY c.quarter`;
  const byQuarter = new Map(rows.filter((row) => isQuarter(row.quarter)).map((row) => [row.quarter, row]));
  return withCumulativeSavings(
    quarterRange(since, through).map((quarter) => {
      const row = byQuarter.get(quarter);
      return { quarter, reportedCents: centsFromSum(row?.reported ?? 0), validatedCents: centsFromSum(row?.validated ?? 0) };
    }),
  );
}

// ───────────────────────────── practices by adoption ─────────────────────────────

export type TopPractice = {
  projectId: string;
  title: string;
  teamName: string;
  regionName: string;
  compassPoints: CompassPoint[];
  adoptions: number;
  adoptingRegions: number;
};

export const TOP_PRACTICES_LIMIT = 10;

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getTopPractices = cachedFigures("getTopPractices", computeTopPractices);

/**
 * The practices (projects of teams in the place) most adopted by other teams by the end of the quarter,
 * ties to the larger validated savings, as the practice library ranks them. `now` tells a quarter
 * still running, whose count is every link so far.
 */
async function computeTopPractices(actor: Actor, quarter: Quarter, filters: OverviewFilters, limit = TOP_PRACTICES_LIMIT, now: Date = new Date()): Promise<TopPractice[]> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const end = quarterBounds(quarter).end;
  // While the quarter runs, every link counts: Project.adopterCount keeps that count, and its
  // index (Project_practice_rank_idx) gives the whole order, so only the top rows are read. A past
  // quarter counts its links per practice first (joining every link to its teams before
  // grouping took seconds at ten times the partnership).
  const ranked =
    end > now
      ? { from: Prisma.sql`"Project" p`, adoptions: Prisma.sql`p."adopterCount"`, adopted: Prisma.sql`p."adopterCount" > 0` }
      : {
          from: Prisma.sql`(SELECT s."originProjectId" AS id, count(*)::int AS adoptions FROM "SpreadLink" s WHERE s."createdAt" < ${end} GROUP BY s."originProjectId") a
            JOIN "Project" p ON p.id = a.id`,
          adoptions: Prisma.sql`a.adoptions`,
          adopted: Prisma.sql`TRUE`,
        };
  // The adopting regions are counted only for the practices listed.
  return prisma.$queryRaw<TopPractice[]>`
    SELECT p.id AS "projectId", p.title, t.name AS "teamName", r.name AS "regionName", p."compassPoints"::text[] AS "compassPoints", ${ranked.adoptions} AS adoptions,
           (SELECT count(DISTINCT adopter."regionId")::int FROM "SpreadLink" s JOIN "Team" adopter ON adopter.id = s."adopterTeamId"
            WHERE s."originProjectId" = p.id AND s."createdAt" < ${end}) AS "adoptingRegions"
    FROM ${ranked.from}
    JOIN "Team" t ON t.id = p."teamId" ${TEAM_JOINS}
    JOIN "Region" r ON r.id = t."regionId"
    WHERE ${ranked.adopted} AND ${placeFilter(scope, filters)} AND ${compassFilter(filters.compassPoint)}
    ORDER BY ${ranked.adoptions} DESC, p."validatedSavingsCents" DESC, p.title, p.id
    LIMIT ${limit}`;
}

// ───────────────────────────── linkage: level against savings and activity ─────────────────────────────

/** The linkage window: the quarter and the three before it. */
export const LINKAGE_QUARTERS = 4;

export type LinkageTeamRow = LinkageTeam & { teamId: string; code: string; name: string; regionName: string; facilityName: string };

/** The linkage window: from the quarter three before to the end of the quarter. */
export type LinkageWindow = { quarter: Quarter; from: Quarter };

export type Linkage = LinkageWindow & {
  ratedTeams: number;
  byLevel: LinkageGroup[];
  comparison: LinkageGroup[];
};

/**
 * For every team with a levelled final rating in the quarter (`rated t`): its validated
 * savings reported in the window, the projects it worked on in the window (started before
 * its end, last updated after its start) and the PDSA cycles it started in it; and its
 * roster engagement in the quarter itself. With a compass point chosen, only projects
 * tagged with it count (engagement counts every project). Each figure is summed per team in
 * one pass over the window's rows (or read from LinkageActivity), then joined to the rated
 * teams (not one subquery per team, which grew with every team and project).
 */
function linkageSql(actor: Actor, quarter: Quarter, filters: OverviewFilters): LinkageWindow & { withFigures: Prisma.Sql; figureJoins: Prisma.Sql } {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const from = addQuarters(quarter, 1 - LINKAGE_QUARTERS);
  const start = quarterBounds(from).start;
  const end = quarterBounds(quarter).end;
  const compass = compassFilter(filters.compassPoint);
  // An entry's project is read only to match a compass point (one lookup per entry otherwise).
  const entryProject = filters.compassPoint ? Prisma.sql`JOIN "Project" p ON p.id = e."projectId"` : Prisma.empty;
  // Projects worked on in the window and cycles started in it: kept per team and quarter
  // (LinkageActivity); for one compass point, counted from the raw rows.
  const activity = filters.compassPoint
    ? Prisma.sql`
      SELECT x."teamId", sum(x.projects)::int AS projects, sum(x.cycles)::int AS cycles
      FROM (
        SELECT p."teamId", 1 AS projects, 0 AS cycles
        FROM "Project" p
        WHERE p."teamId" IN (SELECT id FROM rated) AND ${compass}
          AND coalesce(p."startDate", p."createdAt"::date) < ${end} AND p."lastActivityAt" >= ${start}
        UNION ALL
        SELECT c."teamId", 0, 1
        FROM "PdsaCycle" c JOIN "Project" p ON p.id = c."projectId"
        WHERE c."teamId" IN (SELECT id FROM rated) AND ${compass} AND c."startDate" >= ${start} AND c."startDate" < ${end}
      ) x
      GROUP BY x."teamId"`
    : Prisma.sql`
      SELECT a."teamId", a.projects, a.cycles FROM "LinkageActivity" a
      WHERE a.quarter = ${quarter} AND a."teamId" IN (SELECT id FROM rated)`;
  const withFigures = Prisma.sql`
    WITH rated AS (
      SELECT t.id, t.code, t.name, t."regionId", d."facilityId", rt.level
      FROM "Team" t ${TEAM_JOINS}
      JOIN "Rating" rt ON rt."teamId" = t.id AND rt.quarter = ${quarter} AND ${finalQuarterly("rt")} AND rt.level IS NOT NULL
      WHERE ${placeFilter(scope, filters)}
    ),
    savings AS (
      SELECT e."teamId", sum(e."amountCents")::bigint AS validated
      FROM "SavingsEntry" e ${entryProject}
      WHERE e."teamId" IN (SELECT id FROM rated) AND ${Prisma.raw(SAVINGS_STATUS_SQL.validated)} AND ${compass}
        AND e."reportedOn" >= ${start} AND e."reportedOn" < ${end}
      GROUP BY e."teamId"
    ),
    activity AS (${activity})`;
  const figureJoins = Prisma.sql`
    LEFT JOIN savings ON savings."teamId" = t.id
    LEFT JOIN activity ON activity."teamId" = t.id
    LEFT JOIN "TeamQuarterEngagement" e ON e."teamId" = t.id AND e.quarter = ${quarter}`;
  return { quarter, from, withFigures, figureJoins };
}

/** Kept per figures' version (lib/data/figures-cache.ts); `.uncached` computes afresh. */
export const getLinkage = cachedFigures("getLinkage", computeLinkage);

/** The linkage table: the rated teams' figures summed per level in SQL, so a national view ships five rows, not every team. */
async function computeLinkage(actor: Actor, quarter: Quarter, filters: OverviewFilters): Promise<Linkage> {
  const { withFigures, figureJoins, ...window } = linkageSql(actor, quarter, filters);
  const rows = await prisma.$queryRaw<(Omit<LinkageLevelTotals, "validatedCents"> & { validated: bigint })[]>`
    ${withFigures}
    SELECT t.level, count(*)::int AS teams,
           count(*) FILTER (WHERE savings.validated > 0)::int AS "teamsWithSavings",
           coalesce(sum(savings.validated), 0)::bigint AS validated,
           coalesce(sum(activity.projects), 0)::int AS projects,
           coalesce(sum(activity.cycles), 0)::int AS cycles,
           coalesce(sum(e.members), 0)::int AS "rosterMembers", coalesce(sum(e.engaged), 0)::int AS "engagedMembers"
    FROM rated t ${figureJoins}
    GROUP BY t.level`;
  const levels = rows.map(({ validated, ...row }) => ({ ...row, validatedCents: centsFromSum(validated) }));
  return { ...window, ratedTeams: levels.reduce((sum, level) => sum + level.teams, 0), ...summariseLinkage(levels) };
}

/** Every rated team's linkage figures, for the CSV behind the table. */
export async function getLinkageTeams(actor: Actor, quarter: Quarter, filters: OverviewFilters): Promise<LinkageWindow & { teams: LinkageTeamRow[] }> {
  const { withFigures, figureJoins, ...window } = linkageSql(actor, quarter, filters);
  const rows = await prisma.$queryRaw<(Omit<LinkageTeamRow, "validatedCents"> & { validated: bigint })[]>`
    ${withFigures}
    SELECT t.id AS "teamId", t.code, t.name, r.name AS "regionName", f.name AS "facilityName", t.level,
           coalesce(savings.validated, 0)::bigint AS validated,
           coalesce(activity.projects, 0) AS projects,
           coalesce(activity.cycles, 0) AS cycles,
           coalesce(e.members, 0) AS "rosterMembers", coalesce(e.engaged, 0) AS "engagedMembers"
    FROM rated t
    JOIN "Facility" f ON f.id = t."facilityId"
    JOIN "Region" r ON r.id = t."regionId"
    ${figureJoins}
    ORDER BY r."sortOrder", r.name, t.code`;
  return { ...window, teams: rows.map(({ validated, ...row }) => ({ ...row, validatedCents: centsFromSum(validated) })) };
}

// ───────────────────────────── the places a filter can choose ─────────────────────────────

export type OverviewPlaces = { regions: { id: string; slug: string; name: string }[]; facilities: { id: string; name: string }[] };

/** The regions the actor's roll-ups reach, in the tables' order; `all` when that is every region, now and to come. */
export async function getRollupRegions(actor: Actor): Promise<{ all: boolean; regions: { id: string; slug: string; name: string }[] }> {
  const scope = scopeOrRefuse(actor, "rollup.view");
  const regions = await prisma.region.findMany({
    where: scope.all ? {} : { id: { in: scope.regionIds } },
    select: { id: true, slug: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return { all: scope.all, regions };
}

/** The regions the actor's roll-ups reach, and the facilities of the chosen region. */
export async function getOverviewPlaces(actor: Actor, regionId: string | null): Promise<OverviewPlaces> {
  const [{ regions }, facilities] = await Promise.all([
    getRollupRegions(actor),
    regionId ? prisma.facility.findMany({ where: { regionId }, select: { id: true, name: true }, orderBy: { name: "asc" } }) : [],
  ]);
  return { regions, facilities: regionId && regions.some((region) => region.id === regionId) ? facilities : [] };
}
