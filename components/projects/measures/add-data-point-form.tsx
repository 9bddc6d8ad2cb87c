"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { addDataPointAction } from "@/lib/actions/measures";
import { addDataPointSchema } from "@/lib/validation/measures";
import { controlClass, Field, NumberInput, submitClass, useLocalToday, useRefreshingForm } from "./form-kit";

/** Records one value of a measure, dated today unless the person picks another day. */
export function AddDataPointForm({ measureId, unit }: { measureId: string; unit: string }) {
  const feedbackId = useId();
  const today = useLocalToday();
  const form = useRefreshingForm({ schema: addDataPointSchema, action: addDataPointAction, resetOnSuccess: true });

  return (
    <form aria-label="Add data point" onSubmit={form.onSubmit} onChange={form.onChange} aria-describedby={form.result ? feedbackId : undefined}>
      <input type="hidden" name="measureId" value={measureId} />
      <div className="flex flex-wrap items-start gap-3">
        <Field label="Date">{(control) => <input {...control} type="date" name="date" defaultValue={today} className={controlClass} />}</Field>
        <Field label="Value" hint={`In ${unit}`}>
          {(control) => <NumberInput {...control} name="value" />}
        </Field>
        {/* mt-6: level with the inputs, below their one-line labels. */}
        <button type="submit" disabled={form.pending} className={`${submitClass} mt-6`}>
          {form.pending ? "Adding…" : "Add data point"}
        </button>
      </div>
      <FormFeedback id={feedbackId} result={form.result} success="Data point added" />
    </form>
  );
}
