import { SAVINGS_STATUS_LABELS } from "@/lib/domain/savings";
import type { SavingsStatus } from "@/lib/generated/prisma/enums";

// Text always carries the status; colour only reinforces it.
const STYLES: Record<SavingsStatus, string> = {
  REPORTED: "bg-amber-50 text-amber-900 ring-amber-300",
  VALIDATED: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  REJECTED: "bg-red-50 text-red-900 ring-red-300",
};

export function SavingsStatusBadge({ status }: { status: SavingsStatus }) {
  return (
    <span data-testid="savings-status" className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {SAVINGS_STATUS_LABELS[status]}
    </span>
  );
}
