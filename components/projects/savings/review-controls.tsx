"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Textarea } from "@/components/ui/textarea";
import { rejectSavingsAction, validateSavingsAction } from "@/lib/actions/savings";
import { rejectSavingsSchema, validateSavingsSchema } from "@/lib/validation/savings";

/**
 * A validator's decision on one entry awaiting review: validate it (which locks the
 * figures), or reject it with the reason the team will see. `entryLabel` says which
 * entry, e.g. "$12,345.67 reported Jan 15, 2026", for buttons repeated down a list.
 */
export function ReviewControls({ entryId, version, entryLabel }: { entryId: string; version: number; entryLabel: string }) {
  const entry = { entryId, expectedVersion: version };
  const validate = useActionForm({
    schema: validateSavingsSchema,
    action: validateSavingsAction,
    values: entry,
    success: "Validated",
    confirm: {
      title: `Validate ${entryLabel}?`,
      description: "Validated savings are locked: the team can no longer change them.",
      confirmLabel: "Validate",
    },
  });
  const reject = useActionForm({ schema: rejectSavingsSchema, action: rejectSavingsAction, values: { ...entry, reason: "" }, success: "Rejected" });

  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm api={validate} aria-label={`Validate ${entryLabel}`}>
        <FormFooter submitLabel="Validate" pendingLabel="Validating…" />
      </ActionForm>
      <Disclosure summary="Reject…" label={`Reject ${entryLabel}`} variant="danger" className="flex-1">
        <ActionForm api={reject} aria-label={`Reject ${entryLabel}`} className="max-w-xl">
          <FormField name="reason" label="Reason for rejecting" hint="The team sees this and can correct the entry">
            {(control) => <Textarea {...control} rows={2} maxLength={2000} />}
          </FormField>
          <FormFooter submitLabel="Reject" pendingLabel="Rejecting…" variant="danger" />
        </ActionForm>
      </Disclosure>
    </div>
  );
}
