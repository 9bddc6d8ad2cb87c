import Link from "next/link";
import type { RatingEntry, SignoffEntry } from "@/lib/data/team-history";
import type { RatingStatus, RoleKind, SponsorSide } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { formatLevel } from "@/lib/format";

const STATUS_LABELS: Record<RatingStatus, string> = {
  DRAFT: "Draft",
  AWAITING_SIGNOFF: "Awaiting sign-off",
  FINAL: "Final",
  DISPUTED: "Disputed",
};

const SIDE_ROLES: Record<SponsorSide, RoleKind> = { UNION: "UNION_SPONSOR", MANAGEMENT: "MANAGEMENT_SPONSOR" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Ratings newest first, each linking to its rating page, with every sign-off (voided ones kept as history). */
export function RatingHistory({ teamId, ratings, selfAssessment = false, testId }: { teamId: string; ratings: RatingEntry[]; selfAssessment?: boolean; testId: string }) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{selfAssessment ? "Self-assessments" : "Quarterly ratings"}, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-2 pr-4 font-semibold">Quarter</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Level</th>
            <th scope="col" className="py-2 font-semibold">Sign-offs</th>
          </tr>
        </thead>
        <tbody>
          {ratings.map((rating) => (
            <tr key={rating.id} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={`/teams/${teamId}/ratings/${rating.quarter}${selfAssessment ? "?kind=self" : ""}`} className="text-brand-700 underline">
                  {rating.quarter}
                </Link>
              </th>
              <td className="py-2 pr-4">{STATUS_LABELS[rating.status]}</td>
              <td className="py-2 pr-4">{formatLevel(rating.level)}</td>
              <td className="py-2">
                {rating.signoffs.length === 0 ? <span className="text-slate-500">None yet</span> : <SignoffList signoffs={rating.signoffs} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SignoffList({ signoffs }: { signoffs: SignoffEntry[] }) {
  return (
    <ul className="space-y-1">
      {signoffs.map((signoff) => (
        <li key={signoff.id} className={signoff.voided ? "text-slate-400" : "text-slate-800"} data-voided={signoff.voided || undefined}>
          {signoff.voided && <span className="mr-1 rounded bg-slate-100 px-1 text-xs uppercase tracking-wide">Voided</span>}
          {ROLE_LABELS[SIDE_ROLES[signoff.side]]} {signoff.personName}: {signoff.decision === "SIGNED" ? "signed" : "disagreed"}
          {" on "}
          <time dateTime={signoff.signedAt.toISOString()}>{dateFormat.format(signoff.signedAt)}</time>
          {signoff.reason && <span className="block pl-4 italic">“{signoff.reason}”</span>}
        </li>
      ))}
    </ul>
  );
}
