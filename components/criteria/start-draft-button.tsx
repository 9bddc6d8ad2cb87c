"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { primaryButton } from "@/components/criteria/styles";
import { useActionForm } from "@/components/criteria/use-action-form";
import { createDraftSetAction } from "@/lib/actions/criteria";

export function StartDraftButton() {
  const feedbackId = useId();
  // On success the action takes the browser to the new draft.
  const { result, pending, onSubmit } = useActionForm({ action: createDraftSetAction });

  return (
    <form onSubmit={onSubmit}>
      <button type="submit" disabled={pending} aria-describedby={result ? feedbackId : undefined} className={primaryButton}>
        {pending ? "Starting a draft…" : "Start a new draft"}
      </button>
      <FormFeedback id={feedbackId} result={result} />
    </form>
  );
}
