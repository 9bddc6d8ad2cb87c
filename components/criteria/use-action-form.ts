"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

type FormInput = Record<string, FormDataEntryValue>;

type Options<T> = {
  /** The schema the service parses with: checked here first, so a mistake shows without a round trip. */
  schema?: z.ZodType;
  action: (input: FormInput) => Promise<ActionResult<T>>;
  /** Asked before submitting, for changes that cannot be undone. */
  confirmMessage?: string;
  onSuccess?: (data: T, form: HTMLFormElement) => void;
};

/**
 * Submits a form to a server action and keeps its outcome to show beside the form.
 * Deliberately an onSubmit handler, not a form `action`: React resets a form after its
 * action, which would throw away what the person typed when the change is refused.
 */
export function useActionForm<T>({ schema, action, confirmMessage, onSuccess }: Options<T>) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmMessage && !window.confirm(confirmMessage)) return;
    const form = event.currentTarget;
    const input = Object.fromEntries(new FormData(form));
    const problem = schema?.safeParse(input).error?.issues[0]?.message;
    if (problem) {
      setResult({ ok: false, error: problem, fieldErrors: {} });
      return;
    }
    startTransition(async () => {
      // A rejection (a failed request, or an action's redirect) goes on to the nearest boundary.
      const outcome = await action(input);
      setResult(outcome);
      if (outcome.ok) onSuccess?.(outcome.data, form);
    });
  }

  /** Editing again makes the last outcome stale. */
  function onChange() {
    setResult(null);
  }

  return { result, error: result?.ok === false ? result.error : null, pending, onSubmit, onChange };
}
