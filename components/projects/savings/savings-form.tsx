"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { controlClass, Field, submitClass, useLocalToday, useRefreshingForm } from "@/components/projects/measures/form-kit";
import { reportSavingsAction, updateSavingsAction } from "@/lib/actions/savings";
import { SAVINGS_CATEGORY_LABELS, SAVINGS_RECURRENCE_LABELS } from "@/lib/domain/savings";
import type { SavingsCategory, SavingsRecurrence } from "@/lib/generated/prisma/enums";
import { reportSavingsSchema, updateSavingsSchema } from "@/lib/validation/savings";

/** An entry's figures as the edit form starts from them: text, as the fields hold it. */
export type SavingsFormEntry = {
  id: string;
  version: number;
  amount: string;
  category: SavingsCategory;
  recurrence: SavingsRecurrence;
  periodStart: string;
  periodEnd: string;
  reportedOn: string;
  method: string;
  evidence: string;
};

type Props = { projectId: string; entry?: undefined } | { entry: SavingsFormEntry; projectId?: undefined };

/** Reports savings from a project, or (given an entry) corrects one that is not validated yet. */
export function SavingsForm({ projectId, entry }: Props) {
  const ids = { feedback: useId(), recurrence: useId() };
  const today = useLocalToday();
  const form = useRefreshingForm<unknown>(
    entry
      ? { schema: updateSavingsSchema, action: updateSavingsAction }
      : { schema: reportSavingsSchema, action: reportSavingsAction, resetOnSuccess: true },
  );

  return (
    <form
      aria-label={entry ? "Edit savings entry" : "Add savings"}
      onSubmit={form.onSubmit}
      onChange={form.onChange}
      aria-describedby={form.result ? ids.feedback : undefined}
      className="space-y-4"
    >
      {entry ? (
        <>
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="expectedVersion" value={entry.version} />
        </>
      ) : (
        <input type="hidden" name="projectId" value={projectId} />
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Amount (dollars)" hint="Like 12,345.67">
          {(control) => <input {...control} name="amount" inputMode="decimal" autoComplete="off" defaultValue={entry?.amount} className={controlClass} />}
        </Field>
        <Field label="Category">
          {(control) => (
            <select {...control} name="category" defaultValue={entry?.category ?? "HARD_SAVINGS"} className={controlClass}>
              {Object.entries(SAVINGS_CATEGORY_LABELS).map(([category, label]) => (
                <option key={category} value={category}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset aria-describedby={ids.recurrence}>
          <legend className="block text-sm font-medium text-slate-800">One-time or recurring</legend>
          <div className="mt-1 flex flex-wrap gap-x-4">
            {Object.entries(SAVINGS_RECURRENCE_LABELS).map(([recurrence, label]) => (
              <label key={recurrence} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="recurrence" value={recurrence} defaultChecked={(entry?.recurrence ?? "ONE_TIME") === recurrence} className="size-5" />
                {label}
              </label>
            ))}
          </div>
          <p id={ids.recurrence} className="text-xs text-slate-600">
            Recurring savings name the period they cover; the amount is for that period and is not annualised.
          </p>
        </fieldset>
        <Field label="Period start" hint="Required for recurring savings">
          {(control) => <input {...control} type="date" name="periodStart" defaultValue={entry?.periodStart} className={controlClass} />}
        </Field>
        <Field label="Period end" hint="Required for recurring savings">
          {(control) => <input {...control} type="date" name="periodEnd" defaultValue={entry?.periodEnd} className={controlClass} />}
        </Field>
        <Field label="Reported on">
          {(control) => <input {...control} type="date" name="reportedOn" defaultValue={entry?.reportedOn ?? today} max={today || undefined} className={controlClass} />}
        </Field>
        <Field label="Method of calculation" hint="How the figure was worked out, so a validator can check it" className="md:col-span-3">
          {(control) => <textarea {...control} name="method" rows={3} maxLength={2000} defaultValue={entry?.method} className={controlClass} />}
        </Field>
        <Field label="Evidence" hint="Optional: the report, invoice or link that supports the figure" className="md:col-span-3">
          {(control) => <textarea {...control} name="evidence" rows={2} maxLength={2000} defaultValue={entry?.evidence} className={controlClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={form.pending} className={submitClass}>
          {form.pending ? "Saving…" : entry ? "Save changes" : "Add savings"}
        </button>
        <FormFeedback id={ids.feedback} result={form.result} success={entry ? "Saved" : "Savings added"} />
      </div>
    </form>
  );
}
