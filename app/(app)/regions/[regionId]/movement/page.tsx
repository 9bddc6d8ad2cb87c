import type { Metadata } from "next";
import { TeamLevelsTable } from "@/components/teams/team-levels-table";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { QuarterForm } from "@/components/ui/quarter-form";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getRegionMovement, getRegionRatedQuarters, type MovementTeam, type RegionMovement } from "@/lib/data/movement";
import type { LevelChange, Share } from "@/lib/domain/movement";
import { chooseRatedQuarter, formatQuarter, isQuarterClosed } from "@/lib/domain/quarter";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";
import { countOf, formatCount, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Movement" };

export default async function RegionMovementPage({ params, searchParams }: PageProps<"/regions/[regionId]/movement">) {
  const user = await requireUser();
  const { regionId } = await params;
  const { region, quarters } = await guardPage(getRegionRatedQuarters(user, regionId));

  if (quarters.length === 0) {
    return (
      <PageFrame regionName={region.name}>
        <EmptyState title="No final ratings yet">Once sponsors finalise a quarter&apos;s ratings in {region.name}, its movement appears here.</EmptyState>
      </PageFrame>
    );
  }
  const { values, problems } = readUrlFilters(await searchParams, { quarter: urlFilters.quarter });
  const { quarter, notice } = chooseRatedQuarter(values.quarter, quarters);
  const movement = await getRegionMovement(user, region.id, quarter);

  return (
    <PageFrame regionName={region.name}>
      <QuarterForm action={`/regions/${region.slug}/movement`} quarter={quarter} quarters={quarters} />
      <UrlProblems problems={problems} instead="Showing the latest quarter instead." />
      {notice && <Notice tone="warning">{notice}</Notice>}
      <p>
        {/* To the region's own overview: a consultant of one region has no "all regions" to go back to. */}
        <TextLink href={`/overview?quarter=${quarter}&region=${region.slug}`} className="text-sm font-medium">
          Back to the overview of {region.name}, {formatQuarter(quarter)}
        </TextLink>
      </p>
      <MovementReport movement={movement} />
    </PageFrame>
  );
}

function MovementReport({ movement }: { movement: RegionMovement }) {
  const { summary, quarter, previousQuarter } = movement;
  const { figures } = summary;
  const span = `${formatQuarter(previousQuarter)} to ${formatQuarter(quarter)}`;
  const table = (teams: (MovementTeam & { change?: LevelChange })[], caption: string) => (
    <TeamLevelsTable teams={teams} caption={caption} previousQuarter={previousQuarter} quarter={quarter} />
  );

  return (
    <>
      <Card id="figures" title={`From ${span}`}>
        {figures.ratedPrevious === 0 ? (
          <EmptyState title={`No final ratings for ${formatQuarter(previousQuarter)}`}>
            There is nothing to compare {formatQuarter(quarter)} with, so no team can have moved. Teams rated in {formatQuarter(quarter)} are
            listed below as newly rated.
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              Shares of the <span data-testid="rated-both">{formatCount(figures.ratedBoth)}</span> {figures.ratedBoth === 1 ? "team" : "teams"} with a final quarterly rating in both
              quarters, each rounded to the nearest whole percent (so they may not add up to exactly 100).
            </p>
            <dl className="grid gap-4 sm:grid-cols-3">
              <ShareFigure label="Moved up" share={figures.up} testId="moved-up" />
              <ShareFigure label="Stayed at their level" share={figures.same} testId="stayed" />
              <ShareFigure label="Moved down" share={figures.down} testId="moved-down" />
            </dl>
          </>
        )}
        <p className="text-sm text-slate-700">
          Newly rated (a final rating in {formatQuarter(quarter)} but none in {formatQuarter(previousQuarter)}):{" "}
          <span className="font-semibold" data-testid="newly-rated">{formatCount(figures.newlyRated)}</span>. Not yet rated in{" "}
          {formatQuarter(quarter)}: <span className="font-semibold">{formatCount(figures.notYetRated)}</span>.
        </p>
        {!isQuarterClosed(quarter) && (
          <p className="text-sm text-slate-700">This quarter is still open: the figures will change as sponsors sign.</p>
        )}
      </Card>

      <Card id="teams" title="The teams behind the numbers">
        <TeamGroup title="Moved up" count={figures.up.count}>{table(summary.up, `Teams that moved up, ${span}`)}</TeamGroup>
        <TeamGroup title="Stayed at their level" count={figures.same.count}>{table(summary.same, `Teams that stayed at their level, ${span}`)}</TeamGroup>
        <TeamGroup title="Moved down" count={figures.down.count}>{table(summary.down, `Teams that moved down, ${span}`)}</TeamGroup>
        <TeamGroup title="Newly rated" count={figures.newlyRated}>{table(summary.newlyRated, `Teams newly rated in ${formatQuarter(quarter)}`)}</TeamGroup>
        <TeamGroup title={`Not yet rated in ${formatQuarter(quarter)}`} count={figures.notYetRated}>
          {table(summary.notYetRated, `Teams rated in ${formatQuarter(previousQuarter)} but not yet in ${formatQuarter(quarter)}`)}
        </TeamGroup>
      </Card>
    </>
  );
}

function ShareFigure({ label, share, testId }: { label: string; share: Share; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-4" data-testid={testId}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1">
        <span className="text-3xl font-semibold tabular-nums" data-testid={`${testId}-count`}>{formatCount(share.count)}</span>
        <span className="ml-2 text-lg text-slate-700 tabular-nums">({formatPercent(share.percent)})</span>
      </dd>
    </div>
  );
}

function TeamGroup({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  if (count === 0) {
    return (
      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-800">{title}:</span> no teams.
      </p>
    );
  }
  return (
    <Disclosure summary={`${title}: ${countOf(count, "team")}`} className="rounded-md border border-slate-200 px-4 py-1">
      {children}
    </Disclosure>
  );
}

function PageFrame({ regionName, children }: { regionName: string; children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Movement on the Path to Performance, {regionName}</h1>
      {children}
    </div>
  );
}
