import { Badge } from "@/components/ui/badge";
import type { SignoffEntry } from "@/lib/data/team-history";
import { SIDE_LABELS } from "@/lib/domain/rating-workflow";
import { formatDateTime, formatLevel } from "@/lib/format";

/** A rating's sign-offs, oldest first; voided ones stay as history, marked so. */
export function SignoffList({ signoffs, testId }: { signoffs: readonly SignoffEntry[]; testId?: string }) {
  return (
    <ul className="space-y-1" data-testid={testId}>
      {signoffs.map((signoff) => (
        <li key={signoff.id} className={signoff.voided ? "text-slate-600" : "text-slate-800"} data-voided={signoff.voided || undefined}>
          {signoff.voided && (
            <Badge size="sm" className="mr-1">
              Voided
            </Badge>
          )}
          {signoff.personName}, {SIDE_LABELS[signoff.side]} sponsor: {signoff.decision === "SIGNED" ? "signed" : "disagreed"}
          {signoff.level !== null && ` at level ${formatLevel(signoff.level)}`} on <time dateTime={signoff.signedAt.toISOString()}>{formatDateTime(signoff.signedAt)}</time>
          {signoff.reason && <span className="block pl-4 italic">“{signoff.reason}”</span>}
        </li>
      ))}
    </ul>
  );
}
