import type { CriteriaSetStatus } from "@/lib/generated/prisma/enums";

const STATUS_STYLES: Record<CriteriaSetStatus, { label: string; className: string }> = {
  PUBLISHED: { label: "Published", className: "bg-emerald-100 text-emerald-900" },
  DRAFT: { label: "Draft", className: "bg-amber-100 text-amber-900" },
  RETIRED: { label: "Retired", className: "bg-slate-100 text-slate-700" },
};

export function SetStatusBadge({ status }: { status: CriteriaSetStatus }) {
  const { label, className } = STATUS_STYLES[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${className}`}>{label}</span>;
}

// UTC, so the server's time zone does not move a date across midnight.
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function formatPublishedDate(date: Date | null): string {
  return date === null ? "—" : dateFormat.format(date);
}
