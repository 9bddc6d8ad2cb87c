"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { addMeasureAction, updateMeasureAction } from "@/lib/actions/measures";
import type { ImprovementDirection, MeasureKind } from "@/lib/generated/prisma/enums";
import { addMeasureSchema, DIRECTION_LABELS, MEASURE_KIND_LABELS, updateMeasureSchema } from "@/lib/validation/measures";
import { controlClass, Field, NumberInput, submitClass, useRefreshingForm } from "./form-kit";

export type MeasureValues = {
  id: string;
  name: string;
  kind: MeasureKind;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: ImprovementDirection;
};

type Props = { projectId: string; measure?: undefined } | { measure: MeasureValues; projectId?: undefined };

/** Adds a measure to a project, or (given one) corrects a measure's definition. */
export function MeasureForm({ projectId, measure }: Props) {
  const feedbackId = useId();
  const form = useRefreshingForm<unknown>(
    measure
      ? { schema: updateMeasureSchema, action: updateMeasureAction }
      : { schema: addMeasureSchema, action: addMeasureAction, resetOnSuccess: true },
  );
  const title = measure ? `Edit ${measure.name}` : "Add a measure";

  return (
    <form aria-label={title} onSubmit={form.onSubmit} onChange={form.onChange} aria-describedby={form.result ? feedbackId : undefined} className="space-y-4">
      {measure ? <input type="hidden" name="measureId" value={measure.id} /> : <input type="hidden" name="projectId" value={projectId} />}
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Name" className="md:col-span-2">
          {(control) => <input {...control} name="name" defaultValue={measure?.name} maxLength={200} className={controlClass} />}
        </Field>
        <Field label="Kind">
          {(control) => (
            <select {...control} name="kind" defaultValue={measure?.kind ?? "OUTCOME"} className={controlClass}>
              {Object.entries(MEASURE_KIND_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Unit" hint="For example %, minutes or per month">
          {(control) => <input {...control} name="unit" defaultValue={measure?.unit} maxLength={40} className={controlClass} />}
        </Field>
        <Field label="Baseline" hint="Optional">
          {(control) => <NumberInput {...control} name="baseline" defaultValue={measure?.baseline} />}
        </Field>
        <Field label="Target" hint="Optional">
          {(control) => <NumberInput {...control} name="target" defaultValue={measure?.target} />}
        </Field>
        <Field label="Direction" hint="Which way is improvement">
          {(control) => (
            <select {...control} name="direction" defaultValue={measure?.direction ?? "INCREASE"} className={controlClass}>
              {Object.entries(DIRECTION_LABELS).map(([direction, label]) => (
                <option key={direction} value={direction}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={form.pending} className={submitClass}>
          {form.pending ? "Saving…" : measure ? "Save measure" : "Add measure"}
        </button>
        <FormFeedback id={feedbackId} result={form.result} success={measure ? "Saved" : "Measure added"} />
      </div>
    </form>
  );
}
