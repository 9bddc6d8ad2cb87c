import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { readAttentionList, type AttentionListId, type AttentionLists, type TeamsNeedingAttention } from "@/lib/data/attention";
import { getMovementByRegion, type RegionMovementFigures } from "@/lib/data/movement";
import {
  getFacilityTeams,
  getLinkage,
  getLinkageTeams,
  getProjectsByCompassPoint,
  getSavingsBreakdown,
  getSavingsTimeline,
  getTopPractices,
  type CompassRow,
  type FacilityTeamRow,
  type Linkage,
  type LinkageTeamRow,
  type LinkageWindow,
  type SavingsBreakdown,
  type SavingsQuarter,
  type TopPractice,
} from "@/lib/data/overview";
import { getEngagementByRegionAndLevel, type EngagementCell } from "@/lib/data/engagement";
import type { SponsorPortfolio } from "@/lib/data/sponsor-portfolio";
import { closedQuarterPoints, getHighPerformingTrend, getRegionalTable, trendRowsByQuarter, type RegionalTable, type TrendPoint } from "@/lib/data/regional-rollup";
import { engagementShare } from "@/lib/domain/engagement";
import { daysLeftInQuarter } from "@/lib/domain/overview";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { compassLabel } from "@/lib/domain/projects";
import { isQuarterClosed, type Quarter } from "@/lib/domain/quarter";
import { formatLevel, formatLevelChange } from "@/lib/format";
import type { CsvPages } from "@/lib/csv";
import { tableCsvLine, type TableCell, type TableColumn, type TableModel, type TableRow } from "@/lib/reports/table-model";
import { overviewParams, type OverviewView } from "@/lib/reports/overview-view";
import { toDayString } from "@/lib/validation/dates";

// Pure builders: query results → the tables the pages show and the CSVs carry.

function placeHeader(groupedBy: "region" | "facility"): string {
  return groupedBy === "region" ? "Region" : "Facility";
}

/** Where a line of a regional table drills down to: a region's facilities, or a facility's teams. */
function drillHref(view: OverviewView, groupedBy: "region" | "facility", row: { id: string; slug: string | null }): string {
  const params = groupedBy === "region" ? overviewParams(view, { region: row.slug, facility: null }) : overviewParams(view, { facility: row.id });
  return `/overview?${params}`;
}

/**
 * The high-performing table. A closed quarter is the published table: its UBTs
 * are the teams with a final rating (2021-Q2: 3,651). In a quarter still open
 * that count is only the teams rated so far, so it is labelled as such and set
 * beside the teams due a rating (active teams chartered by the quarter).
 */
export function highPerformingTable(table: RegionalTable, view: OverviewView, now: Date = new Date()): TableModel {
  const regions = table.groupedBy === "region";
  const open = !isQuarterClosed(table.quarter, now);
  // Closed: a place without final ratings shows dashes, "no data", not zero teams. Open: 0 rated so far is a
  // count, while its high performing stays a dash until someone is rated (0 of nobody says nothing).
  const teamCounts = (counts: { teams: number; rated: number }): TableCell[] =>
    open ? [counts.teams, counts.rated] : [counts.rated === 0 ? null : counts.rated];
  return {
    id: "high-performing",
    caption: `High-performing teams by ${placeHeader(table.groupedBy).toLowerCase()}, ${table.quarter}${open ? " (still open: teams rated so far)" : ""}, with the change since ${table.previousQuarter}`,
    columns: [
      { header: placeHeader(table.groupedBy), kind: "text" },
      ...(regions ? [{ header: "Members served", kind: "count" as const }] : []),
      ...(open
        ? [
            { header: "Teams due", kind: "count" as const },
            { header: "Rated so far", kind: "count" as const },
          ]
        : [{ header: "UBTs", kind: "count" as const }]),
      { header: "High performing", kind: "count" },
      { header: "Percent", kind: "percent" },
      { header: `Percent ${table.previousQuarter}`, kind: "percent" },
      { header: "Change", kind: "points" },
    ],
    rows: table.rows.map((row) => ({
      href: drillHref(view, table.groupedBy, row),
      cells: [
        row.name,
        ...(regions ? [row.membersServed] : []),
        ...teamCounts(row),
        row.rated === 0 ? null : row.highPerforming,
        row.percent,
        row.previousPercent,
        row.change,
      ],
    })),
    total: [
      "Total",
      ...(regions ? [null] : []),
      ...(open ? [table.total.teams, table.total.rated] : [table.total.rated]),
      table.total.highPerforming,
      table.total.percent,
      table.total.previousPercent,
      table.total.change,
    ],
  };
}

