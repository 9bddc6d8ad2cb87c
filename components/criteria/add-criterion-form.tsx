"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Textarea } from "@/components/ui/textarea";
import { addCriterionAction } from "@/lib/actions/criteria";
import type { Dimension } from "@/lib/generated/prisma/enums";
import { addCriterionSchema } from "@/lib/validation/criteria";

type Cell = { setId: string; dimension: Dimension; level: number };

/** Adds a criterion at the end of one cell ("Training, level 3"); open while the cell is empty. */
export function AddCriterionForm({ cell, cellName, empty }: { cell: Cell; cellName: string; empty: boolean }) {
  const add = useActionForm({
    schema: addCriterionSchema,
    action: addCriterionAction,
    values: { ...cell, text: "" },
    success: "Added",
    // Ready for the next one; the new criterion now shows above.
    resetOnSuccess: true,
  });

  return (
    <Disclosure summary="Add a criterion" defaultOpen={empty} className="mt-2">
      <ActionForm api={add} aria-label={`Add a criterion to ${cellName}`} className="space-y-2">
        <FormField name="text" label={<span className="sr-only">New criterion for {cellName}</span>}>
          {(control) => <Textarea {...control} rows={2} maxLength={500} />}
        </FormField>
        <FormFooter submitLabel="Add" pendingLabel="Adding…" variant="secondary" />
      </ActionForm>
    </Disclosure>
  );
}
