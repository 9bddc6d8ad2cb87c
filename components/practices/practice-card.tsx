import Link from "next/link";
import { AdoptFromLibrary } from "@/components/practices/adoptable-teams";
import type { PracticeSummary } from "@/lib/data/practices";
import { formatCents } from "@/lib/domain/money";
import { compassLabel } from "@/lib/domain/projects";
import { formatCount } from "@/lib/format";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";

/** One result of the practice library; `mayAdopt` shows the adopt control (inside an AdoptableTeamsProvider). */
export function PracticeCard({ practice, mayAdopt }: { practice: PracticeSummary; mayAdopt: boolean }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="practice">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold">
            <Link href={`/projects/${practice.projectId}`} className="text-brand-700 underline">
              {practice.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-600">
            {practice.team.name} · {practice.region.name} · {DEPARTMENT_TYPE_LABELS[practice.departmentType]}
          </p>
        </div>
        <dl className="grid grid-cols-[max-content_max-content] gap-x-3 text-sm">
          <dt className="text-slate-600">Validated savings</dt>
          <dd className="text-right font-medium tabular-nums">{practice.validatedSavingsCents > 0 ? formatCents(practice.validatedSavingsCents) : "None yet"}</dd>
          <dt className="text-slate-600">Adopted by</dt>
          <dd className="text-right font-medium tabular-nums">{adopterText(practice.adopterCount)}</dd>
        </dl>
      </div>
      <p className="mt-2 line-clamp-3 text-sm text-slate-800">{practice.aim}</p>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Value Compass points">
          {practice.compassPoints.map((point) => (
            <li key={point} className="rounded-full bg-brand-50 px-2.5 py-0.5 text-brand-800 ring-1 ring-brand-100">
              {compassLabel(point)}
            </li>
          ))}
        </ul>
        {mayAdopt && <AdoptFromLibrary originProjectId={practice.projectId} unavailableTeamIds={[practice.team.id, ...practice.adopterTeamIds]} />}
      </div>
    </li>
  );
}

function adopterText(count: number): string {
  if (count === 0) return "No team yet";
  return `${formatCount(count)} ${count === 1 ? "team" : "teams"}`;
}
