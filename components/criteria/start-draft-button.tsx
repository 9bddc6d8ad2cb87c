"use client";

import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { createDraftSetAction } from "@/lib/actions/criteria";
import { createDraftSetSchema } from "@/lib/validation/criteria";

/** Opens the next version as a draft and goes to it. */
export function StartDraftButton() {
  const start = useActionForm({
    schema: createDraftSetSchema,
    action: createDraftSetAction,
    values: {},
  });
  return (
    <ActionForm api={start} aria-label="Start a new draft">
      <FormFooter submitLabel="Start a new draft" pendingLabel="Starting a draft…" />
    </ActionForm>
  );
}
