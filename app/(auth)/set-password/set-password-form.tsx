"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input } from "@/components/ui/input";
import { setPasswordAction } from "@/lib/actions/accounts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, setPasswordSchema } from "@/lib/validation/accounts";

/** The new password, typed twice; on success the action sends the person to sign in with it. */
export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const api = useActionForm({ schema: setPasswordSchema, action: setPasswordAction, values: { token, password: "", confirmPassword: "" } });
  return (
    <ActionForm api={api} aria-label="Set your password">
      {/* For password managers: the account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <FormField name="password" label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one`}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />}
      </FormField>
      <FormField name="confirmPassword" label="Type it again">
        {(control) => <Input {...control} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />}
      </FormField>
      <FormFooter submitLabel="Set password" pendingLabel="Setting…" />
    </ActionForm>
  );
}
