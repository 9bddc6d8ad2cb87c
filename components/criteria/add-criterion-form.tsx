"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { secondaryButton, textField } from "@/components/criteria/styles";
import { useActionForm } from "@/components/criteria/use-action-form";
import { addCriterionAction } from "@/lib/actions/criteria";
import type { Dimension } from "@/lib/generated/prisma/enums";
import { addCriterionSchema } from "@/lib/validation/criteria";

type Cell = { setId: string; dimension: Dimension; level: number };

/** Adds a criterion at the end of one cell; open from the start when the cell is empty. */
export function AddCriterionForm({ cell, label, startOpen }: { cell: Cell; label: string; startOpen: boolean }) {
  const ids = { field: useId(), feedback: useId() };
  const add = useActionForm({
    schema: addCriterionSchema,
    action: addCriterionAction,
    // Ready for the next one; the new criterion now shows above.
    onSuccess: (_criterion, form) => form.reset(),
  });

  return (
    <details open={startOpen} className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Add a criterion</summary>
      <form onSubmit={add.onSubmit} onChange={add.onChange} className="mt-2 space-y-1">
        <input type="hidden" name="setId" value={cell.setId} />
        <input type="hidden" name="dimension" value={cell.dimension} />
        <input type="hidden" name="level" value={cell.level} />
        <label htmlFor={ids.field} className="sr-only">
          {label}
        </label>
        <textarea
          id={ids.field}
          name="text"
          rows={2}
          aria-invalid={add.error ? true : undefined}
          aria-describedby={add.result ? ids.feedback : undefined}
          className={textField}
        />
        <button type="submit" disabled={add.pending} className={secondaryButton}>
          {add.pending ? "Adding…" : "Add"}
        </button>
        <FormFeedback id={ids.feedback} result={add.result} success="Added" />
      </form>
    </details>
  );
}
