"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/lib/actions/accounts";
import { changePasswordSchema, PASSWORD_MAX_LENGTH } from "@/lib/validation/accounts";
import { NewPasswordFields } from "./new-password-fields";

const EMPTY = { currentPassword: "", password: "", confirmPassword: "" };

/** The current password, then the new one twice; the account's other browsers are signed out. */
export function ChangePasswordForm({ email }: { email: string }) {
  const api = useActionForm({
    schema: changePasswordSchema,
    action: changePasswordAction,
    values: EMPTY,
    resetOnSuccess: true,
    success: "Password changed. Your other browsers and devices must sign in with it.",
  });
  return (
    <ActionForm api={api} aria-label="Change your password" className="max-w-md">
      {/* For password managers: the account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <FormField name="currentPassword" label="Current password">
        {(control) => <Input {...control} type="password" autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} />}
      </FormField>
      <NewPasswordFields confirmLabel="Type the new password again" />
      <FormFooter submitLabel="Change password" pendingLabel="Changing…" />
    </ActionForm>
  );
}
