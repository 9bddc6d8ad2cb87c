import type { Metadata } from "next";
import Link from "next/link";
import { SavingsTotalsSummary } from "@/components/projects/savings/savings-totals";
import { TeamProjects } from "@/components/projects/team-projects";
import { DimensionLevelsSection } from "@/components/teams/dimension-levels-section";
import { LeadershipHistory } from "@/components/teams/leadership-history";
import { LevelHistorySection } from "@/components/teams/level-history-section";
import { RatingHistory } from "@/components/teams/rating-history";
import { TeamEngagement } from "@/components/teams/team-engagement";
import { TeamRoster } from "@/components/teams/team-roster";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { listTeamProjects } from "@/lib/data/projects";
import { getTeamSavingsTotals } from "@/lib/data/savings";
import { getTeamHistory, type TeamHistory } from "@/lib/data/team-history";
import { currentQuarter, formatQuarter } from "@/lib/domain/quarter";
import { retirementLabel } from "@/lib/domain/team-lifecycle";
import { formatLevel } from "@/lib/format";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: PageProps<"/teams/[teamId]">) {
  const user = await requireUser();
  const { teamId } = await params;
  const history = await guardPage(getTeamHistory(user, teamId));
  const { team, currentLevel } = history;
  const [projects, savings] = await Promise.all([listTeamProjects(user, team.id), getTeamSavingsTotals(user, team.id)]);

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold break-words">{team.name}</h1>
        <TeamFacts team={team} />
        <p className="no-print text-sm">
          <TextLink href={`/teams/${team.id}/history`}>History of this team</TextLink>
          <span className="text-slate-600"> · changes to its details, roster, key roles and leadership</span>
        </p>
        {team.retiredQuarter && (
          <Notice tone="warning" data-testid="team-retirement">
            {retirementLabel(team.retiredQuarter)}: the team leaves roll-ups and sponsor queues from then on; its ratings, projects and savings stay on record.
          </Notice>
        )}
        <TeamLinks history={history} />
      </header>

      <Card id="current-level" title="Current level">
        {currentLevel ? (
          <p data-testid="current-level">
            <span className="text-2xl font-semibold">{formatLevel(currentLevel.level)}</span>
            <span className="ml-2 text-sm text-slate-600">final rating for {formatQuarter(currentLevel.quarter)}</span>
          </p>
        ) : (
          <EmptyState title="No final rating yet">
            The team&apos;s level appears here once its sponsors sign a quarterly rating. Its ratings so far are listed below.
          </EmptyState>
        )}
      </Card>

      <Card id="savings" title="Savings credited to this team">
        <SavingsTotalsSummary totals={savings} />
      </Card>

      <TeamProjects teamId={team.id} rows={projects} mayEdit={history.may.editProjects} />

      <LeadershipHistory actor={user} teamId={team.id} consultants={history.consultants} />

      <TeamEngagement actor={user} teamId={team.id} />

      <TeamRoster actor={user} teamId={team.id} />

      {currentLevel && (
        <>
          <LevelHistorySection history={history.levelHistory} teamName={team.name} />
          <DimensionLevelsSection dimensions={history.currentDimensions} quarter={currentLevel.quarter} teamName={team.name} />
        </>
      )}

      <Card id="ratings" title="Quarterly ratings">
        {history.quarterlyRatings.length === 0 ? (
          <p className="text-sm text-slate-600">No quarterly rating has been started for this team.</p>
        ) : (
          <RatingHistory teamId={team.id} ratings={history.quarterlyRatings} testId="quarterly-ratings" />
        )}
      </Card>

      {history.selfAssessments.length > 0 && (
        <Card id="self-assessments" title="Self-assessments" description="The co-leads' own assessments between quarters; they do not change the team's level.">
          <RatingHistory teamId={team.id} ratings={history.selfAssessments} selfAssessment testId="self-assessments" />
        </Card>
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
        <div key={term} className="min-w-0">
          <dt className="inline text-slate-600">{term}: </dt>
          <dd className="inline font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Links to the current quarter's rating page, for those who may rate or self-assess, and to the team's administration. */
function TeamLinks({ history }: { history: TeamHistory }) {
  const { may } = history;
  if (!may.rate && !may.selfAssess && !may.administer) return null;
  const ratingPage = `/teams/${history.team.id}/ratings/${currentQuarter()}`;
  return (
    <nav aria-label="Team" className="no-print flex flex-wrap gap-3">
      {history.may.rate && (
        <Button asChild>
          <Link href={ratingPage}>Rate this quarter</Link>
        </Button>
      )}
      {history.may.selfAssess && (
        <Button asChild>
          <Link href={`${ratingPage}?kind=self`}>Self-assessment</Link>
        </Button>
      )}
      {history.may.administer && (
        <Button asChild variant="secondary">
          <Link href={`/admin/teams/${history.team.id}`}>Edit, move or retire the team</Link>
        </Button>
      )}
    </nav>
  );
}
