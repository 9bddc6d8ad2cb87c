"use client";

import { useId } from "react";
import { FormFeedback } from "@/components/criteria/form-feedback";
import { dangerButton, primaryButton, secondaryButton, textField } from "@/components/criteria/styles";
import { useActionForm } from "@/components/criteria/use-action-form";
import { discardDraftAction, publishDraftSetAction, renameDraftAction } from "@/lib/actions/criteria";
import { draftSetSchema, renameDraftSchema } from "@/lib/validation/criteria";

type Draft = { id: string; version: number; name: string };

/** What LMP staff can do with a whole draft: name it, publish it, or abandon it. */
export function DraftControls({ draft, mayPublish }: { draft: Draft; mayPublish: boolean }) {
  return (
    <section aria-labelledby="draft-controls-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="draft-controls-title" className="text-lg font-semibold">
        This draft
      </h2>
      <RenameForm draft={draft} />
      <div className="flex flex-wrap items-start gap-6">
        {mayPublish && <PublishForm draft={draft} />}
        <DiscardForm draft={draft} />
      </div>
    </section>
  );
}

function RenameForm({ draft }: { draft: Draft }) {
  const ids = { field: useId(), feedback: useId() };
  const rename = useActionForm({ schema: renameDraftSchema, action: renameDraftAction });
  return (
    <form onSubmit={rename.onSubmit} onChange={rename.onChange} className="max-w-xl">
      <input type="hidden" name="setId" value={draft.id} />
      <label htmlFor={ids.field} className="block text-sm font-medium text-slate-800">
        Name of version {draft.version}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={ids.field}
          name="name"
          defaultValue={draft.name}
          aria-invalid={rename.error ? true : undefined}
          aria-describedby={rename.result ? ids.feedback : undefined}
          className={textField}
        />
        <button type="submit" disabled={rename.pending} className={`${secondaryButton} shrink-0`}>
          Save name
        </button>
      </div>
      <FormFeedback id={ids.feedback} result={rename.result} success="Saved" />
    </form>
  );
}

function PublishForm({ draft }: { draft: Draft }) {
  const feedbackId = useId();
  const publish = useActionForm({
    schema: draftSetSchema,
    action: publishDraftSetAction,
    confirmMessage: `Publish version ${draft.version}? Ratings will use it from now on, and the version in use today will be retired.`,
  });
  return (
    <form onSubmit={publish.onSubmit} className="max-w-xl">
      <input type="hidden" name="setId" value={draft.id} />
      <button type="submit" disabled={publish.pending} aria-describedby={publish.error ? feedbackId : undefined} className={primaryButton}>
        {publish.pending ? "Publishing…" : `Publish version ${draft.version}`}
      </button>
      <FormFeedback id={feedbackId} result={publish.result} />
    </form>
  );
}

function DiscardForm({ draft }: { draft: Draft }) {
  const feedbackId = useId();
  const discard = useActionForm({
    schema: draftSetSchema,
    action: discardDraftAction,
    confirmMessage: `Discard draft version ${draft.version} and every change in it?`,
  });
  return (
    <form onSubmit={discard.onSubmit} className="max-w-xl">
      <input type="hidden" name="setId" value={draft.id} />
      <button type="submit" disabled={discard.pending} aria-describedby={discard.error ? feedbackId : undefined} className={dangerButton}>
        {discard.pending ? "Discarding…" : "Discard this draft"}
      </button>
      <FormFeedback id={feedbackId} result={discard.result} />
    </form>
  );
}
