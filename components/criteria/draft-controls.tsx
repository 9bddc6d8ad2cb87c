"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { discardDraftAction, publishDraftSetAction, renameDraftAction } from "@/lib/actions/criteria";
import { draftSetSchema, renameDraftSchema } from "@/lib/validation/criteria";

type Draft = { id: string; version: number; name: string };

/** What LMP staff can do with a whole draft: name it, publish it, or abandon it. */
export function DraftControls({ draft, mayPublish }: { draft: Draft; mayPublish: boolean }) {
  return (
    <Card id="draft-controls" title="This draft">
      <RenameForm draft={draft} />
      <div className="flex flex-wrap items-start gap-6">
        {mayPublish && <PublishForm draft={draft} />}
        <DiscardForm draft={draft} />
      </div>
    </Card>
  );
}

function RenameForm({ draft }: { draft: Draft }) {
  const rename = useActionForm({ schema: renameDraftSchema, action: renameDraftAction, values: { setId: draft.id, name: draft.name }, success: "Saved" });
  return (
    <ActionForm api={rename} aria-label={`Rename version ${draft.version}`} className="max-w-xl">
      <FormField name="name" label={`Name of version ${draft.version}`}>
        {(control) => <Input {...control} maxLength={160} autoComplete="off" />}
      </FormField>
      <FormFooter submitLabel="Save name" variant="secondary" />
    </ActionForm>
  );
}

function PublishForm({ draft }: { draft: Draft }) {
  const publish = useActionForm({
    schema: draftSetSchema,
    action: publishDraftSetAction,
    values: { setId: draft.id },
    success: `Version ${draft.version} is published`,
    confirm: {
      title: `Publish version ${draft.version}?`,
      description: "Ratings will use it from now on, and the version in use today will be retired. A published version cannot be changed.",
      confirmLabel: "Publish",
    },
  });
  return (
    <ActionForm api={publish} aria-label={`Publish version ${draft.version}`} className="max-w-xl">
      <FormFooter submitLabel={`Publish version ${draft.version}`} pendingLabel="Publishing…" />
    </ActionForm>
  );
}

function DiscardForm({ draft }: { draft: Draft }) {
  const discard = useActionForm({
    schema: draftSetSchema,
    action: discardDraftAction,
    values: { setId: draft.id },
    confirm: {
      title: `Discard draft version ${draft.version}?`,
      description: "The draft and every change in it are deleted. Published versions stay as they are.",
      confirmLabel: "Discard draft",
      destructive: true,
    },
    // The draft's own page no longer exists: back to the list.
  });
  return (
    <ActionForm api={discard} aria-label={`Discard draft version ${draft.version}`} className="max-w-xl">
      <FormFooter submitLabel="Discard this draft" pendingLabel="Discarding…" variant="danger" />
    </ActionForm>
  );
}