export function levelDistributionTable(table: RegionalTable): TableModel {
  // A place without final ratings has no distribution: dashes, not zeros.
  const counts = (distribution: RegionalTable["total"]["distribution"]) =>
    [...distribution.levels, distribution.rated].map((count) => (distribution.rated === 0 ? null : count));
  return {
    id: "levels",
    caption: `Final levels of rated teams by ${placeHeader(table.groupedBy).toLowerCase()}, ${table.quarter}`,
    columns: [
      { header: placeHeader(table.groupedBy), kind: "text" },
      ...LEVELS.map((entry) => ({ header: `Level ${entry.level}`, kind: "count" as const })),
      { header: "Rated", kind: "count" },
    ],
    rows: table.rows.map((row) => ({ cells: [row.name, ...counts(row.distribution)] })),
    total: ["Total", ...counts(table.total.distribution)],
  };
}

export function teamsTable(teams: FacilityTeamRow[], view: OverviewView): TableModel {
  const level = (value: number | null) => (value === null ? "Not rated" : formatLevel(value));
  return {
    id: "teams",
    caption: `Teams of ${view.facility?.name ?? "the facility"}, ${view.quarter}`,
    columns: [
      { header: "Team", kind: "text" },
      { header: "Department", kind: "text" },
      { header: `Level ${view.quarter}`, kind: "text" },
      { header: "Previous quarter", kind: "text" },
      { header: "Change", kind: "text" },
    ],
    rows: teams.map((team) => ({
      href: `/teams/${team.teamId}`,
      cells: [`${team.name} (${team.code})`, team.department, level(team.level), level(team.previousLevel), team.change ? formatLevelChange(team.change) : null],
    })),
  };
}

/**
 * The trend's lines: each region in the table, the chosen region, or — with a
 * facility chosen — the facility, whose points carry its region's id.
 */
export function trendSeries(view: OverviewView, regionRows: readonly { id: string; name: string }[]): { id: string; name: string }[] {
  if (view.facility) return [{ id: view.facility.regionId, name: view.facility.name }];
  return view.region ? [{ id: view.region.id, name: view.region.name }] : regionRows.map(({ id, name }) => ({ id, name }));
}

export function trendTable(points: TrendPoint[], regions: { id: string; name: string }[]): TableModel {
  const rows = trendRowsByQuarter(points);
  return {
    id: "trend",
    caption: "High-performing percent by place and quarter",
    columns: [{ header: "Quarter", kind: "text" }, ...regions.map((region) => ({ header: region.name, kind: "percent" as const }))],
    rows: rows.map((row) => ({ cells: [row.quarter, ...regions.map((region) => row[region.id] ?? null)] })),
  };
}

/** Movement by region; with a facility chosen, its one line is the facility (whose teams the figures count), without the region's link. */
export function movementTable(regions: RegionMovementFigures[], quarter: string, previousQuarter: string, facility: { name: string } | null = null): TableModel {
  return {
    id: "movement",
    caption: `Movement on the Path to Performance from ${previousQuarter} to ${quarter}`,
    columns: [
      { header: facility ? "Facility" : "Region", kind: "text" },
      { header: "Rated both quarters", kind: "count" },
      { header: "Moved up", kind: "count" },
      { header: "Up %", kind: "percent" },
      { header: "Same level", kind: "count" },
      { header: "Same %", kind: "percent" },
      { header: "Moved down", kind: "count" },
      { header: "Down %", kind: "percent" },
      { header: "Newly rated", kind: "count" },
    ],
    rows: regions.map(({ name, slug, figures }) => {
      // Rated in neither quarter: nothing is known about its movement, so no zeros.
      const known = figures.ratedPrevious > 0 || figures.ratedCurrent > 0;
      const count = (value: number) => (known ? value : null);
      return {
        href: facility ? undefined : `/regions/${slug}/movement?quarter=${quarter}`,
        cells: [
          facility ? facility.name : name,
          count(figures.ratedBoth),
          count(figures.up.count),
          figures.up.percent,
          count(figures.same.count),
          figures.same.percent,
          count(figures.down.count),
          figures.down.percent,
          count(figures.newlyRated),
        ],
      };
    }),
  };
}

