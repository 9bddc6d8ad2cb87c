import type { SavingsTotals } from "@/lib/domain/savings";
import { formatCents } from "@/lib/domain/money";

/** Reported and validated savings side by side (reported counts everything not rejected). */
export function SavingsTotalsLine({ totals, testId }: { totals: SavingsTotals; testId: string }) {
  return (
    <dl className="flex flex-wrap gap-x-8 gap-y-2" data-testid={testId}>
      <div>
        <dt className="text-sm text-slate-600">Reported</dt>
        <dd className="text-xl font-semibold tabular-nums" data-testid={`${testId}-reported`}>
          {formatCents(totals.reported.totalCents)}
        </dd>
      </div>
      <div>
        <dt className="text-sm text-slate-600">Validated</dt>
        <dd className="text-xl font-semibold tabular-nums" data-testid={`${testId}-validated`}>
          {formatCents(totals.validated.totalCents)}
        </dd>
      </div>
    </dl>
  );
}
