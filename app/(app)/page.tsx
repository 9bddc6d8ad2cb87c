import Link from "next/link";
import { CoLeadTeamCard } from "@/components/home/colead-team-card";
import { SponsorQueue } from "@/components/ratings/sponsor-queue";
import { isEmptyScope, scopeFor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getSponsorQueue } from "@/lib/data/sponsor-queue";
import { ROLE_LABELS } from "@/lib/domain/roles";

export default async function HomePage() {
  const user = await requireUser();
  const mayViewRollups = !isEmptyScope(scopeFor(user, "rollup.view"));
  const isSponsor = user.grants.some((grant) => grant.role === "UNION_SPONSOR" || grant.role === "MANAGEMENT_SPONSOR");
  const queue = isSponsor ? await getSponsorQueue(user) : [];
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
      {mayViewRollups && (
        <p>
          <Link href="/regions" className="font-medium text-brand-700 underline">
            See the regional high-performing table
          </Link>
        </p>
      )}
    </div>
  );
}