export function compassTable(rows: CompassRow[], quarter: string): TableModel {
  return {
    id: "compass",
    caption: `Projects started by the end of ${quarter}, by Value Compass point and status today`,
    columns: [
      { header: "Value Compass point", kind: "text" },
      { header: "In progress", kind: "count" },
      { header: "Implemented or sustained", kind: "count" },
      { header: "Abandoned", kind: "count" },
      { header: "All", kind: "count" },
    ],
    rows: rows.map((row) => ({ cells: [row.label, row.inProgress, row.completed, row.abandoned, row.total] })),
  };
}

export function savingsTable(savings: SavingsBreakdown): TableModel {
  return {
    id: "savings",
    caption: `Savings by ${placeHeader(savings.groupedBy).toLowerCase()}: in ${savings.quarter}, and cumulative from ${savings.since}`,
    columns: [
      { header: placeHeader(savings.groupedBy), kind: "text" },
      { header: `Reported ${savings.quarter}`, kind: "cents" },
      { header: `Validated ${savings.quarter}`, kind: "cents" },
      { header: `Reported since ${savings.since}`, kind: "cents" },
      { header: `Validated since ${savings.since}`, kind: "cents" },
    ],
    rows: savings.rows.map((row) => ({
      cells: [row.name, row.quarterReportedCents, row.quarterValidatedCents, row.cumulativeReportedCents, row.cumulativeValidatedCents],
    })),
    total: ["Total", savings.total.quarterReportedCents, savings.total.quarterValidatedCents, savings.total.cumulativeReportedCents, savings.total.cumulativeValidatedCents],
  };
}

export function savingsTimelineTable(timeline: SavingsQuarter[]): TableModel {
  return {
    id: "savings-timeline",
    caption: "Savings by quarter reported, with running totals",
    columns: [
      { header: "Quarter", kind: "text" },
      { header: "Reported", kind: "cents" },
      { header: "Validated", kind: "cents" },
      { header: "Cumulative reported", kind: "cents" },
      { header: "Cumulative validated", kind: "cents" },
    ],
    rows: timeline.map((row) => ({ cells: [row.quarter, row.reportedCents, row.validatedCents, row.cumulativeReportedCents, row.cumulativeValidatedCents] })),
  };
}

export function practicesTable(practices: TopPractice[]): TableModel {
  return {
    id: "practices",
    caption: "Practices most adopted by other teams",
    columns: [
      { header: "Practice", kind: "text" },
      { header: "Team", kind: "text" },
      { header: "Region", kind: "text" },
      { header: "Value Compass", kind: "text" },
      { header: "Adopting teams", kind: "count" },
      { header: "Adopting regions", kind: "count" },
    ],
    rows: practices.map((practice) => ({
      href: `/projects/${practice.projectId}`,
      cells: [practice.title, practice.teamName, practice.regionName, practice.compassPoints.map(compassLabel).join("; "), practice.adoptions, practice.adoptingRegions],
    })),
  };
}

export function linkageTable(linkage: Linkage): TableModel {
  const line = (group: Linkage["byLevel"][number]): TableRow => ({
    cells: [
      group.label,
      group.teams,
      group.validatedCents,
      group.validatedCentsPerTeam,
      group.engagementPercent,
      group.teamsWithSavingsPercent,
      group.projectsPerTeam,
      group.cyclesPerTeam,
    ],
  });
  return {
    id: "linkage",
    caption: `Level in ${linkage.quarter} against validated savings and project activity, ${linkage.from} to ${linkage.quarter}`,
    columns: [
      { header: "Level", kind: "text" },
      { header: "Teams", kind: "count" },
      { header: "Validated savings", kind: "cents" },
      { header: "Validated per team", kind: "cents" },
      { header: `Roster engaged in ${linkage.quarter}`, kind: "percent" },
      { header: "Teams with validated savings", kind: "percent" },
      { header: "Projects worked on per team", kind: "decimal" },
      { header: "PDSA cycles started per team", kind: "decimal" },
    ],
    rows: [...linkage.byLevel, ...linkage.comparison].map(line),
  };
}

