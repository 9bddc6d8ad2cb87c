import type { QueueStatus } from "@/lib/domain/rating-workflow";

// Text always carries the status; colour only reinforces it.
const STYLES: Record<QueueStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  DRAFT: "bg-sky-50 text-sky-900 ring-sky-300",
  AWAITING_SIGNOFF: "bg-amber-50 text-amber-900 ring-amber-300",
  FINAL: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  DISPUTED: "bg-red-50 text-red-900 ring-red-300",
};

export function StatusBadge({ status, label }: { status: QueueStatus; label: string }) {
  return (
    <span data-testid="rating-status" className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {label}
    </span>
  );
}
