import type { Metadata } from "next";
import { GroupedBarChart } from "@/components/charts/lazy";
import { UrlProblems } from "@/components/ui/url-problems";
import { DownloadLink, TextLink } from "@/components/ui/text-link";
import { OverviewBreadcrumbs, loadOverviewView } from "@/components/overview/overview-frame";
import { OverviewFilterForm } from "@/components/overview/overview-filter-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { ENGAGEMENT_DEFINITION } from "@/lib/domain/engagement";
import { getLinkage, getOverviewPlaces } from "@/lib/data/overview";
import { countOf } from "@/lib/format";
import { linkageTable } from "@/lib/reports/overview-tables";
import { describePlace, overviewParams } from "@/lib/reports/overview-view";

export const metadata: Metadata = { title: "Level and results" };

/** Do high-performing teams deliver more? Level against validated savings and project activity, per level. */
export default async function LinkagePage({ searchParams }: PageProps<"/overview/linkage">) {
  const user = await requireUser();
  const { view, fallback } = await loadOverviewView(user, await searchParams);
  if (!view) return <Frame>{fallback}</Frame>;
  const [linkage, places] = await Promise.all([getLinkage(user, view.quarter, view.filters), getOverviewPlaces(user, view.filters.regionId)]);
  const csv = (id: string) => `/api/exports/overview/${id}?${overviewParams(view)}`;
  const levels = linkage.byLevel.filter((group) => group.teams > 0);

  return (
    <Frame>
      <OverviewBreadcrumbs view={view} path="/overview/linkage" />
      <p className="text-slate-700">
        {describePlace(view)}: each rated team&apos;s final level in {linkage.quarter}, against what it did from the start of {linkage.from} to the end of{" "}
        {linkage.quarter} — validated savings it reported, projects it worked on, PDSA cycles it started — and the share of its roster engaged in{" "}
        {linkage.quarter}.{" "}
        <TextLink href={`/overview?${overviewParams(view)}`} className="font-medium">
          Back to the overview
        </TextLink>
      </p>
      <OverviewFilterForm action="/overview/linkage" view={view} places={places} />
      <UrlProblems messages={view.notices} />
      {linkage.ratedTeams === 0 ? (
        <EmptyState title={`No team has a final level in ${view.quarter} here`}>Choose another quarter or place.</EmptyState>
      ) : (
        <>
          <Card
            id="savings-by-level"
            title="Validated savings per team, by level"
            description={`${countOf(linkage.ratedTeams, "rated team")}. Levels without teams are left out of the charts.`}
          >
            <GroupedBarChart
              rows={levels.map((group) => ({ name: group.label, perTeam: group.validatedCentsPerTeam }))}
              series={[{ key: "perTeam", name: "Validated savings per team" }]}
              kind="cents"
              label={`Bar chart of validated savings per team at each level, ${linkage.from} to ${linkage.quarter}`}
            />
          </Card>
          <Card id="activity-by-level" title="Project activity per team, by level">
            <GroupedBarChart
              rows={levels.map((group) => ({ name: group.label, projects: group.projectsPerTeam, cycles: group.cyclesPerTeam }))}
              series={[
                { key: "projects", name: "Projects worked on per team" },
                { key: "cycles", name: "PDSA cycles started per team" },
              ]}
              kind="decimal"
              label={`Bar chart of projects and PDSA cycles per team at each level, ${linkage.from} to ${linkage.quarter}`}
            />
          </Card>
          <Card
            id="linkage-table"
            title="The figures behind the charts"
            description={`Per-team figures are means, rounded half up. The last rows compare high-performing teams (levels 4–5) with the rest. Roster engaged: ${ENGAGEMENT_DEFINITION}`}
          >
            <DataTable model={linkageTable(linkage)} csvHref={csv("linkage")} />
            <p className="text-sm">
              <DownloadLink href={csv("linkage-teams")} download>
                Download every team&apos;s figures as CSV
              </DownloadLink>
            </p>
          </Card>
        </>
      )}
    </Frame>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Level and results</h1>
      {children}
    </div>
  );
}
