"use client";

import { useId } from "react";
import { controlClass, Field, submitClass, useLocalToday, useRefreshingForm } from "@/components/projects/measures/form-kit";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { addCycleAction } from "@/lib/actions/cycles";
import { addCycleSchema } from "@/lib/validation/cycles";

/** Plans the project's next test of change; the number is given when it is saved. */
export function AddCycleForm({ projectId }: { projectId: string }) {
  const feedbackId = useId();
  const today = useLocalToday();
  const form = useRefreshingForm({ schema: addCycleSchema, action: addCycleAction, resetOnSuccess: true });

  return (
    <form aria-label="Add a PDSA cycle" onSubmit={form.onSubmit} onChange={form.onChange} aria-describedby={form.result ? feedbackId : undefined} className="space-y-4">
      <input type="hidden" name="projectId" value={projectId} />
      <Field label="Plan" hint="The change to test, who tests it, where and for how long">
        {(control) => <textarea {...control} name="plan" rows={3} maxLength={2000} className={controlClass} />}
      </Field>
      <Field label="Prediction" hint="Optional: what you expect to happen">
        {(control) => <textarea {...control} name="prediction" rows={2} maxLength={1000} className={controlClass} />}
      </Field>
      <Field label="Start date" className="max-w-xs">
        {(control) => <input {...control} type="date" name="startDate" defaultValue={today} className={controlClass} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={form.pending} className={submitClass}>
          {form.pending ? "Adding…" : "Add cycle"}
        </button>
        <FormFeedback id={feedbackId} result={form.result} success="Cycle added" />
      </div>
    </form>
  );
}
