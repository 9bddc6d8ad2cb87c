import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RatingGrid } from "@/components/ratings/rating-grid";
import { ReopenForm, SignoffPanel } from "@/components/ratings/signoff-panel";
import { StatusBadge } from "@/components/ratings/status-badge";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getRatingAuditTrail, getRatingWorkspace } from "@/lib/data/ratings";
import { levelName } from "@/lib/domain/path-to-performance";
import { formatQuarter, isQuarter } from "@/lib/domain/quarter";
import { queueStatusLabel, SIDE_LABELS } from "@/lib/domain/rating-workflow";

export const metadata: Metadata = { title: "Rating" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function RatingPage({ params, searchParams }: PageProps<"/teams/[teamId]/ratings/[quarter]">) {
  const user = await requireUser();
  const { teamId, quarter } = await params;
  const kind = (await searchParams).kind === "self" ? "SELF_ASSESSMENT" : "QUARTERLY";
  if (!isQuarter(quarter)) notFound();

  const workspace = await guardPage(getRatingWorkspace(user, teamId, quarter, kind));
  const { team, rating, permissions } = workspace;
  const currentSignoffs = rating?.signoffs.filter((signoff) => !signoff.voided) ?? [];
  const audit = rating && permissions.viewAudit ? await getRatingAuditTrail(user, team.id, rating.id) : [];
  const title = kind === "SELF_ASSESSMENT" ? "Self-assessment" : "Quarterly rating";
  const base = `/teams/${team.id}/ratings/${quarter}`;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link href={`/teams/${team.id}`} className="underline">
            {team.name}
          </Link>{" "}
          · {team.region} · {team.code}
        </p>
        <h1 className="mt-1 text-2xl font-semibold">
          {title}, {formatQuarter(quarter)}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge status={rating?.status ?? "NOT_STARTED"} label={queueStatusLabel(rating?.status ?? "NOT_STARTED", currentSignoffs)} />
          {rating && (
            <span className="text-sm text-slate-700">
              Saved level: {rating.level === null ? "below level 1" : `${rating.level} (${levelName(rating.level)})`}
              {workspace.previousFinalLevel !== null && ` · last quarter's final level: ${workspace.previousFinalLevel}`}
            </span>
          )}
          <span className="text-sm text-slate-500">
            Criteria: {workspace.criteriaSet.name} (version {workspace.criteriaSet.version})
          </span>
        </div>
        <nav aria-label="Rating kind" className="mt-3 flex gap-4 text-sm">
          <Link href={base} aria-current={kind === "QUARTERLY" ? "page" : undefined} className="underline aria-[current=page]:font-semibold aria-[current=page]:no-underline">
            Quarterly rating
          </Link>
          <Link href={`${base}?kind=self`} aria-current={kind === "SELF_ASSESSMENT" ? "page" : undefined} className="underline aria-[current=page]:font-semibold aria-[current=page]:no-underline">
            Self-assessment
          </Link>
        </nav>
      </div>

      {!permissions.edit.allowed && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800" data-testid="edit-refusal">
          {permissions.edit.reason}
        </p>
      )}

      {currentSignoffs.some((signoff) => signoff.decision === "DISAGREED") && (
        <section aria-labelledby="dispute-title" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <h2 id="dispute-title" className="font-semibold text-red-900">
            Disagreement recorded
          </h2>
          <ul className="mt-1 space-y-1 text-sm text-red-900">
            {currentSignoffs
              .filter((signoff) => signoff.decision === "DISAGREED")
              .map((signoff) => (
                <li key={signoff.id}>
                  {signoff.person} ({SIDE_LABELS[signoff.side]} sponsor): {signoff.reason}
                </li>
              ))}
          </ul>
        </section>
      )}

      {kind === "QUARTERLY" && rating && (permissions.signAs || permissions.reopen) && (
        <section aria-labelledby="decision-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="decision-title" className="mb-3 font-semibold">
            {permissions.reopen ? "Reopen" : "Your sign-off"}
          </h2>
          {permissions.signAs && <SignoffPanel ratingId={rating.id} version={rating.version} level={rating.level} side={permissions.signAs} />}
          {permissions.reopen && <ReopenForm ratingId={rating.id} version={rating.version} />}
        </section>
      )}

      <RatingGrid
        key={rating?.version ?? 0}
        teamId={team.id}
        quarter={quarter}
        kind={kind}
        criteria={workspace.criteria}
        initialChecks={rating?.checks ?? []}
        initialNote={rating?.note ?? null}
        version={rating?.version ?? null}
        editable={permissions.edit.allowed}
      />

      {rating && rating.signoffs.length > 0 && (
        <section aria-labelledby="signoffs-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="signoffs-title" className="font-semibold">
            Sign-offs
          </h2>
          <ul className="mt-2 space-y-1 text-sm" data-testid="signoff-history">
            {rating.signoffs.map((signoff) => (
              <li key={signoff.id} className={signoff.voided ? "text-slate-500 line-through decoration-slate-400" : ""}>
                {dateTime.format(signoff.createdAt)} UTC — {signoff.person}, {SIDE_LABELS[signoff.side]} sponsor:{" "}
                {signoff.decision === "SIGNED" ? "signed" : "disagreed"}
                {signoff.level !== null && ` at level ${signoff.level}`}
                {signoff.reason && ` — “${signoff.reason}”`}
                {signoff.voided && <span className="sr-only"> (no longer current)</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {audit.length > 0 && (
        <section aria-labelledby="audit-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="audit-title" className="font-semibold">
            Audit trail
          </h2>
          <ul className="mt-2 space-y-1 text-sm" data-testid="audit-trail">
            {audit.map((entry) => (
              <li key={entry.id}>
                {dateTime.format(entry.at)} UTC — {entry.actor}: {entry.action}
                {entry.reason && ` — “${entry.reason}”`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
