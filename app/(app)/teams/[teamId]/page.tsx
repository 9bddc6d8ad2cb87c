import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DimensionLevelsSection } from "@/components/teams/dimension-levels-section";
import { formatLevel } from "@/lib/format";
import { LevelHistorySection } from "@/components/teams/level-history-section";
import { RatingHistory } from "@/components/teams/rating-history";
import { TeamPeople } from "@/components/teams/team-people";
import { EmptyState } from "@/components/ui/empty-state";
import { NotPermitted } from "@/components/ui/not-permitted";
import { TeamProjects } from "@/components/projects/team-projects";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listTeamProjects } from "@/lib/data/projects";
import { getTeamSavingsTotals } from "@/lib/data/savings";
import { SavingsTotalsSummary } from "@/components/projects/savings/savings-totals";
import { getTeamHistory, type TeamHistory } from "@/lib/data/team-history";
import { currentQuarter, formatQuarter } from "@/lib/domain/quarter";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: PageProps<"/teams/[teamId]">) {
  const user = await requireUser();
  const { teamId } = await params;
  const history = await getTeamHistory(user, teamId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!history) {
    return <NotPermitted what="This team's page" who="the team's co-leads and sponsors, its region's UBT consultants and partnership staff" />;
  }
  const { team, currentLevel } = history;
  const [projects, savings] = await Promise.all([listTeamProjects(user, team.id), getTeamSavingsTotals(user, team.id)]);

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">{team.name}</h1>
        <TeamFacts team={team} />
        <RatingLinks history={history} />
      </header>

      <section aria-labelledby="current-level-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="current-level-title" className="text-lg font-semibold">
          Current level
        </h2>
        {currentLevel ? (
          <p className="mt-2" data-testid="current-level">
            <span className="text-2xl font-semibold">{formatLevel(currentLevel.level)}</span>
            <span className="ml-2 text-sm text-slate-600">final rating for {formatQuarter(currentLevel.quarter)}</span>
          </p>
        ) : (
          <div className="mt-3">
            <EmptyState title="No final rating yet">
              The team&apos;s level appears here once its sponsors sign a quarterly rating. Its ratings so far are listed below.
            </EmptyState>
          </div>
        )}
      </section>

      <section aria-labelledby="savings-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="savings-title" className="mb-3 text-lg font-semibold">
          Savings credited to this team
        </h2>
        <SavingsTotalsSummary totals={savings} />
      </section>

      <TeamProjects teamId={team.id} rows={projects} mayEdit={can(user, "project.edit", { kind: "team", teamId: team.id, regionId: team.region.id })} />

      <section aria-labelledby="people-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="people-title" className="text-lg font-semibold">
          People
        </h2>
        <TeamPeople people={history.people} />
      </section>

      {currentLevel && (
        <>
          <LevelHistorySection history={history.levelHistory} teamName={team.name} />
          <DimensionLevelsSection dimensions={history.currentDimensions} quarter={currentLevel.quarter} teamName={team.name} />
        </>
      )}

      <section aria-labelledby="ratings-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="ratings-title" className="text-lg font-semibold">
          Quarterly ratings
        </h2>
        {history.quarterlyRatings.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No quarterly rating has been started for this team.</p>
        ) : (
          <RatingHistory teamId={team.id} ratings={history.quarterlyRatings} testId="quarterly-ratings" />
        )}
      </section>

      {history.selfAssessments.length > 0 && (
        <section aria-labelledby="self-assessments-title" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="self-assessments-title" className="text-lg font-semibold">
            Self-assessments
          </h2>
          <p className="mt-1 text-sm text-slate-600">The co-leads&apos; own assessments between quarters; they do not change the team&apos;s level.</p>
          <RatingHistory teamId={team.id} ratings={history.selfAssessments} selfAssessment testId="self-assessments" />
        </section>
      )}
    </div>
  );
}

function TeamFacts({ team }: { team: TeamHistory["team"] }) {
  const facts = [
    ["Code", team.code],
    ["Region", team.region.name],
    ["Facility", team.facility],
    ["Department", team.department],
    ["Union local", team.unionLocal ?? "None recorded"],
  ] as const;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="team-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="inline text-slate-600">{term}: </dt>
          <dd className="inline font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Links to the current quarter's rating page, for those who may rate or self-assess. */
function RatingLinks({ history }: { history: TeamHistory }) {
  if (!history.may.rate && !history.may.selfAssess) return null;
  const ratingPage = `/teams/${history.team.id}/ratings/${currentQuarter()}`;
  const linkClass = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800";
  return (
    <nav aria-label="Rating" className="no-print flex flex-wrap gap-3">
      {history.may.rate && (
        <Link href={ratingPage} className={linkClass}>
          Rate this quarter
        </Link>
      )}
      {history.may.selfAssess && (
        <Link href={`${ratingPage}?kind=self`} className={linkClass}>
          Self-assessment
        </Link>
      )}
    </nav>
  );
}
