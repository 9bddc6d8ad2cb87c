"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Textarea } from "@/components/ui/textarea";
import { reopenRatingAction, signRatingAction } from "@/lib/actions/ratings";
import { SIDE_LABELS } from "@/lib/domain/rating-workflow";
import type { SignoffDecision, SponsorSide } from "@/lib/generated/prisma/enums";
import { reopenRatingSchema, signoffSchema } from "@/lib/validation/ratings";

/**
 * A sponsor's decision for their side: sign the level shown, or record a disagreement
 * with the reason the team and the other sponsor will read. `ownDecision` is the
 * sponsor's standing decision, if any: once signed, what is left is to disagree.
 */
export function SignoffPanel({
  ratingId,
  version,
  level,
  side,
  ownDecision,
}: {
  ratingId: string;
  version: number;
  level: number;
  side: SponsorSide;
  ownDecision: SignoffDecision | null;
}) {
  // The level the sponsor sees is the level they attest to: if it changes meanwhile, the sign-off is refused.
  const rating = { ratingId, expectedVersion: version, level };
  const sideLabel = SIDE_LABELS[side];
  const sign = useActionForm({ schema: signoffSchema, action: signRatingAction, values: { ...rating, decision: "SIGNED" }, success: "Signed" });
  const disagree = useActionForm({
    schema: signoffSchema,
    action: signRatingAction,
    values: { ...rating, decision: "DISAGREED", reason: "" },
    success: "Disagreement recorded",
  });

  return (
    <div className="flex flex-wrap items-start gap-3">
      {ownDecision !== "SIGNED" && (
        <ActionForm api={sign} aria-label={`Sign as ${sideLabel} sponsor`}>
          <FormFooter submitLabel={`Sign as ${sideLabel} sponsor (level ${level})`} pendingLabel="Signing…" variant="success" />
        </ActionForm>
      )}
      <Disclosure summary={ownDecision === "DISAGREED" ? "Change your reason…" : "Record disagreement…"} variant="danger" className="min-w-0 flex-1 basis-72">
        <ActionForm api={disagree} aria-label="Record disagreement" className="max-w-xl">
          <FormField name="reason" label="Why do you disagree?" hint="The team and the other sponsor see this. The rating stays disputed until you sign.">
            {(control) => <Textarea {...control} rows={3} maxLength={2000} />}
          </FormField>
          <FormFooter submitLabel="Record disagreement" pendingLabel="Recording…" variant="danger" />
        </ActionForm>
      </Disclosure>
    </div>
  );
}

/** LMP staff reopen a final rating; the reason is required and kept in the audit log. */
export function ReopenForm({ ratingId, version }: { ratingId: string; version: number }) {
  const reopen = useActionForm({
    schema: reopenRatingSchema,
    action: reopenRatingAction,
    values: { ratingId, expectedVersion: version, reason: "" },
    success: "Reopened",
  });
  return (
    <ActionForm api={reopen} aria-label="Reopen rating" className="max-w-xl">
      <FormField name="reason" label="Reason for reopening" hint="Kept in the audit log. Both sponsors must sign again.">
        {(control) => <Textarea {...control} rows={2} maxLength={2000} />}
      </FormField>
      <FormFooter submitLabel="Reopen rating" pendingLabel="Reopening…" variant="secondary" />
    </ActionForm>
  );
}
