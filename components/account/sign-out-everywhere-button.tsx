"use client";

import { signOut } from "next-auth/react";
import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { signOutEverywhereAction } from "@/lib/actions/sessions";
import { signOutEverywhereSchema } from "@/lib/validation/sessions";

/**
 * Ends every session of this account (a phone left signed in, a shared computer), after
 * asking; then this browser drops its cookie too and goes to the sign-in page.
 */
export function SignOutEverywhereButton() {
  const api = useActionForm({
    schema: signOutEverywhereSchema,
    action: signOutEverywhereAction,
    values: {},
    confirm: {
      title: "Sign out everywhere?",
      description: "Every browser and device signed in to your account, this one included, must sign in again.",
      confirmLabel: "Sign out everywhere",
      destructive: true,
    },
    onSuccess: async () => {
      await signOut({ redirect: false });
      window.location.assign("/login");
    },
  });
  return (
    <ActionForm api={api} aria-label="Sign out everywhere">
      <FormFooter submitLabel="Sign out everywhere" pendingLabel="Signing out…" variant="danger" />
    </ActionForm>
  );
}
