"use client";

import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { markAllReadAction } from "@/lib/actions/notifications";
import { markAllReadSchema } from "@/lib/validation/notifications";

export function MarkAllReadButton() {
  const api = useActionForm({ schema: markAllReadSchema, action: markAllReadAction, values: {} });
  return (
    <ActionForm api={api} aria-label="Mark all notifications read">
      <FormFooter submitLabel="Mark all read" pendingLabel="Marking…" variant="secondary" />
    </ActionForm>
  );
}
