"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import type { ActionResult } from "@/lib/actions/result";
import { removeClass, useRefreshingForm } from "./form-kit";

/** A confirmed removal through a server action; `fields` are what the action is sent. */
export function RemoveButton({
  action,
  fields,
  accessibleName,
  confirmMessage,
}: {
  action: (input: Record<string, FormDataEntryValue>) => Promise<ActionResult<unknown>>;
  fields: Record<string, string>;
  accessibleName: string;
  confirmMessage: string;
}) {
  const feedbackId = useId();
  const form = useRefreshingForm({ action, confirmMessage });
  return (
    <form onSubmit={form.onSubmit} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={form.pending}
        aria-label={accessibleName}
        aria-describedby={form.error ? feedbackId : undefined}
        className={removeClass}
      >
        {form.pending ? "Removing…" : "Remove"}
      </button>
      <FormFeedback id={feedbackId} result={form.result} />
    </form>
  );
}
