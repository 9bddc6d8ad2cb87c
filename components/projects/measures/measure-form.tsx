"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input, NumberInput } from "@/components/ui/input";
import { optionsOf, Select } from "@/components/ui/select";
import { addMeasureAction, updateMeasureAction } from "@/lib/actions/measures";
import type { ImprovementDirection, MeasureKind } from "@/lib/generated/prisma/enums";
import { addMeasureSchema, DIRECTION_LABELS, MEASURE_KIND_LABELS, updateMeasureSchema } from "@/lib/validation/measures";

export type MeasureValues = {
  id: string;
  name: string;
  kind: MeasureKind;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: ImprovementDirection;
};

const KIND_OPTIONS = optionsOf(MEASURE_KIND_LABELS);
const DIRECTION_OPTIONS = optionsOf(DIRECTION_LABELS);

/** Adds a measure to a project, or (given one) corrects a measure's definition. */
export function MeasureForm(props: { projectId: string; measure?: undefined } | { measure: MeasureValues; projectId?: undefined }) {
  return props.measure ? <EditMeasureForm measure={props.measure} /> : <AddMeasureForm projectId={props.projectId} />;
}

function AddMeasureForm({ projectId }: { projectId: string }) {
  const api = useActionForm({
    schema: addMeasureSchema,
    action: addMeasureAction,
    values: { projectId, name: "", kind: "OUTCOME", unit: "", baseline: "", target: "", direction: "INCREASE" },
    success: "Measure added",
    resetOnSuccess: true,
  });
  return (
    <ActionForm api={api} aria-label="Add a measure">
      <MeasureFields />
      <FormFooter submitLabel="Add measure" pendingLabel="Adding…" />
    </ActionForm>
  );
}

function EditMeasureForm({ measure: { id, baseline, target, ...definition } }: { measure: MeasureValues }) {
  const api = useActionForm({
    schema: updateMeasureSchema,
    action: updateMeasureAction,
    // Numbers as the fields hold them: text, blank for none.
    values: { measureId: id, ...definition, baseline: baseline === null ? "" : String(baseline), target: target === null ? "" : String(target) },
    success: "Saved",
  });
  return (
    <ActionForm api={api} aria-label={`Edit ${definition.name}`}>
      <MeasureFields />
      <FormFooter submitLabel="Save measure" />
    </ActionForm>
  );
}

function MeasureFields() {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <FormField name="name" label="Name" className="md:col-span-2">
        {(control) => <Input {...control} maxLength={200} autoComplete="off" />}
      </FormField>
      <FormField name="kind" label="Kind">
        {(control) => <Select {...control} options={KIND_OPTIONS} />}
      </FormField>
      <FormField name="unit" label="Unit" hint="For example %, minutes or per month">
        {(control) => <Input {...control} maxLength={40} autoComplete="off" />}
      </FormField>
      <FormField name="baseline" label="Baseline" hint="Optional">
        {(control) => <NumberInput {...control} />}
      </FormField>
      <FormField name="target" label="Target" hint="Optional">
        {(control) => <NumberInput {...control} />}
      </FormField>
      <FormField name="direction" label="Direction" hint="Which way is improvement">
        {(control) => <Select {...control} options={DIRECTION_OPTIONS} />}
      </FormField>
    </div>
  );
}
