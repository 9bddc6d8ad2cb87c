import { redirect } from "next/navigation";
import { AttentionSection } from "@/components/home/attention-section";
import { CoLeadTeamCard } from "@/components/home/colead-team-card";
import { SponsorPortfolioSection } from "@/components/home/sponsor-portfolio";
import { SponsorQueue } from "@/components/ratings/sponsor-queue";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getTeamsNeedingAttention } from "@/lib/data/attention";
import { listSavingsForReview } from "@/lib/data/savings";
import { getSponsorPortfolio } from "@/lib/data/sponsor-portfolio";
import { getSponsorQueue } from "@/lib/data/sponsor-queue";
import { sponsoredTeams } from "@/lib/domain/rating-workflow";
import { ledTeamIds, ROLE_LABELS } from "@/lib/domain/roles";
import { formatCount } from "@/lib/format";

/** Each role lands on what it needs: national roles on the overview, everyone else on their own worklists. */
export default async function HomePage() {
  const user = await requireUser();
  const rollupScope = scopeFor(user, "rollup.view");
  if (rollupScope.all) redirect("/overview");
  const mayViewRollups = !isEmptyScope(rollupScope);
  const isSponsor = sponsoredTeams(user).size > 0;
  const validationScope = scopeFor(user, "savings.validate");
  const [queue, portfolio, attention, review] = await Promise.all([
    isSponsor ? getSponsorQueue(user) : [],
    isSponsor ? getSponsorPortfolio(user) : null,
    mayViewRollups ? getTeamsNeedingAttention(user) : null,
    isEmptyScope(validationScope) ? null : listSavingsForReview(user, { status: "REPORTED" }),
  ]);
  const coLeadTeamIds = ledTeamIds(user);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {user.displayName}</h1>
      {coLeadTeamIds.map((teamId) => (
        <CoLeadTeamCard key={teamId} user={user} teamId={teamId} />
      ))}
      {isSponsor && (
        <Card id="queue" title="Your rating queue" description="A quarterly rating is final once both a union and a management sponsor have signed it.">
          <SponsorQueue items={queue} />
        </Card>
      )}
      {portfolio && <SponsorPortfolioSection portfolio={portfolio} />}
      {attention && <AttentionSection attention={attention} />}
      {review && (
        <Card id="review" title="Savings to review" data-testid="review-summary">
          <p className="text-slate-700">
            {review.count === 0
              ? "No reported savings are waiting for review."
              : `${formatCount(review.count)} reported savings ${review.count === 1 ? "entry is" : "entries are"} waiting for review.`}{" "}
            <TextLink href="/savings" className="font-medium">
              Open the review queue
            </TextLink>
          </p>
        </Card>
      )}
      <Card id="roles" title="Your roles">
        {user.assignments.length === 0 ? (
          <p className="text-slate-700">You have no role assigned yet. Ask your partnership office to add one.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            {user.assignments.map((assignment, index) => (
              <li key={index}>
                {ROLE_LABELS[assignment.role]} —{" "}
                {assignment.teamId ? (
                  <TextLink href={`/teams/${assignment.teamId}`}>{assignment.teamName}</TextLink>
                ) : (
                  (assignment.regionName ?? "national")
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
