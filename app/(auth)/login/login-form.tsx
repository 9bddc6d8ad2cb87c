"use client";

import { signIn } from "next-auth/react";
import type { z } from "zod";
import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm, type ActionAnswer } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { sameOriginPath } from "@/lib/auth/redirect";
import { isSignInRefusal } from "@/lib/domain/sign-in-throttle";
import { signInSchema } from "@/lib/validation/sign-in";

const WRONG_CREDENTIALS = "Incorrect email or password. Check them and try again.";

/**
 * Signing in goes through next-auth's own endpoint (it sets the session cookie), not a
 * server action; this runs it and answers as an action does, so the form layer treats
 * it like every other form. Which of the two was wrong is never said; a throttled or busy
 * refusal is said as the server wrote it.
 */
async function signInWithPassword(input: z.input<typeof signInSchema>): Promise<ActionAnswer<true>> {
  const result = await signIn("credentials", { ...input, redirect: false });
  if (result?.error && isSignInRefusal(result.error)) return { serverError: result.error };
  return !result || result.error ? { serverError: WRONG_CREDENTIALS } : { data: true };
}

export function LoginForm({ callbackUrl, ssoName }: { callbackUrl: string; ssoName: string | null }) {
  // Checked again against the address the browser is on: the page checked it against NEXTAUTH_URL.
  const target = () => sameOriginPath(callbackUrl, window.location.origin);
  const api = useActionForm({
    schema: signInSchema,
    action: signInWithPassword,
    values: { email: "", password: "" },
    success: "Signed in. Opening your page…",
    // A full navigation, so every server component renders for the new session.
    onSuccess: () => window.location.assign(target()),
  });

  return (
    <div className="space-y-4">
      <ActionForm api={api} aria-label="Sign in">
        <FormField name="email" label="Email">
          {(control) => <Input {...control} type="email" autoComplete="username" />}
        </FormField>
        <FormField name="password" label="Password">
          {(control) => <Input {...control} type="password" autoComplete="current-password" />}
        </FormField>
        <FormFooter submitLabel="Sign in" pendingLabel="Signing in…" />
      </ActionForm>
      {ssoName && (
        <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl: target() })}>
          Continue with {ssoName}
        </Button>
      )}
    </div>
  );
}
