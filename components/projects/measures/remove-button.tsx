"use client";

import type { FieldValues } from "react-hook-form";
import { ActionForm, FormFooter } from "@/components/form/action-form";
import { useActionForm, type ActionFormApi } from "@/components/form/use-action-form";
import { removeDataPointAction, removeMeasureAction } from "@/lib/actions/measures";
import { formatCount } from "@/lib/format";
import { removeDataPointSchema, removeMeasureSchema } from "@/lib/validation/measures";

/** Removes a measure and its data points, once the person confirms. */
export function RemoveMeasureButton({ measureId, name, pointCount }: { measureId: string; name: string; pointCount: number }) {
  const api = useActionForm({
    schema: removeMeasureSchema,
    action: removeMeasureAction,
    values: { measureId },
    confirm: {
      title: `Remove “${name}”?`,
      description: `${pointsGoing(pointCount)} This cannot be undone.`,
      confirmLabel: "Remove measure",
      destructive: true,
    },
  });
  return <RemoveForm api={api} what={`measure ${name}`} />;
}

/** Removes one data point, once the person confirms; `label` names it, like "Mar 4, 2024: 88 minutes". */
export function RemoveDataPointButton({ dataPointId, label, measureName }: { dataPointId: string; label: string; measureName: string }) {
  const api = useActionForm({
    schema: removeDataPointSchema,
    action: removeDataPointAction,
    values: { dataPointId },
    confirm: {
      title: "Remove this data point?",
      description: `${label} of “${measureName}”. This cannot be undone.`,
      confirmLabel: "Remove data point",
      destructive: true,
    },
  });
  return <RemoveForm api={api} what={label} />;
}

/** "Remove", named in full for screen readers (the button repeats down the page). */
function RemoveForm<V extends FieldValues>({ api, what }: { api: ActionFormApi<V>; what: string }) {
  return (
    <ActionForm api={api} aria-label={`Remove ${what}`}>
      <FormFooter
        variant="danger"
        pendingLabel="Removing…"
        submitLabel={
          <>
            Remove<span className="sr-only"> {what}</span>
          </>
        }
      />
    </ActionForm>
  );
}

function pointsGoing(count: number): string {
  if (count === 0) return "It has no data points yet.";
  return count === 1 ? "Its one data point goes with it." : `Its ${formatCount(count)} data points go with it.`;
}