export function linkageTeamsTable(linkage: LinkageWindow & { teams: LinkageTeamRow[] }): TableModel {
  return {
    id: "linkage-teams",
    caption: `Every rated team's level in ${linkage.quarter}, validated savings and project activity, ${linkage.from} to ${linkage.quarter}`,
    columns: [
      { header: "Team code", kind: "text" },
      { header: "Team", kind: "text" },
      { header: "Region", kind: "text" },
      { header: "Facility", kind: "text" },
      { header: "Level", kind: "count" },
      { header: "Validated savings", kind: "cents" },
      { header: `Roster members in ${linkage.quarter}`, kind: "count" },
      { header: `Engaged in ${linkage.quarter}`, kind: "count" },
      { header: "Projects worked on", kind: "count" },
      { header: "PDSA cycles started", kind: "count" },
    ],
    rows: linkage.teams.map((team) => ({
      href: `/teams/${team.teamId}`,
      cells: [team.code, team.name, team.regionName, team.facilityName, team.level, team.validatedCents, team.rosterMembers, team.engagedMembers, team.projects, team.cycles],
    })),
  };
}

/** Each attention list's columns and a row of it: one definition for the list on the page and its CSV. */
const ATTENTION_COLUMNS: { [K in AttentionListId]: { columns: TableColumn[]; row: (item: AttentionLists[K], notStartedQuarter: Quarter) => TableRow } } = {
  stuck: {
    columns: [
      { header: "Team", kind: "text" },
      { header: "Region", kind: "text" },
      { header: "Level", kind: "text" },
      { header: "Quarters at this level", kind: "text" },
    ],
    row: (team) => ({
      href: `/teams/${team.teamId}`,
      cells: [`${team.name} (${team.code})`, team.regionName, formatLevel(team.level), team.lookbackReached ? `${team.quarters} or more` : String(team.quarters)],
    }),
  },
  "moved-down": {
    columns: [
      { header: "Team", kind: "text" },
      { header: "From", kind: "text" },
      { header: "To", kind: "text" },
    ],
    row: (team) => ({ href: `/teams/${team.teamId}`, cells: [`${team.name} (${team.code})`, formatLevel(team.previousLevel), formatLevel(team.level)] }),
  },
  "stale-projects": {
    columns: [
      { header: "Project", kind: "text" },
      { header: "Team", kind: "text" },
      { header: "Last update", kind: "text" },
    ],
    row: (project) => ({ href: `/projects/${project.projectId}`, cells: [project.title, `${project.teamName} (${project.teamCode})`, toDayString(project.lastActivityAt)] }),
  },
  "not-started": {
    columns: [
      { header: "Team", kind: "text" },
      { header: "Region", kind: "text" },
    ],
    row: (team, quarter) => ({ href: `/teams/${team.teamId}/ratings/${quarter}`, cells: [`${team.name} (${team.code})`, team.regionName] }),
  },
};

export function attentionTables(attention: TeamsNeedingAttention): Record<AttentionListId, TableModel> {
  const table = <K extends AttentionListId>(id: K, caption: string, items: AttentionLists[K][]): TableModel => ({
    id,
    caption,
    columns: ATTENTION_COLUMNS[id].columns,
    rows: items.map((item) => ATTENTION_COLUMNS[id].row(item, attention.notStarted.quarter)),
  });
  const rated = attention.ratedQuarter ?? "the latest quarter";
  return {
    stuck: table("stuck", `Teams at the same level for four or more quarters, to ${rated}`, attention.stuck.items),
    "moved-down": table("moved-down", `Teams that moved down a level in ${rated}`, attention.movedDown.items),
    "stale-projects": table("stale-projects", "Open projects without an update for more than 90 days", attention.staleProjects.items),
    "not-started": table("not-started", `Teams whose ${attention.notStarted.quarter} rating has not been started`, attention.notStarted.items),
  };
}

export function portfolioTables(portfolio: SponsorPortfolio): Record<"levels" | "teams", TableModel> {
  return {
    levels: {
      id: "portfolio-levels",
      caption: "Your teams by their latest final level",
      columns: [
        { header: "Latest level", kind: "text" },
        { header: "Teams", kind: "count" },
        { header: "Share", kind: "percent" },
      ],
      rows: portfolio.distribution.map((bucket) => ({ cells: [bucket.label, bucket.teams, bucket.percent] })),
    },
    teams: {
      id: "portfolio-teams",
      caption: `Your teams' latest level and validated savings in ${portfolio.year}`,
      columns: [
        { header: "Team", kind: "text" },
        { header: "Latest level", kind: "text" },
        { header: `Validated ${portfolio.year}`, kind: "cents" },
      ],
      rows: portfolio.teams.map((team) => ({
        href: `/teams/${team.teamId}`,
        cells: [team.name, team.quarter ? `${formatLevel(team.level)} (${team.quarter})` : "Not rated yet", team.validatedCents],
      })),
    },
  };
}

