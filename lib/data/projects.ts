import "server-only";
import { assertCan, can, refusalFor, scopeFor, type Actor } from "@/lib/auth/permissions";
import { readInPages } from "@/lib/data/pages";
import { getTeamTargetOrThrow, isUuid, teamsInScopeSql, type TeamTarget } from "@/lib/data/teams";
import { listRosterChoices } from "@/lib/data/roster";
import type { CsvCell, CsvPages } from "@/lib/csv";
import { prisma } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { compassLabel, COMPLETED_STATUSES, needsUpdate, PROJECT_STATUS_LABELS } from "@/lib/domain/projects";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompassPoint, ProjectStatus } from "@/lib/generated/prisma/enums";
import { toDayString } from "@/lib/validation/dates";

export type ProjectTarget = { projectId: string; title: string; status: ProjectStatus; version: number; team: TeamTarget };

/** A project and the team it belongs to (the permission target); an unknown id is a NotFoundError. */
export async function getProjectTargetOrThrow(projectId: string): Promise<ProjectTarget> {
  const project = isUuid(projectId)
    ? await prisma.project.findUnique({ where: { id: projectId }, select: { id: true, title: true, status: true, version: true, teamId: true } })
    : null;
  if (!project) throw new NotFoundError("Unknown project: it does not exist or was removed.");
  return { projectId: project.id, title: project.title, status: project.status, version: project.version, team: await getTeamTargetOrThrow(project.teamId) };
}

/**
 * A project as its page shows it: in full for those who may see its team; a
 * completed one also as a practice (what the library shows) to everyone else,
 * since spreading practices is the point.
 */
export async function getProjectDetail(actor: Actor, projectId: string, now: Date = new Date()) {
  const target = await getProjectTargetOrThrow(projectId);
  const access = can(actor, "team.view", target.team) ? "full" : COMPLETED_STATUSES.includes(target.status) ? "practice" : null;
  if (!access) throw new ForbiddenError(refusalFor("team.view"));
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: target.projectId },
    include: {
      team: { select: { id: true, name: true, code: true, region: { select: { name: true } } } },
      goal: { select: { id: true, title: true } },
      createdBy: { select: { displayName: true } },
      updatedBy: { select: { displayName: true } },
      members: { where: { removedOn: null }, select: { person: { select: { id: true, displayName: true } } }, orderBy: { person: { displayName: "asc" } } },
    },
  });
  return {
    target,
    access,
    project: { ...project, needsUpdate: needsUpdate(project, now) },
    mayEdit: can(actor, "project.edit", target.team),
  };
}

/** What the new-project form needs, for those who may log a project for the team. */
export async function getNewProjectForm(actor: Actor, teamId: string) {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "project.edit", team);
  const [goals, roster] = await Promise.all([getGoalsForRegion(team.regionId), listRosterChoices(actor, team.teamId)]);
  return { team, goals, roster };
}

/** Goals a team's project can align to: organisation-wide ones and its region's. */
export async function getGoalsForRegion(regionId: string) {
  return prisma.goal.findMany({
    where: { OR: [{ regionId: null }, { regionId }] },
    select: { id: true, title: true, regionId: true },
    orderBy: [{ regionId: { sort: "asc", nulls: "first" } }, { title: "asc" }],
  });
}

export type TeamProjectRow = {
  id: string;
  /** The version a status change is checked against (the team board moves cards with it). */
  version: number;
  title: string;
  status: ProjectStatus;
  compassPoints: CompassPoint[];
  lastActivityAt: Date;
  updatedBy: string | null;
  needsUpdate: boolean;
};

/** A team's projects, those breaking the 90-day rule first, then the most recently updated. */
export async function listTeamProjects(actor: Actor, teamId: string, now: Date = new Date()): Promise<TeamProjectRow[]> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "team.view", team);
  const projects = await prisma.project.findMany({
    where: { teamId: team.teamId },
    select: { id: true, version: true, title: true, status: true, compassPoints: true, lastActivityAt: true, updatedBy: { select: { displayName: true } } },
    orderBy: { lastActivityAt: "desc" },
  });
  const rows = projects.map((project) => ({ ...project, updatedBy: project.updatedBy?.displayName ?? null, needsUpdate: needsUpdate(project, now) }));
  return [...rows.filter((row) => row.needsUpdate), ...rows.filter((row) => !row.needsUpdate)];
}

