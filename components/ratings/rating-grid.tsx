"use client";

import { useMemo } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Fieldset } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { saveRatingAction } from "@/lib/actions/ratings";
import { DIMENSIONS, LEVELS, levelName } from "@/lib/domain/path-to-performance";
import { formatLevel } from "@/lib/format";
import { assessLevel } from "@/lib/domain/rating-level";
import type { Dimension, RatingKind } from "@/lib/generated/prisma/enums";
import { saveRatingSchema } from "@/lib/validation/ratings";

type Criterion = { id: string; dimension: Dimension; level: number; text: string };

/**
 * A rating's criteria, dimension by dimension: each one ticked as met or not, with
 * optional evidence. The level they give is worked out as the person ticks, by the same
 * rule the server applies when it saves, so the level shown is the level saved.
 */
export function RatingGrid({
  teamId,
  quarter,
  kind,
  criteria,
  savedChecks,
  savedNote,
  version,
  editable,
}: {
  teamId: string;
  quarter: string;
  kind: RatingKind;
  criteria: Criterion[];
  savedChecks: { criterionId: string; met: boolean; evidence: string | null }[];
  savedNote: string | null;
  /** The version on screen; null before the rating's first save. */
  version: number | null;
  editable: boolean;
}) {
  // One entry per criterion of the set, in its order; after a save the page brings the new version's values.
  const values = useMemo(() => {
    const saved = new Map(savedChecks.map((check) => [check.criterionId, check]));
    return {
      teamId,
      quarter,
      kind,
      expectedVersion: version,
      note: savedNote ?? "",
      checks: criteria.map(({ id }) => ({ criterionId: id, met: saved.get(id)?.met ?? false, evidence: saved.get(id)?.evidence ?? "" })),
    };
  }, [teamId, quarter, kind, version, savedNote, savedChecks, criteria]);
  const api = useActionForm({ schema: saveRatingSchema, action: saveRatingAction, values, success: "Saved" });
  const checks = useWatch({ control: api.form.control, name: "checks" });
  const met = new Set(checks.filter((check) => check.met).map((check) => check.criterionId));
  const assessment = assessLevel(criteria, met);
  const textOf = new Map(criteria.map((criterion) => [criterion.id, criterion.text]));
  const indexOf = new Map(criteria.map((criterion, index) => [criterion.id, index]));

  return (
    <ActionForm api={api} aria-label={kind === "SELF_ASSESSMENT" ? "Self-assessment criteria" : "Rating criteria"} className="space-y-6">
      <Card
        id="computed-level"
        aria-live="polite"
        className="border-brand-100 bg-brand-50"
        title={
          <span data-testid="computed-level">{assessment.level === null ? formatLevel(null) : `Level ${assessment.level}: ${levelName(assessment.level)}`}</span>
        }
        description={
          assessment.nextLevel === null ? (
            "Every criterion is met."
          ) : (
            <>
              <p>
                Missing for level {assessment.nextLevel} ({levelName(assessment.nextLevel)}):
              </p>
              <ul className="mt-1 list-disc pl-5" data-testid="missing-criteria">
                {assessment.missingForNextLevel.map((gap) => (
                  <li key={gap.dimension}>
                    <span className="font-medium">{DIMENSIONS.find(({ key }) => key === gap.dimension)?.label}:</span>{" "}
                    {gap.criteria.map((criterion) => textOf.get(criterion.id)).join("; ")}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      />

      {DIMENSIONS.map((dimension) => {
        const reached = assessment.dimensions[dimension.key];
        return (
          <Card key={dimension.key} id={`dimension-${dimension.key}`} title={dimension.label} description={reached === null ? "Below level 1" : `Level ${reached}`}>
            {LEVELS.map(({ level, name }) => (
              <Fieldset key={level} legend={`Level ${level} · ${name}`}>
                <ul className="divide-y divide-slate-100">
                  {criteria
                    .filter((criterion) => criterion.dimension === dimension.key && criterion.level === level)
                    .map((criterion) => (
                      <CriterionRow key={criterion.id} criterion={criterion} index={indexOf.get(criterion.id)!} editable={editable} savedEvidence={values.checks[indexOf.get(criterion.id)!]!.evidence} />
                    ))}
                </ul>
              </Fieldset>
            ))}
          </Card>
        );
      })}

      <Card id="rating-note" title="Note">
        <FormField name="note" label="Note for the team and the other sponsor" hint="Optional">
          {(control) => <Textarea {...control} rows={3} maxLength={2000} disabled={!editable} />}
        </FormField>
      </Card>

      {editable && (
        // Always in reach while scrolling through the criteria.
        <div className="sticky bottom-0 z-10 border-t border-slate-200 bg-slate-50 py-3">
          <FormFooter submitLabel={version === null ? "Save rating" : "Save changes"} />
        </div>
      )}
    </ActionForm>
  );
}

/** One criterion: met or not, and the evidence for it (typed here, or shown as saved when the rating is read-only). */
function CriterionRow({ criterion, index, editable, savedEvidence }: { criterion: Criterion; index: number; editable: boolean; savedEvidence: string }) {
  const { register } = useFormContext();
  return (
    <li className="grid gap-x-4 py-1 sm:grid-cols-[1fr_16rem] sm:items-start">
      <Checkbox label={criterion.text} data-criterion-level={criterion.level} disabled={!editable} {...register(`checks.${index}.met`)} />
      {editable ? (
        <FormField name={`checks.${index}.evidence`} label={<span className="sr-only">Evidence for: {criterion.text}</span>} className="pb-2 sm:py-1">
          {(control) => <Input {...control} placeholder="Evidence (optional)" maxLength={1000} autoComplete="off" />}
        </FormField>
      ) : (
        savedEvidence && <p className="pb-2 text-sm text-slate-600 sm:py-2">Evidence: {savedEvidence}</p>
      )}
    </li>
  );
}