/**
 * Roster engagement by region (rows) and final level (columns, then teams not rated
 * in the quarter, then all): each share is of the roster members summed over the
 * teams, as lib/data/engagement.ts sums them, never a mean of shares.
 */
export function engagementTable(cells: readonly EngagementCell[], quarter: string): TableModel {
  const groups: { header: string; level: number | null | "all" }[] = [
    ...LEVELS.map((entry) => ({ header: `Level ${entry.level}`, level: entry.level })),
    { header: "Not rated", level: null },
    { header: "All teams", level: "all" },
  ];
  const share = (group: readonly EngagementCell[]) =>
    engagementShare(
      group.reduce((sum, cell) => sum + cell.engaged, 0),
      group.reduce((sum, cell) => sum + cell.rosterMembers, 0),
    );
  const line = (of: readonly EngagementCell[]): TableCell[] => {
    const all = share(of);
    return [
      ...groups.map((group) => (group.level === "all" ? all.percent : share(of.filter((cell) => cell.level === group.level)).percent)),
      of.reduce((sum, cell) => sum + cell.teams, 0),
      all.engaged,
      all.rosterMembers,
    ];
  };
  const regions = [...new Map(cells.map((cell) => [cell.regionId, cell.regionName])).entries()];
  return {
    id: "engagement",
    caption: `Roster members engaged in improvement work by region and final level, ${quarter}`,
    columns: [
      { header: "Region", kind: "text" },
      ...groups.map((group) => ({ header: group.header, kind: "percent" as const })),
      { header: "Teams", kind: "count" },
      { header: "Engaged", kind: "count" },
      { header: "Roster members", kind: "count" },
    ],
    rows: regions.map(([regionId, name]) => ({ cells: [name, ...line(cells.filter((cell) => cell.regionId === regionId))] })),
    total: ["Total", ...line(cells)],
  };
}

/** Every table of the overview pages, by id, loaded for a view: what the CSV downloads serve. */
export const OVERVIEW_TABLES: Record<string, (actor: Actor, view: OverviewView) => Promise<TableModel | null>> = {
  "high-performing": async (actor, view) => highPerformingTable(await getRegionalTable(actor, view.quarter, view.filters), view),
  engagement: async (actor, view) => engagementTable(await getEngagementByRegionAndLevel(actor, view.quarter, view.filters), view.quarter),
  levels: async (actor, view) => levelDistributionTable(await getRegionalTable(actor, view.quarter, view.filters)),
  teams: async (actor, view) => (view.facility ? teamsTable(await getFacilityTeams(actor, view.quarter, view.facility.id), view) : null),
  trend: async (actor, view) => {
    const table = await getRegionalTable(actor, view.quarter, { regionId: view.filters.regionId });
    return trendTable(closedQuarterPoints(await getHighPerformingTrend(actor, view.filters)), trendSeries(view, table.rows));
  },
  movement: async (actor, view) => {
    const movement = await getMovementByRegion(actor, view.quarter, view.filters);
    return movementTable(movement.regions, movement.quarter, movement.previousQuarter, view.facility);
  },
  compass: async (actor, view) => compassTable((await getProjectsByCompassPoint(actor, view.quarter, view.filters)).rows, view.quarter),
  savings: async (actor, view) => savingsTable(await getSavingsBreakdown(actor, view.quarter, view.since, view.filters)),
  "savings-timeline": async (actor, view) => savingsTimelineTable(await getSavingsTimeline(actor, view.since, view.quarter, view.filters)),
  practices: async (actor, view) => practicesTable(await getTopPractices(actor, view.quarter, view.filters)),
  linkage: async (actor, view) => linkageTable(await getLinkage(actor, view.quarter, view.filters)),
  "linkage-teams": async (actor, view) => linkageTeamsTable(await getLinkageTeams(actor, view.quarter, view.filters)),
};

/** One of the consultant's attention lists as a CSV: the complete list, read and written a page at a time. */
export async function attentionCsv<K extends AttentionListId>(actor: Actor, id: K, now = new Date()): Promise<CsvPages> {
  const { columns, row }: (typeof ATTENTION_COLUMNS)[K] = ATTENTION_COLUMNS[id];
  const { quarter } = daysLeftInQuarter(now);
  const pages = await readAttentionList(actor, id, (item) => tableCsvLine(columns, row(item, quarter).cells), now);
  return { headers: columns.map((column) => column.header), pages };
}
