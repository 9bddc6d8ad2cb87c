"use client";

import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { unsubscribeAction } from "@/lib/actions/notifications";
import { unsubscribeSchema } from "@/lib/validation/notifications";

/** A button, not the link itself: mail scanners open links, and must not unsubscribe anyone. */
export function UnsubscribeForm({ token }: { token: string }) {
  const api = useActionForm({ schema: unsubscribeSchema, action: unsubscribeAction, values: { token }, success: "Done: UBT Tracker sends you no more emails." });
  return (
    <ActionForm api={api} aria-label="Stop my emails">
      <FormFooter submitLabel="Stop my emails" pendingLabel="Stopping…" />
    </ActionForm>
  );
}
