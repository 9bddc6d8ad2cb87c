"use client";

import { useId } from "react";
import { controlClass, Field, submitClass, useRefreshingForm } from "@/components/projects/measures/form-kit";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { updateCycleAction } from "@/lib/actions/cycles";
import type { CycleView } from "@/lib/data/cycles";
import { DECISION_LABELS, updateCycleSchema } from "@/lib/validation/cycles";

/** Records how a cycle went: Do, Study, Act (the decision) and its end date. A blank field clears what was there. */
export function RecordCycleForm({ cycle }: { cycle: CycleView }) {
  const feedbackId = useId();
  const form = useRefreshingForm({ schema: updateCycleSchema, action: updateCycleAction });

  return (
    <form
      aria-label={`Record cycle ${cycle.number}`}
      onSubmit={form.onSubmit}
      onChange={form.onChange}
      aria-describedby={form.result ? feedbackId : undefined}
      className="space-y-4"
    >
      <input type="hidden" name="cycleId" value={cycle.id} />
      <Field label="Do" hint="What was done, and what was observed">
        {(control) => <textarea {...control} name="doNotes" rows={3} maxLength={2000} defaultValue={cycle.doNotes ?? ""} className={controlClass} />}
      </Field>
      <Field label="Study" hint="What the data show, against the prediction">
        {(control) => <textarea {...control} name="study" rows={3} maxLength={2000} defaultValue={cycle.study ?? ""} className={controlClass} />}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Decision" hint="Act: adopt, adapt or abandon the change">
          {(control) => (
            <select {...control} name="decision" defaultValue={cycle.decision ?? ""} className={controlClass}>
              <option value="">Not decided yet</option>
              {Object.entries(DECISION_LABELS).map(([decision, label]) => (
                <option key={decision} value={decision}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="End date" hint="Blank while the cycle runs">
          {(control) => <input {...control} type="date" name="endDate" defaultValue={cycle.endDate ?? ""} className={controlClass} />}
        </Field>
      </div>
      <Field label="Act" hint="What happens next: the change to spread, or the next cycle">
        {(control) => <textarea {...control} name="actNotes" rows={2} maxLength={2000} defaultValue={cycle.actNotes ?? ""} className={controlClass} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={form.pending} className={submitClass}>
          {form.pending ? "Saving…" : `Save cycle ${cycle.number}`}
        </button>
        <FormFeedback id={feedbackId} result={form.result} success="Saved" />
      </div>
    </form>
  );
}
