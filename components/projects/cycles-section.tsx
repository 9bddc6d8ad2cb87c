import { Fragment } from "react";
import { AddCycleForm } from "@/components/projects/cycles/add-cycle-form";
import { RecordCycleForm } from "@/components/projects/cycles/record-cycle-form";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getProjectCycles, type CycleView } from "@/lib/data/cycles";
import type { ProjectTarget } from "@/lib/data/projects";
import { DECISION_LABELS } from "@/lib/validation/cycles";

/** A project's plan–do–study–act cycles in order; editors add cycles and record how each went. */
export async function CyclesSection({ project, user }: { project: ProjectTarget; user: CurrentUser }) {
  const cycles = await getProjectCycles(user, project);
  const editable = can(user, "project.edit", project.team);
  return (
    <section aria-labelledby="cycles-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="cycles-title" className="text-lg font-semibold">
        PDSA cycles
      </h2>
      <p className="mt-1 text-sm text-slate-600">Small tests of change: plan, do, study, and act on a decision to adopt, adapt or abandon.</p>
      {cycles.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No PDSA cycles yet">
            {editable ? "Plan the first small test of change below." : "The team has not recorded a test of change for this project yet."}
          </EmptyState>
        </div>
      ) : (
        <ol className="mt-4 space-y-4">
          {cycles.map((cycle) => (
            <li key={cycle.id}>
              <CycleCard cycle={cycle} editable={editable} />
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <div className="no-print mt-6 border-t border-slate-200 pt-6">
          <h3 className="mb-3 font-semibold">Add a PDSA cycle</h3>
          <AddCycleForm projectId={project.projectId} />
        </div>
      )}
    </section>
  );
}

function CycleCard({ cycle, editable }: { cycle: CycleView; editable: boolean }) {
  const titleId = `cycle-${cycle.id}`;
  const steps = [
    ["Plan", cycle.plan],
    ["Prediction", cycle.prediction],
    ["Do", cycle.doNotes],
    ["Study", cycle.study],
    ["Act", cycle.actNotes],
  ] as const;
  return (
    <section aria-labelledby={titleId} className="rounded-md border border-slate-200 p-4" data-testid="cycle">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={titleId} className="text-base font-semibold">
          Cycle {cycle.number}
        </h3>
        <p className="text-sm text-slate-600">
          {cycle.startDate} to {cycle.endDate ?? "now"}
        </p>
      </div>
      <p className="mt-1 text-sm">
        <span className="text-slate-600">Decision: </span>
        <span className="font-medium" data-testid="cycle-decision">
          {cycle.decision ? DECISION_LABELS[cycle.decision] : "Not decided yet"}
        </span>
      </p>
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
        {steps.map(([term, text]) => (
          <Fragment key={term}>
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd className={text ? "whitespace-pre-line text-slate-900" : "text-slate-500"}>{text ?? "Not recorded yet"}</dd>
          </Fragment>
        ))}
      </dl>
      {editable && (
        // Open while the cycle awaits its decision: recording it is the next step.
        <details open={cycle.decision === null} className="no-print mt-4">
          <summary className="cursor-pointer py-2 text-sm font-medium text-brand-700">Record Do, Study and Act</summary>
          <div className="mt-2">
            <RecordCycleForm cycle={cycle} />
          </div>
        </details>
      )}
    </section>
  );
}
