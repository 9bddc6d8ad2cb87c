import { AdoptFromLibrary } from "@/components/practices/adoptable-teams";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { PracticeSummary } from "@/lib/data/practices";
import { formatCents } from "@/lib/domain/money";
import { compassLabel } from "@/lib/domain/projects";
import { formatCount } from "@/lib/format";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";

/** One result of the practice library; `mayAdopt` shows the adopt control (inside an AdoptableTeamsProvider). */
export function PracticeCard({ practice, mayAdopt }: { practice: PracticeSummary; mayAdopt: boolean }) {
  return (
    <li data-testid="practice">
      <Card
        id={`practice-${practice.projectId}`}
        headingLevel={3}
        title={<TextLink href={`/projects/${practice.projectId}`}>{practice.title}</TextLink>}
        description={`${practice.team.name} · ${practice.region.name} · ${DEPARTMENT_TYPE_LABELS[practice.departmentType]}`}
      >
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-slate-600">Validated savings: </dt>
            <dd className="inline font-medium tabular-nums">{practice.validatedSavingsCents > 0 ? formatCents(practice.validatedSavingsCents) : "None yet"}</dd>
          </div>
          <div>
            <dt className="inline text-slate-600">Adopted by: </dt>
            <dd className="inline font-medium tabular-nums">{adopterText(practice.adopterCount)}</dd>
          </div>
        </dl>
        <p className="line-clamp-3 break-words text-sm text-slate-800">{practice.aim}</p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <ul className="flex flex-wrap gap-2" aria-label="Value Compass points">
            {practice.compassPoints.map((point) => (
              <li key={point}>
                <Badge tone="brand" size="sm">
                  {compassLabel(point)}
                </Badge>
              </li>
            ))}
          </ul>
          {mayAdopt && <AdoptFromLibrary originProjectId={practice.projectId} practiceTitle={practice.title} unavailableTeamIds={[practice.team.id, ...practice.adopterTeamIds]} />}
        </div>
      </Card>
    </li>
  );
}

function adopterText(count: number): string {
  if (count === 0) return "No team yet";
  return `${formatCount(count)} ${count === 1 ? "team" : "teams"}`;
}
