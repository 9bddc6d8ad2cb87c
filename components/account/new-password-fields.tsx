"use client";

import { FormField } from "@/components/form/action-form";
import { Input } from "@/components/ui/input";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/accounts";

/** A new password typed twice, as setting one through a link and changing it on the account page both ask for it. */
export function NewPasswordFields({ confirmLabel }: { confirmLabel: string }) {
  return (
    <>
      <FormField name="password" label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one`}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />}
      </FormField>
      <FormField name="confirmPassword" label={confirmLabel}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />}
      </FormField>
    </>
  );
}
