"use client";

import { NewPasswordFields } from "@/components/account/new-password-fields";
import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { setPasswordAction } from "@/lib/actions/accounts";
import { setPasswordSchema } from "@/lib/validation/accounts";

/** The new password, typed twice; on success the action sends the person to sign in with it. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const api = useActionForm({ schema: setPasswordSchema, action: setPasswordAction, values: { token, password: "", confirmPassword: "" } });
  return (
    <ActionForm api={api} aria-label="Set your password">
      {/* For password managers: the account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <NewPasswordFields confirmLabel="Type it again" />
      <FormFooter submitLabel="Set password" pendingLabel="Setting…" />
    </ActionForm>
  );
}
