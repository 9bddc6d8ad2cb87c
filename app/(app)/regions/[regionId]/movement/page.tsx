import type { Metadata } from "next";
import { TeamLevelsTable } from "@/components/teams/team-levels-table";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageOutOfRange, Pagination } from "@/components/ui/pagination";
import { QuarterForm } from "@/components/ui/quarter-form";
import { TextLink } from "@/components/ui/text-link";
import { UrlProblems } from "@/components/ui/url-problems";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getRegionMovement, getRegionRatedQuarters, type RegionMovement } from "@/lib/data/movement";
import type { MovementGroup, Share } from "@/lib/domain/movement";
import { chooseRatedQuarter, formatQuarter, isQuarterClosed } from "@/lib/domain/quarter";
import { readUrlFilters, urlFilters, urlQuery, type UrlParams, type UrlProblem } from "@/lib/validation/url-filters";
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
  const urlParams = await searchParams;
  const { values, problems } = readUrlFilters(urlParams, { quarter: urlFilters.quarter });
  const { quarter, notice } = chooseRatedQuarter(values.quarter, quarters);
  const paging = readMovementPaging(urlParams);
  const movement = await getRegionMovement(user, region.id, quarter, paging.values);

  return (
    <PageFrame regionName={region.name}>
      <QuarterForm action={`/regions/${region.slug}/movement`} quarter={quarter} quarters={quarters} />
      <UrlProblems problems={problems} instead="Showing the latest quarter instead." />
      <UrlProblems problems={paging.problems} instead="Showing the first page of each list." />
      {notice && <Notice tone="warning">{notice}</Notice>}
      <p>
        {/* To the region's own overview: a consultant of one region has no "all regions" to go back to. */}
        <TextLink href={`/overview?quarter=${quarter}&region=${region.slug}`} className="text-sm font-medium">
          Back to the overview of {region.name}, {formatQuarter(quarter)}
        </TextLink>
      </p>
      <MovementReport movement={movement} openList={paging.values.list} />
    </PageFrame>
  );
}

/**
 * The one list paged (`?list=up&page=2`): a page without its list, or with a list or page
 * not understood, is named and left out, so every list shows its first page.
 */
function readMovementPaging(params: UrlParams): { values: { list?: MovementGroup; page?: number }; problems: UrlProblem[] } {
  const { values, problems } = readUrlFilters(params, { list: urlFilters.list, page: urlFilters.page });
  if (values.list) return { values, problems };
  // A page of no list pages nothing: named, unless the list it came with already is.
  const listNamed = problems.some((problem) => problem.name === "list");
  const pageWithoutList = values.page === undefined || listNamed ? [] : [{ name: "page", value: String(values.page), message: "Give the list to page as well" }];
  return { values: {}, problems: [...problems, ...pageWithoutList] };
}

function MovementReport({ movement, openList }: { movement: RegionMovement; openList?: MovementGroup }) {
  const { figures, quarter, previousQuarter } = movement;
  const span = `${formatQuarter(previousQuarter)} to ${formatQuarter(quarter)}`;
  const teamGroups: { group: MovementGroup; title: string; caption: string }[] = [
    { group: "up", title: "Moved up", caption: `Teams that moved up, ${span}` },
    { group: "same", title: "Stayed at their level", caption: `Teams that stayed at their level, ${span}` },
    { group: "down", title: "Moved down", caption: `Teams that moved down, ${span}` },
    { group: "newlyRated", title: "Newly rated", caption: `Teams newly rated in ${formatQuarter(quarter)}` },
    {
      group: "notYetRated",
      title: `Not yet rated in ${formatQuarter(quarter)}`,
      caption: `Teams rated in ${formatQuarter(previousQuarter)} but not yet in ${formatQuarter(quarter)}`,
    },
  ];

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
        {teamGroups.map(({ group, title, caption }) => (
          <TeamGroup key={group} movement={movement} group={group} title={title} caption={caption} open={group === openList} />
        ))}
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

/** One movement list: a page of its teams by code, with links to its other pages that keep the quarter (and come back to the list). */
function TeamGroup({
  movement: { region, quarter, previousQuarter, lists, pageSize },
  group,
  title,
  caption,
  open,
}: {
  movement: RegionMovement;
  group: MovementGroup;
  title: string;
  caption: string;
  open: boolean;
}) {
  const list = lists[group];
  if (list.count === 0) {
    return (
      <p className="text-sm text-slate-600">
        <span className="font-medium text-slate-800">{title}:</span> no teams.
      </p>
    );
  }
  const anchor = `list-${group}`;
  const pageHref = (to: number) => `/regions/${region.slug}/movement?${urlQuery({ quarter, list: group, page: to > 1 ? to : undefined })}#${anchor}`;
  const first = (list.page - 1) * pageSize + 1;
  return (
    <div id={anchor}>
      <Disclosure summary={`${title}: ${countOf(list.count, "team")}`} defaultOpen={open} className="rounded-md border border-slate-200 px-4 py-1">
        {list.teams.length === 0 ? (
          <PageOutOfRange page={list.page} pageCount={list.pageCount} firstPageHref={pageHref(1)} />
        ) : (
          <div className="space-y-3 pb-3">
            <TeamLevelsTable
              teams={list.teams}
              caption={list.pageCount > 1 ? `${caption}, page ${formatCount(list.page)} of ${formatCount(list.pageCount)}` : caption}
              previousQuarter={previousQuarter}
              quarter={quarter}
            />
            {list.pageCount > 1 && (
              <>
                <p className="text-sm text-slate-600" data-testid={`${anchor}-shown`}>
                  Showing {formatCount(first)}–{formatCount(first + list.teams.length - 1)} of {formatCount(list.count)}
                </p>
                <Pagination page={list.page} pageCount={list.pageCount} href={pageHref} label={`Pages of the list “${title}”`} />
              </>
            )}
          </div>
        )}
      </Disclosure>
    </div>
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
