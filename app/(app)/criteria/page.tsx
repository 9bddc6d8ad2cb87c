import type { Metadata } from "next";
import Link from "next/link";
import { formatPublishedDate, SetStatusBadge } from "@/components/criteria/set-status";
import { StartDraftButton } from "@/components/criteria/start-draft-button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { listCriteriaSets, type CriteriaSetSummary } from "@/lib/data/criteria";
import { formatCount } from "@/lib/format";
import { criteriaPermissions } from "@/lib/services/criteria";

export const metadata: Metadata = { title: "Criteria" };

export default async function CriteriaPage() {
  const user = await requireUser();
  const sets = await listCriteriaSets();
  const mayEdit = criteriaPermissions(user).edit;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Path to Performance criteria</h1>
      <p className="max-w-3xl text-slate-700">
        Teams are rated against criteria in seven dimensions at each of the five levels. A team reaches a level only when it meets every
        criterion of that level in every dimension. Ratings use the published version; earlier versions are kept, retired, for the ratings
        made with them.
      </p>
      {mayEdit && <DraftEntry sets={sets} />}
      {sets.length === 0 ? (
        <EmptyState title="No criteria yet">Partnership staff start the first version as a draft and publish it.</EmptyState>
      ) : (
        <VersionsTable sets={sets} />
      )}
    </div>
  );
}

/** Only one draft at a time: continue the open one, or start the next. */
function DraftEntry({ sets }: { sets: CriteriaSetSummary[] }) {
  const draft = sets.find((set) => set.status === "DRAFT");
  if (!draft) return <StartDraftButton />;
  return (
    <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Version {draft.version} is being drafted.{" "}
      <Link href={`/criteria/${draft.version}`} className="font-medium text-brand-700 underline">
        Continue the draft
      </Link>
    </p>
  );
}

function VersionsTable({ sets }: { sets: CriteriaSetSummary[] }) {
  return (
    <section aria-labelledby="versions-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="versions-title" className="text-lg font-semibold">
        Versions
      </h2>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="criteria-sets">
          <caption className="sr-only">Criteria set versions, newest first</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="py-2 pr-4 font-semibold">Version</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Name</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Published</th>
              <th scope="col" className="py-2 text-right font-semibold">Criteria</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((set) => (
              <tr key={set.id} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-4 font-medium tabular-nums">{set.version}</th>
                <td className="py-2 pr-4">
                  <Link href={`/criteria/${set.version}`} className="font-medium text-brand-700 underline">
                    {set.name}
                  </Link>
                </td>
                <td className="py-2 pr-4"><SetStatusBadge status={set.status} /></td>
                <td className="py-2 pr-4">{formatPublishedDate(set.publishedAt)}</td>
                <td className="py-2 text-right tabular-nums">{formatCount(set.criteriaCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
