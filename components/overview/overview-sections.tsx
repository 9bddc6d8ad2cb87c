import { GroupedBarChart, StackedLevelChart, TrendLineChart } from "@/components/charts/lazy";
import { ChartData } from "@/components/ui/chart-data";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import type { Actor } from "@/lib/auth/permissions";
import { getEngagementByRegionAndLevel } from "@/lib/data/engagement";
import { getMovementByRegion } from "@/lib/data/movement";
import { getFacilityTeams, getProjectsByCompassPoint, getSavingsBreakdown, getSavingsTimeline, getTopPractices } from "@/lib/data/overview";
import { closedQuarterPoints, getHighPerformingTrend, getRegionalTable, trendRowsByQuarter } from "@/lib/data/regional-rollup";
import { ENGAGEMENT_DEFINITION } from "@/lib/domain/engagement";
import { formatQuarter, isQuarterClosed } from "@/lib/domain/quarter";
import { countOf, formatCount } from "@/lib/format";
import {
  compassTable,
  engagementTable,
  highPerformingTable,
  levelDistributionTable,
  movementTable,
  practicesTable,
  savingsTable,
  savingsTimelineTable,
  teamsTable,
  trendSeries,
  trendTable,
} from "@/lib/reports/overview-tables";
import { describePlace, FACILITIES_PER_PAGE, overviewParams, placePage, type OverviewView, type PlacePage } from "@/lib/reports/overview-view";
import type { TableModel } from "@/lib/reports/table-model";

/** Print has no responsive layout to measure: charts get a width that fits A4 and Letter portrait. */
const PRINT_CHART_WIDTH = 660;

type Mode = { print: boolean };

/** A table with its CSV link on screen; bare on paper. */
function OverviewTable({ model, view, mode }: { model: TableModel; view: OverviewView; mode: Mode }) {
  return <DataTable model={model} csvHref={mode.print ? undefined : `/api/exports/overview/${model.id}?${overviewParams(view)}`} />;
}

/** A chart's data as its table: behind the kit's disclosure on screen, printed in full. */
function OverviewChartData({ model, view, mode }: { model: TableModel; view: OverviewView; mode: Mode }) {
  return (
    <ChartData of={model.caption} print={mode.print}>
      <OverviewTable model={model} view={view} mode={mode} />
    </ChartData>
  );
}

/** Where the table's links lead: "Choose a region to see its facilities", or, with one region, that region by name. */
function drillHint(place: "region" | "facility", rows: readonly { name: string }[]): string {
  if (place === "facility") return "Choose a facility to see its teams.";
  return rows.length === 1 ? `Choose ${rows[0]!.name} to see its facilities.` : "Choose a region to see its facilities.";
}

/**
 * Which facilities a paged table shows, and the way to the others; nothing when they all fit
 * on one page. The first section also says when the page asked for was past the last.
 */
function FacilityPages({ pages, view, section, first = false }: { pages: PlacePage<unknown>; view: OverviewView; section: string; first?: boolean }) {
  if (pages.pageCount <= 1) return null;
  return (
    <div className="no-print space-y-2">
      {first && pages.requested > pages.page && (
        <Notice tone="warning">
          There is no page {formatCount(pages.requested)} of facilities; showing page {formatCount(pages.page)}, the last.
        </Notice>
      )}
      <p className="text-sm text-slate-600">
        Facilities {formatCount(pages.first)}–{formatCount(pages.last)} of {formatCount(pages.count)}. The total line counts all of them; the CSV lists them all.
      </p>
      <Pagination page={pages.page} pageCount={pages.pageCount} href={(page) => `/overview?${overviewParams(view, { page: String(page) })}#${section}`} label={`Pages of facilities, ${section}`} />
    </div>
  );
}

/**
 * The sections of the national, regional and facility overview, shared by the
 * overview page and the printable report. Every figure comes from lib/data.
 */
