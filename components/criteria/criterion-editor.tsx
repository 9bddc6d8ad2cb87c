"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { dangerButton, secondaryButton, textField } from "@/components/criteria/styles";
import { useActionForm } from "@/components/criteria/use-action-form";
import { removeCriterionAction, updateCriterionTextAction } from "@/lib/actions/criteria";
import { removeCriterionSchema, updateCriterionTextSchema } from "@/lib/validation/criteria";

/** One criterion of a draft: its text, editable in place, and a way to remove it. */
export function CriterionEditor({ criterion, label }: { criterion: { id: string; text: string }; label: string }) {
  const ids = { form: useId(), field: useId(), saved: useId(), removed: useId() };
  const save = useActionForm({ schema: updateCriterionTextSchema, action: updateCriterionTextAction });
  const remove = useActionForm({ schema: removeCriterionSchema, action: removeCriterionAction });

  // Two forms (edit, remove) side by side; the group names both for assistive technology.
  return (
    <div role="group" aria-label={label} className="space-y-1">
      <form id={ids.form} onSubmit={save.onSubmit} onChange={save.onChange}>
        <input type="hidden" name="criterionId" value={criterion.id} />
        <label htmlFor={ids.field} className="sr-only">
          {label}
        </label>
        <textarea
          id={ids.field}
          name="text"
          rows={2}
          defaultValue={criterion.text}
          aria-invalid={save.error ? true : undefined}
          aria-describedby={save.result ? ids.saved : undefined}
          className={textField}
        />
      </form>
      <div className="flex items-center gap-2">
        <button type="submit" form={ids.form} disabled={save.pending} className={secondaryButton}>
          {save.pending ? "Saving…" : "Save"}
        </button>
        <form onSubmit={remove.onSubmit}>
          <input type="hidden" name="criterionId" value={criterion.id} />
          <button type="submit" disabled={remove.pending} aria-describedby={remove.error ? ids.removed : undefined} className={dangerButton}>
            {remove.pending ? "Removing…" : "Remove"}
          </button>
        </form>
      </div>
      <FormFeedback id={ids.saved} result={save.result} success="Saved" />
      <FormFeedback id={ids.removed} result={remove.result} />
    </div>
  );
}
