"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { useLocalToday } from "@/components/form/use-local-today";
import { RosterChoices } from "@/components/projects/roster-choices";
import type { PersonChoice } from "@/lib/data/roster";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { addCycleAction } from "@/lib/actions/cycles";
import { addCycleSchema } from "@/lib/validation/cycles";

/** Plans the project's next test of change; the number is given when it is saved. */
export function AddCycleForm({ projectId, roster }: { projectId: string; roster: PersonChoice[] }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: addCycleSchema,
    action: addCycleAction,
    values: { projectId, plan: "", prediction: "", startDate: today, participantIds: [] as string[] },
    success: "Cycle added",
    resetOnSuccess: true,
  });
  return (
    <ActionForm api={api} aria-label="Add a PDSA cycle">
      <FormField name="plan" label="Plan" hint="The change to test, who tests it, where and for how long">
        {(control) => <Textarea {...control} rows={3} maxLength={2000} />}
      </FormField>
      <FormField name="prediction" label="Prediction" hint="Optional: what you expect to happen">
        {(control) => <Textarea {...control} rows={2} maxLength={1000} />}
      </FormField>
      <FormField name="startDate" label="Start date" className="max-w-xs">
        {(control) => <Input {...control} type="date" max={today || undefined} />}
      </FormField>
      <RosterChoices name="participantIds" legend="People running this test" roster={roster} />
      <FormFooter submitLabel="Add cycle" pendingLabel="Adding…" />
    </ActionForm>
  );
}
