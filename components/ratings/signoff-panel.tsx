"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { reopenRatingAction, signRatingAction } from "@/lib/actions/ratings";
import type { ActionResult } from "@/lib/actions/result";
import { SIDE_LABELS } from "@/lib/domain/rating-workflow";
import type { SponsorSide } from "@/lib/generated/prisma/enums";

function useActionRunner() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function run(action: () => Promise<ActionResult<unknown>>, onSuccess?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(result.error);
        return;
      }
      onSuccess?.();
      router.refresh();
    });
  }
  return { error, pending, run };
}

/** The sponsor's decision: sign for their side, or record a disagreement with its reason. */
export function SignoffPanel({ ratingId, version, level, side }: { ratingId: string; version: number; level: number | null; side: SponsorSide }) {
  const { error, pending, run } = useActionRunner();
  const [disagreeing, setDisagreeing] = useState(false);
  const [reason, setReason] = useState("");
  const sideLabel = SIDE_LABELS[side];

  if (level === null) {
    return <p className="text-sm text-slate-700">The rating does not reach level 1 yet, so there is nothing to sign.</p>;
  }
  const sign = (decision: "SIGNED" | "DISAGREED") =>
    run(() => signRatingAction({ ratingId, expectedVersion: version, level, decision, reason }), () => setDisagreeing(false));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() => sign("SIGNED")}
          className="rounded-md bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          Sign as {sideLabel} sponsor (level {level})
        </button>
        {!disagreeing && (
          <button
            type="button"
            disabled={pending}
            onClick={() => setDisagreeing(true)}
            className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50"
          >
            Record disagreement
          </button>
        )}
      </div>
      {disagreeing && (
        <div className="space-y-2">
          <ReasonField id="disagreement-reason" label="Why do you disagree?" rows={3} value={reason} onChange={setReason} />
          <button
            type="button"
            disabled={pending}
            onClick={() => sign("DISAGREED")}
            className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            Record disagreement
          </button>
        </div>
      )}
      {error && (
        <p className="text-sm font-medium text-red-800" data-testid="signoff-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** LMP staff reopen a final rating; the reason is required and kept in the audit log. */
export function ReopenForm({ ratingId, version }: { ratingId: string; version: number }) {
  const { error, pending, run } = useActionRunner();
  const [reason, setReason] = useState("");
  return (
    <div className="space-y-2">
      <ReasonField id="reopen-reason" label="Reason for reopening" rows={2} value={reason} onChange={setReason} />
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => reopenRatingAction({ ratingId, expectedVersion: version, reason }))}
        className="rounded-md border border-slate-400 px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60"
      >
        Reopen rating
      </button>
      {error && (
        <p className="text-sm font-medium text-red-800" data-testid="reopen-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A reason the record keeps (a disagreement, a reopening): labelled, and as long as the server accepts. */
function ReasonField({ id, label, rows, value, onChange }: { id: string; label: string; rows: number; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="block w-full rounded-md border border-slate-300 px-3 py-2"
      />
    </>
  );
}
