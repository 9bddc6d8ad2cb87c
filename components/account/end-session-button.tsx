"use client";

import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { endSessionAction } from "@/lib/actions/sessions";
import { endSessionSchema } from "@/lib/validation/sessions";

/** Signs one other browser out (a phone left signed in, a shared computer). */
export function EndSessionButton({ sessionId, browser }: { sessionId: string; browser: string }) {
  const api = useActionForm({ schema: endSessionSchema, action: endSessionAction, values: { sessionId } });
  return (
    <ActionForm api={api} aria-label={`End the session in ${browser}`}>
      <FormFooter submitLabel="End session" pendingLabel="Ending…" variant="secondary" />
    </ActionForm>
  );
}
