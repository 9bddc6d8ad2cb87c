import Link from "next/link";
import { redirect } from "next/navigation";
import { AttentionSection } from "@/components/home/attention-section";
import { CoLeadTeamCard } from "@/components/home/colead-team-card";
import { SponsorPortfolioSection } from "@/components/home/sponsor-portfolio";
import { SponsorQueue } from "@/components/ratings/sponsor-queue";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getTeamsNeedingAttention } from "@/lib/data/attention";
import { listSavingsForReview } from "@/lib/data/savings";
import { getSponsorPortfolio } from "@/lib/data/sponsor-portfolio";
import { getSponsorQueue } from "@/lib/data/sponsor-queue";
import { sponsoredTeams } from "@/lib/domain/rating-workflow";
import { ROLE_LABELS } from "@/lib/domain/roles";
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
  const coLeadTeamIds = [
    ...new Set(
      user.grants
        .filter((grant) => ["LABOR_COLEAD", "MANAGEMENT_COLEAD", "PHYSICIAN_COLEAD"].includes(grant.role) && grant.teamId)
        .map((grant) => grant.teamId!),
    ),
  ];

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {user.displayName}</h1>
      {coLeadTeamIds.map((teamId) => (
        <CoLeadTeamCard key={teamId} user={user} teamId={teamId} />
      ))}
      {isSponsor && (
        <section aria-labelledby="queue-title" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="queue-title" className="text-lg font-semibold">
            Your rating queue
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            A quarterly rating is final once both a union and a management sponsor have signed it.
          </p>
          <SponsorQueue items={queue} />
        </section>
      )}
      {portfolio && <SponsorPortfolioSection portfolio={portfolio} />}
      {attention && <AttentionSection attention={attention} />}
      {review && (
        <section aria-labelledby="review-title" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="review-summary">
          <h2 id="review-title" className="text-lg font-semibold">
            Savings to review
          </h2>
          <p className="mt-2 text-slate-700">
            {review.count === 0 ? "No reported savings are waiting for review." : `${formatCount(review.count)} reported savings entries are waiting for review.`}{" "}
            <Link href="/savings" className="font-medium text-brand-700 underline">
              Open the review queue
            </Link>
          </p>
        </section>
      )}
      <section aria-labelledby="roles-title" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="roles-title" className="text-lg font-semibold">
          Your roles
        </h2>
        {user.assignments.length === 0 ? (
          <p className="mt-2 text-slate-700">You have no role assigned yet. Ask your partnership office to add one.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
            {user.assignments.map((assignment, index) => (
              <li key={index}>
                {ROLE_LABELS[assignment.role]} —{" "}
                {assignment.teamId ? (
                  <Link href={`/teams/${assignment.teamId}`} className="text-brand-700 underline">
                    {assignment.teamName}
                  </Link>
                ) : (
                  (assignment.regionName ?? "national")
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