/** The projects CSV's filters, under the URL-filter names every page uses. */
export type ProjectExportFilters = { team?: string; region?: string; status?: ProjectStatus; compass?: CompassPoint };

const PROJECT_CSV_HEADERS = ["project id", "team code", "team", "region", "title", "aim", "status", "value compass", "start date", "target date", "last update", "adopted from project"];

/** Where a page of the export's order ends: the next page starts after it. */
type ProjectExportKey = { teamId: string; createdAt: Date; id: string };

type ProjectExportRow = ProjectExportKey & {
  title: string;
  aim: string;
  status: ProjectStatus;
  compassPoints: CompassPoint[];
  startDate: Date | null;
  targetDate: Date | null;
  lastActivityAt: Date;
  teamCode: string;
  teamName: string;
  regionName: string;
  adoptedFromId: string | null;
};

/** The projects list as CSV, a page at a time: the same filters as the screens, within what the user may see. */
export function exportProjectRows(actor: Actor, filters: ProjectExportFilters): CsvPages {
  const conditions = [teamsInScopeSql(scopeFor(actor, "team.view"), { regionId: Prisma.sql`t."regionId"`, teamId: Prisma.sql`t.id` })];
  if (filters.region) conditions.push(Prisma.sql`r.slug = ${filters.region}`);
  if (filters.team) conditions.push(Prisma.sql`p."teamId" = ${filters.team}::uuid`);
  if (filters.status) conditions.push(Prisma.sql`p.status = ${filters.status}::"ProjectStatus"`);
  if (filters.compass) conditions.push(Prisma.sql`${filters.compass}::"CompassPoint" = ANY(p."compassPoints")`);
  const where = Prisma.join(conditions, " AND ");
  const day = (date: Date | null) => (date ? toDayString(date) : null);
  const pages = readInPages(
    // Grouped by team, oldest first, read along Project_export_order_idx: each page starts
    // where the last ended, in SQL, because Prisma's cursor over a three-column order
    // re-reads the table for every page (about a second a page at ten times the partnership).
    (after: ProjectExportKey | undefined, take) => prisma.$queryRaw<ProjectExportRow[]>`
      SELECT p.id, p."teamId", p."createdAt", p.title, p.aim, p.status, p."compassPoints"::text[] AS "compassPoints", p."startDate", p."targetDate",
             p."lastActivityAt", t.code AS "teamCode", t.name AS "teamName", r.name AS "regionName", s."originProjectId" AS "adoptedFromId"
      FROM "Project" p
        JOIN "Team" t ON t.id = p."teamId"
        JOIN "Region" r ON r.id = t."regionId"
        LEFT JOIN "SpreadLink" s ON s."adopterProjectId" = p.id
      WHERE ${where}
        ${after ? Prisma.sql`AND (p."teamId", p."createdAt", p.id) > (${after.teamId}::uuid, ${after.createdAt}::timestamp(3), ${after.id}::uuid)` : Prisma.empty}
      ORDER BY p."teamId", p."createdAt", p.id
      LIMIT ${take}`,
    ({ teamId, createdAt, id }): ProjectExportKey => ({ teamId, createdAt, id }),
    (project): CsvCell[] => [
      project.id,
      project.teamCode,
      project.teamName,
      project.regionName,
      project.title,
      project.aim,
      PROJECT_STATUS_LABELS[project.status],
      project.compassPoints.map(compassLabel).join("; "),
      day(project.startDate),
      day(project.targetDate),
      day(project.lastActivityAt),
      project.adoptedFromId,
    ],
  );
  return { headers: PROJECT_CSV_HEADERS, pages };
}
