"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Textarea } from "@/components/ui/textarea";
import { removeCriterionAction, updateCriterionTextAction } from "@/lib/actions/criteria";
import { removeCriterionSchema, updateCriterionTextSchema } from "@/lib/validation/criteria";

/** One criterion of a draft: its text, editable in place, and a way to remove it. */
export function CriterionEditor({ criterion, label }: { criterion: { id: string; text: string }; label: string }) {
  const save = useActionForm({
    schema: updateCriterionTextSchema,
    action: updateCriterionTextAction,
    values: { criterionId: criterion.id, text: criterion.text },
    success: "Saved",
  });
  // A draft's criterion comes back by adding it again, so removing asks nothing.
  const remove = useActionForm({ schema: removeCriterionSchema, action: removeCriterionAction, values: { criterionId: criterion.id } });

  // Two forms (edit, remove) side by side; the group names both for assistive technology.
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-end gap-2">
      <ActionForm api={save} aria-label={`Edit ${label}`} className="min-w-0 flex-1 basis-48 space-y-2">
        <FormField name="text" label={<span className="sr-only">{label}</span>}>
          {(control) => <Textarea {...control} rows={2} maxLength={500} />}
        </FormField>
        <FormFooter submitLabel="Save" variant="secondary" />
      </ActionForm>
      <ActionForm api={remove} aria-label={`Remove ${label}`} className="max-w-48 shrink-0">
        <FormFooter submitLabel="Remove" pendingLabel="Removing…" variant="danger" className="justify-end" />
      </ActionForm>
    </div>
  );
}