export async function OverviewSections({ actor, view, print = false }: { actor: Actor; view: OverviewView; print?: boolean }) {
  const mode = { print };
  const width = print ? PRINT_CHART_WIDTH : undefined;
  const [table, trend, movement, engagement, compass, savings, timeline, practices, teams] = await Promise.all([
    getRegionalTable(actor, view.quarter, view.filters),
    getHighPerformingTrend(actor, view.filters),
    getMovementByRegion(actor, view.quarter, view.filters),
    getEngagementByRegionAndLevel(actor, view.quarter, view.filters),
    getProjectsByCompassPoint(actor, view.quarter, view.filters),
    getSavingsBreakdown(actor, view.quarter, view.since, view.filters),
    getSavingsTimeline(actor, view.since, view.quarter, view.filters),
    getTopPractices(actor, view.quarter, view.filters),
    view.facility ? getFacilityTeams(actor, view.quarter, view.facility.id) : null,
  ]);
  const place = table.groupedBy;
  // A region's facilities are paged on screen (the same page in every table by facility); print shows them all.
  const facilities = placePage(table.rows, view.facilityPage, print || place === "region" ? Number.POSITIVE_INFINITY : FACILITIES_PER_PAGE);
  const shown = new Set(facilities.rows.map((row) => row.id));
  const shownTable = { ...table, rows: facilities.rows };
  const shownSavings = { ...savings, rows: savings.rows.filter((row) => savings.groupedBy === "region" || shown.has(row.id)) };
  const ratedRows = shownTable.rows.filter((row) => row.rated > 0);
  const unratedNames = shownTable.rows.filter((row) => row.rated === 0).map((row) => row.name);
  const series = trendSeries(view, table.rows);
  const closedTrend = closedQuarterPoints(trend);
  const savingsRecorded = timeline.some((row) => row.reportedCents > 0 || row.validatedCents > 0);

  return (
    <div className="space-y-6 print:space-y-4">
      <Card
        id="high-performing"
        title={`Rated high performing, ${formatQuarter(view.quarter)}`}
        description={
          <>
            <p>
              Teams with a final quarterly rating at level 4 (Operational) or 5 (High Performing), by {place}, with the change in percentage points since{" "}
              {table.previousQuarter}. {print || view.facility ? "" : drillHint(place, table.rows)}
            </p>
            {!isQuarterClosed(view.quarter) && (
              <p className="mt-1 text-slate-700" data-testid="rating-progress">
                This quarter is still open: {formatCount(table.total.rated)} of {countOf(table.total.teams, "team")} {table.total.rated === 1 ? "has" : "have"} a final rating so far, and the
                figures will change as sponsors sign.
              </p>
            )}
          </>
        }
      >
        <OverviewTable model={highPerformingTable(shownTable, view)} view={view} mode={mode} />
        <FacilityPages pages={facilities} view={view} section="high-performing" first />
        <p className="text-xs text-slate-500">
          A dash means no final ratings that quarter (not zero). Percentages are rounded half up to whole percents; totals are computed from the counts, not
          averaged.
        </p>
      </Card>

      {teams && (
        <Card id="teams" title={`Teams of ${view.facility!.name}`} description="Each team's final level this quarter and last; open a team for its history.">
          {teams.length === 0 ? (
            <EmptyState title="No active teams">This facility had no chartered, active teams in {view.quarter}.</EmptyState>
          ) : (
            <OverviewTable model={teamsTable(teams, view)} view={view} mode={mode} />
          )}
        </Card>
      )}

      <Card id="levels" title="Level distribution" description={`Share of rated teams at each level of the Path to Performance, ${view.quarter}.`}>
        {table.total.rated === 0 ? (
          <EmptyState title={`No final ratings in ${view.quarter} for ${describePlace(view)}`}>The distribution appears once sponsors finalise ratings here.</EmptyState>
        ) : (
          <>
            {ratedRows.length > 0 && (
              <StackedLevelChart
                rows={ratedRows.map((row) => ({ name: row.name, shares: row.distribution.barShares }))}
                label={`Stacked bars: share of rated teams at each level by ${place}, ${view.quarter}`}
                width={width}
              />
            )}
            {unratedNames.length > 0 && <p className="text-sm text-slate-600">Not shown, no final ratings in {view.quarter}: {unratedNames.join(", ")}.</p>}
            <OverviewChartData model={levelDistributionTable(shownTable)} view={view} mode={mode} />
            <FacilityPages pages={facilities} view={view} section="levels" />
          </>
        )}
      </Card>

      <Card
        id="trend"
        title="High-performing share over time"
        description={`Closed quarters only; a gap means ${view.facility ? "the facility" : "a region"} had no final ratings that quarter.`}
      >
        {closedTrend.length === 0 ? (
          <EmptyState title="No closed quarter has final ratings yet">The trend starts once a quarter with final ratings has ended.</EmptyState>
        ) : (
          <>
            <TrendLineChart
              series={series.map((entry) => ({ key: entry.id, name: entry.name }))}
              rows={trendRowsByQuarter(closedTrend)}
              label={`Line chart of ${view.facility ? `${view.facility.name}'s` : "each region's"} high-performing percent by quarter`}
              width={width}
            />
            <OverviewChartData model={trendTable(closedTrend, series)} view={view} mode={mode} />
          </>
        )}
      </Card>

      <Card
        id="movement"
        title={`Movement, ${movement.previousQuarter} to ${movement.quarter}`}
        description="Teams with a final rating in both quarters that moved up, stayed or moved down; shares are of those teams."
      >
        <OverviewTable model={movementTable(movement.regions, movement.quarter, movement.previousQuarter, view.facility)} view={view} mode={mode} />
      </Card>

      <Card
        id="engagement"
        title={`Team member engagement, ${formatQuarter(view.quarter)}`}
        description={`By region and each team's final level in ${view.quarter}. ${ENGAGEMENT_DEFINITION}`}
      >
        {engagement.length === 0 ? (
          <EmptyState title={`No operating teams in ${view.quarter} for ${describePlace(view)}`}>Engagement appears once teams here have a roster.</EmptyState>
        ) : (
          <OverviewTable model={engagementTable(engagement, view.quarter)} view={view} mode={mode} />
        )}
        <p className="text-xs text-slate-500">A dash means no roster members in that group (not zero). Shares are of the summed roster members, not averaged over teams.</p>
      </Card>

      <Card
        id="compass"
        title="Projects by Value Compass point"
        description={`Projects started by the end of ${view.quarter}, by their status today; a project with two points counts under each.`}
      >
        {compass.projects === 0 ? (
          <EmptyState title={`No projects for ${describePlace(view)}`}>Projects appear here once teams log them.</EmptyState>
        ) : (
          <>
            <GroupedBarChart
              rows={compass.rows.map((row) => ({ name: row.label, inProgress: row.inProgress, completed: row.completed, abandoned: row.abandoned }))}
              series={[
                { key: "inProgress", name: "In progress" },
                { key: "completed", name: "Implemented or sustained" },
                { key: "abandoned", name: "Abandoned" },
              ]}
              kind="count"
              label={`Bar chart of projects by Value Compass point and status, ${view.quarter}`}
              width={width}
            />
            <p className="text-sm text-slate-600">{countOf(compass.projects, "project")} in all.</p>
            <OverviewChartData model={compassTable(compass.rows, view.quarter)} view={view} mode={mode} />
          </>
        )}
      </Card>

      <Card
        id="savings"
        title="Savings reported and validated"
        description={`By the day reported, credited to the team that achieved them; reported includes validated, rejected entries are left out. Cumulative from the start of ${view.since}.${view.compassPoint ? " Only projects tagged with the chosen Value Compass point." : ""}`}
      >
        <OverviewTable model={savingsTable(shownSavings)} view={view} mode={mode} />
        <FacilityPages pages={facilities} view={view} section="savings" />
        {savingsRecorded ? (
          <>
            <GroupedBarChart
              rows={timeline.map((row) => ({ name: row.quarter, reported: row.reportedCents, validated: row.validatedCents }))}
              series={[
                { key: "reported", name: "Reported" },
                { key: "validated", name: "Validated" },
              ]}
              kind="cents"
              label={`Bar chart of savings reported and validated per quarter, ${view.since} to ${view.quarter}`}
              width={width}
            />
            <OverviewChartData model={savingsTimelineTable(timeline)} view={view} mode={mode} />
          </>
        ) : (
          <EmptyState title={`No savings reported from ${view.since} to ${view.quarter}`}>Choose an earlier start to sum over a longer period.</EmptyState>
        )}
      </Card>

      <Card id="practices" title="Top practices by adoption" description={`Practices of teams here, by how many other teams had adopted them by the end of ${view.quarter}.`}>
        {practices.length === 0 ? (
          <EmptyState title="No practice has been adopted yet">When a team adopts another team&apos;s practice, it is counted here.</EmptyState>
        ) : (
          <OverviewTable model={practicesTable(practices)} view={view} mode={mode} />
        )}
      </Card>
    </div>
  );
}
