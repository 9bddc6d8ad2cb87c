"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { dangerButton, primaryButton } from "@/components/criteria/styles";
import { controlClass, Field, useRefreshingForm } from "@/components/projects/measures/form-kit";
import { rejectSavingsAction, validateSavingsAction } from "@/lib/actions/savings";
import { rejectSavingsSchema, validateSavingsSchema } from "@/lib/validation/savings";

/**
 * A validator's decision on one entry awaiting review: validate it (which locks the
 * figures), or reject it with the reason the team will see. `entryLabel` says which
 * entry, e.g. "$12,345.67 reported Jan 15, 2026", for buttons repeated down a list.
 */
export function ReviewControls({ entryId, version, entryLabel }: { entryId: string; version: number; entryLabel: string }) {
  const ids = { validated: useId(), rejected: useId() };
  const validate = useRefreshingForm<unknown>({
    schema: validateSavingsSchema,
    action: validateSavingsAction,
    confirmMessage: `Validate ${entryLabel}? Validated savings are locked: the team can no longer change them.`,
  });
  const reject = useRefreshingForm<unknown>({ schema: rejectSavingsSchema, action: rejectSavingsAction });
  const entryFields = (
    <>
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );

  return (
    <div className="flex flex-wrap items-start gap-3">
      <form onSubmit={validate.onSubmit} aria-describedby={validate.result ? ids.validated : undefined}>
        {entryFields}
        <button type="submit" disabled={validate.pending} aria-label={`Validate ${entryLabel}`} className={`${primaryButton} min-h-11`}>
          {validate.pending ? "Validating…" : "Validate"}
        </button>
        <FormFeedback id={ids.validated} result={validate.result} />
      </form>
      <details className="min-w-0 flex-1">
        <summary className={`${dangerButton} inline-flex min-h-11 cursor-pointer items-center`} aria-label={`Reject ${entryLabel}`}>
          Reject…
        </summary>
        <form onSubmit={reject.onSubmit} onChange={reject.onChange} aria-describedby={reject.result ? ids.rejected : undefined} className="mt-2 max-w-xl space-y-2">
          {entryFields}
          <Field label="Reason for rejecting" hint="The team sees this and can correct the entry">
            {(control) => <textarea {...control} name="reason" rows={2} maxLength={2000} className={controlClass} />}
          </Field>
          <button type="submit" disabled={reject.pending} className={`${dangerButton} min-h-11`}>
            {reject.pending ? "Rejecting…" : "Reject"}
          </button>
          <FormFeedback id={ids.rejected} result={reject.result} />
        </form>
      </details>
    </div>
  );
}
