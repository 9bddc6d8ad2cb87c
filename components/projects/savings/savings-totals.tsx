import { formatCents } from "@/lib/domain/money";
import type { SavingsTotals } from "@/lib/domain/savings";

/** Reported and validated side by side, then the one-time / recurring split and what was rejected. */
export function SavingsTotalsSummary({ totals }: { totals: SavingsTotals }) {
  const { reported, validated, rejected } = totals;
  return (
    <div>
      <p className="text-base" data-testid="savings-totals">
        Reported <strong className="tabular-nums">{formatCents(reported.totalCents)}</strong> · Validated <strong className="tabular-nums">{formatCents(validated.totalCents)}</strong>
      </p>
      <p className="mt-1 text-xs text-slate-600">
        One-time: {formatCents(reported.oneTimeCents)} reported, {formatCents(validated.oneTimeCents)} validated. Recurring:{" "}
        {formatCents(reported.recurringCents)} reported, {formatCents(validated.recurringCents)} validated, each for the period stated (not
        annualised).
        {rejected.totalCents > 0 && ` Rejected, not counted: ${formatCents(rejected.totalCents)}.`}
      </p>
    </div>
  );
}
