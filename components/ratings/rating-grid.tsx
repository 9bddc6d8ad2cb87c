"use client";

import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { saveRatingAction } from "@/lib/actions/ratings";
import { DIMENSIONS, LEVELS, levelName } from "@/lib/domain/path-to-performance";
import { assessLevel } from "@/lib/domain/rating-level";
import type { RatingKind } from "@/lib/generated/prisma/enums";

type Criterion = { id: string; dimension: (typeof DIMENSIONS)[number]["key"]; level: number; text: string };
type Check = { met: boolean; evidence: string };

export function RatingGrid({
  teamId,
  quarter,
  kind,
  criteria,
  initialChecks,
  initialNote,
  version,
  editable,
}: {
  teamId: string;
  quarter: string;
  kind: RatingKind;
  criteria: Criterion[];
  initialChecks: { criterionId: string; met: boolean; evidence: string | null }[];
  initialNote: string | null;
  version: number | null;
  editable: boolean;
}) {
  const router = useRouter();
  const [checks, setChecks] = useState<Record<string, Check>>(() =>
    Object.fromEntries(initialChecks.map((check) => [check.criterionId, { met: check.met, evidence: check.evidence ?? "" }])),
  );
  const [note, setNote] = useState(initialNote ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  // The same pure rule the server applies, so the level shown is the level saved.
  const assessment = useMemo(
    () => assessLevel(criteria, new Set(Object.entries(checks).filter(([, check]) => check.met).map(([id]) => id))),
    [criteria, checks],
  );
  const criterionText = new Map(criteria.map((criterion) => [criterion.id, criterion.text]));

  function update(criterionId: string, change: Partial<Check>) {
    setSaved(false);
    setChecks((current) => ({ ...current, [criterionId]: { met: false, evidence: "", ...current[criterionId], ...change } }));
  }

  function save() {
    setError(null);
    startTransition(async () => {
      const result = await saveRatingAction({
        teamId,
        quarter,
        kind,
        expectedVersion: version,
        note,
        checks: Object.entries(checks).map(([criterionId, check]) => ({ criterionId, met: check.met, evidence: check.evidence })),
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="computed-level" className="rounded-lg border border-brand-100 bg-brand-50 p-4" aria-live="polite">
        <h2 id="computed-level" className="font-semibold text-brand-800" data-testid="computed-level">
          {assessment.level === null ? "Not yet at level 1" : `Level ${assessment.level}: ${levelName(assessment.level)}`}
        </h2>
        {assessment.nextLevel === null ? (
          <p className="mt-1 text-sm text-slate-700">Every criterion is met.</p>
        ) : (
          <div className="mt-1 text-sm text-slate-700">
            <p>
              Missing for level {assessment.nextLevel} ({levelName(assessment.nextLevel)}):
            </p>
            <ul className="mt-1 list-disc pl-5" data-testid="missing-criteria">
              {assessment.missingForNextLevel.map((gap) => (
                <li key={gap.dimension}>
                  <span className="font-medium">{DIMENSIONS.find((d) => d.key === gap.dimension)?.label}:</span>{" "}
                  {gap.criteria.map((criterion) => criterionText.get(criterion.id)).join("; ")}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {DIMENSIONS.map((dimension) => (
        <fieldset key={dimension.key} className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-semibold">
            {dimension.label}{" "}
            <span className="font-normal text-slate-600">
              — {assessment.dimensions[dimension.key] === null ? "below level 1" : `level ${assessment.dimensions[dimension.key]}`}
            </span>
          </legend>
          <div className="mt-2 space-y-3">
            {LEVELS.map(({ level, name }) => {
              const cell = criteria.filter((criterion) => criterion.dimension === dimension.key && criterion.level === level);
              return (
                <div key={level}>
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                    Level {level} · {name}
                  </p>
                  <ul className="mt-1 space-y-1">
                    {cell.map((criterion) => {
                      const check = checks[criterion.id];
                      return (
                        <li key={criterion.id} className="grid gap-1 sm:grid-cols-[1fr_16rem] sm:items-start">
                          <label className="flex items-start gap-2 py-1">
                            <input
                              type="checkbox"
                              className="mt-1 size-5 shrink-0"
                              checked={check?.met ?? false}
                              disabled={!editable}
                              data-criterion-level={level}
                              onChange={(event) => update(criterion.id, { met: event.target.checked })}
                            />
                            <span>{criterion.text}</span>
                          </label>
                          {editable ? (
                            <input
                              type="text"
                              aria-label={`Evidence for: ${criterion.text}`}
                              placeholder="Evidence: note or link (optional)"
                              maxLength={1000}
                              value={check?.evidence ?? ""}
                              onChange={(event) => update(criterion.id, { evidence: event.target.value })}
                              className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                            />
                          ) : (
                            check?.evidence && <p className="text-sm text-slate-600">Evidence: {check.evidence}</p>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <label htmlFor="rating-note" className="block font-medium">
          Note
        </label>
        <textarea
          id="rating-note"
          rows={3}
          maxLength={2000}
          value={note}
          disabled={!editable}
          onChange={(event) => {
            setSaved(false);
            setNote(event.target.value);
          }}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>

      {editable && (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
          <button
            type="button"
            onClick={save}
            disabled={pending}
            className="rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {pending ? "Saving…" : version === null ? "Save rating" : "Save changes"}
          </button>
          {saved && !pending && <span className="text-sm text-emerald-800">Saved.</span>}
          {error && (
            <p className="text-sm font-medium text-red-800" data-testid="rating-error">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
