"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { useLocalToday } from "@/components/form/use-local-today";
import type { PersonChoice } from "@/lib/data/roster";
import { Input, NumberInput } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { addDataPointAction } from "@/lib/actions/measures";
import { addDataPointSchema } from "@/lib/validation/measures";

/** Records one value of a measure, dated today unless the person picks another day. */
export function AddDataPointForm({ measureId, unit, roster }: { measureId: string; unit: string; roster: PersonChoice[] }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: addDataPointSchema,
    action: addDataPointAction,
    values: { measureId, date: today, value: "", collectedById: "" },
    success: "Data point added",
    resetOnSuccess: true,
  });
  return (
    <ActionForm api={api} aria-label="Add data point" className="flex flex-wrap items-start gap-3 space-y-0">
      <FormField name="date" label="Date" className="min-w-40 flex-1 sm:max-w-52">
        {(control) => <Input {...control} type="date" max={today || undefined} />}
      </FormField>
      <FormField name="value" label="Value" hint={`In ${unit}`} className="min-w-32 flex-1 sm:max-w-44">
        {(control) => <NumberInput {...control} />}
      </FormField>
      <FormField name="collectedById" label="Collected by" className="min-w-40 flex-1 sm:max-w-60">
        {(control) => <Select {...control} options={[{ value: "", label: "Not recorded" }, ...roster]} />}
      </FormField>
      {/* pt-6: the button level with the inputs, below their one-line labels. */}
      <FormFooter submitLabel="Add data point" pendingLabel="Adding…" className="min-w-0 flex-1 basis-full sm:basis-auto sm:pt-6" />
    </ActionForm>
  );
}
