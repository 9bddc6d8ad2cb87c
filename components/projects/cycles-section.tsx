import { Fragment } from "react";
import { AddCycleForm } from "@/components/projects/cycles/add-cycle-form";
import { RecordCycle } from "@/components/projects/cycles/record-cycle-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { CurrentUser } from "@/lib/auth/session";
import { getProjectCycles, type CycleView } from "@/lib/data/cycles";
import { listRosterChoices, type PersonChoice } from "@/lib/data/roster";
import type { ProjectTarget } from "@/lib/data/projects";
import { formatDayText } from "@/lib/format";
import { DECISION_LABELS } from "@/lib/validation/cycles";

/** A project's plan–do–study–act cycles in order; editors add cycles and record how each went. */
/** `editable`: the page's answer to whether the user may change this project (asked once, by getProjectDetail). */
export async function CyclesSection({ project, user, editable }: { project: ProjectTarget; user: CurrentUser; editable: boolean }) {
  const [cycles, roster] = await Promise.all([getProjectCycles(user, project), editable ? listRosterChoices(user, project.team.teamId) : []]);
  return (
    <Card id="cycles" title="PDSA cycles" description="Small tests of change: plan, do, study, and act on a decision to adopt, adapt or abandon.">
      {cycles.length === 0 ? (
        <EmptyState title="No PDSA cycles yet">
          {editable ? "Plan the first small test of change below." : "The team has not recorded a test of change for this project yet."}
        </EmptyState>
      ) : (
        <ol className="space-y-4">
          {cycles.map((cycle) => (
            <li key={cycle.id}>
              <CycleCard cycle={cycle} editable={editable} roster={roster} />
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <div className="no-print border-t border-slate-200 pt-6">
          <h3 className="mb-3 font-semibold">Add a PDSA cycle</h3>
          <AddCycleForm projectId={project.projectId} roster={roster} />
        </div>
      )}
    </Card>
  );
}

function CycleCard({ cycle, editable, roster }: { cycle: CycleView; editable: boolean; roster: PersonChoice[] }) {
  const steps = [
    ["Plan", cycle.plan],
    ["Prediction", cycle.prediction],
    ["Do", cycle.doNotes],
    ["Study", cycle.study],
    ["Act", cycle.actNotes],
  ] as const;
  return (
    <Card
      id={`cycle-${cycle.id}`}
      headingLevel={3}
      title={`Cycle ${cycle.number}`}
      description={`${formatDayText(cycle.startDate)} to ${cycle.endDate ? formatDayText(cycle.endDate) : "now"}`}
      className="sm:p-4"
      data-testid="cycle"
    >
      <p className="text-sm">
        <span className="text-slate-600">Decision: </span>
        <span className="font-medium" data-testid="cycle-decision">
          {cycle.decision ? DECISION_LABELS[cycle.decision] : "Not decided yet"}
        </span>
      </p>
      <p className="text-sm">
        <span className="text-slate-600">People: </span>
        {cycle.participants.length ? cycle.participants.map((person) => person.label).join(", ") : "No one named"}
      </p>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
        {steps.map(([term, text]) => (
          <Fragment key={term}>
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd className={text ? "min-w-0 whitespace-pre-line break-words text-slate-900" : "text-slate-600"}>{text ?? "Not recorded yet"}</dd>
          </Fragment>
        ))}
      </dl>
      {editable && (
        <div className="no-print">
          <RecordCycle cycle={cycle} roster={roster} />
        </div>
      )}
    </Card>
  );
}
