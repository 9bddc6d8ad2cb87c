import { SavingsTotalsSummary } from "@/components/projects/savings/savings-totals";
import { TeamProjects } from "@/components/projects/team-projects";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import type { CurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listTeamProjects } from "@/lib/data/projects";
import { getTeamLevelSummary } from "@/lib/data/ratings";
import { getTeamSavingsTotals } from "@/lib/data/savings";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { levelName } from "@/lib/domain/path-to-performance";
import { formatQuarter } from "@/lib/domain/quarter";
import { formatLevel } from "@/lib/format";

/** A co-lead's home for one team: its level, what the next level needs, its savings and its projects. */
export async function CoLeadTeamCard({ user, teamId }: { user: CurrentUser; teamId: string }) {
  const team = await getTeamTargetOrThrow(teamId);
  const [summary, projects, savings] = await Promise.all([getTeamLevelSummary(user, teamId), listTeamProjects(user, teamId), getTeamSavingsTotals(user, teamId)]);
  const { thisQuarter, gaps } = summary;

  return (
    <div className="space-y-4" data-testid="colead-team">
      <Card id={`team-${teamId}`} title={<TextLink href={`/teams/${teamId}`}>{team.name}</TextLink>}>
        <div className="grid gap-6 md:grid-cols-2">
          <div className="space-y-3">
            <div>
              <p className="text-sm text-slate-600">Current level</p>
              <p className="text-xl font-semibold" data-testid="home-current-level">
                {summary.currentLevel === null ? "No final rating yet" : formatLevel(summary.currentLevel)}
              </p>
              {summary.currentLevelQuarter && <p className="text-sm text-slate-600">final rating for {formatQuarter(summary.currentLevelQuarter)}</p>}
            </div>
            <div>
              <p className="text-sm text-slate-600">{formatQuarter(thisQuarter.quarter)} rating</p>
              <StatusBadge kind="rating" status={thisQuarter.status} signoffs={thisQuarter.signoffs} />
              <p className="mt-2 text-sm">
                <TextLink href={`/teams/${teamId}/ratings/${thisQuarter.quarter}?kind=self`}>Open the team&apos;s self-assessment</TextLink>
              </p>
            </div>
            <div data-testid="home-savings">
              <p className="text-sm text-slate-600">Savings credited to the team</p>
              <SavingsTotalsSummary totals={savings} />
            </div>
          </div>
          <div>
            <p className="text-sm text-slate-600">For the next level</p>
            {gaps === null ? (
              <p className="text-sm">No criteria have been recorded yet: a self-assessment shows what the next level needs.</p>
            ) : gaps.nextLevel === null ? (
              <p className="text-sm">Every criterion is met.</p>
            ) : (
              <>
                <p className="font-medium">
                  Level {gaps.nextLevel} ({levelName(gaps.nextLevel)}) still needs:
                </p>
                <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-testid="home-missing">
                  {gaps.missing.map((gap) => (
                    <li key={gap.dimension}>
                      <span className="font-medium">{gap.dimension}:</span> {gap.criteria.join("; ")}
                    </li>
                  ))}
                </ul>
                <p className="mt-1 text-xs text-slate-600">From the {gaps.source}.</p>
              </>
            )}
          </div>
        </div>
      </Card>
      <TeamProjects teamId={teamId} teamName={team.name} rows={projects} mayEdit={can(user, "project.edit", team)} />
    </div>
  );
}
