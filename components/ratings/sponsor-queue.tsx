import Link from "next/link";
import { StatusBadge } from "@/components/ratings/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { QueueItem } from "@/lib/data/sponsor-queue";
import { formatQuarter } from "@/lib/domain/quarter";
import { SIDE_LABELS } from "@/lib/domain/rating-workflow";

/** The teams a sponsor rates, most urgent first, each one click from its rating. */
export function SponsorQueue({ items }: { items: QueueItem[] }) {
  if (items.length === 0) return <EmptyState title="You sponsor no teams at the moment" />;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="sponsor-queue">
        <caption className="sr-only">Teams you sponsor and their rating status</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-2 pr-4 font-semibold">Team</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Quarter</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Level</th>
            <th scope="col" className="py-2 font-semibold"><span className="sr-only">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.teamId}-${item.quarter}`} className="border-b border-slate-100" data-team-code={item.teamCode}>
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={`/teams/${item.teamId}`} className="hover:underline">
                  {item.teamName}
                </Link>
                <span className="block text-xs font-normal text-slate-500">
                  {item.teamCode} · you sign for the {SIDE_LABELS[item.side]} side
                </span>
              </th>
              <td className="py-2 pr-4">
                {formatQuarter(item.quarter)}
                {item.overdue && <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">Overdue</span>}
              </td>
              <td className="py-2 pr-4">
                <StatusBadge status={item.status} label={item.statusLabel} />
              </td>
              <td className="py-2 pr-4 tabular-nums">{item.level ?? "—"}</td>
              <td className="py-2 text-right">
                <Link
                  href={`/teams/${item.teamId}/ratings/${item.quarter}`}
                  className="inline-block rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
                >
                  {item.status === "NOT_STARTED" ? "Rate" : item.awaitsMe ? "Review and sign" : "Open"}
                  <span className="sr-only"> {item.teamName}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
