"use client";

import { ActionForm, FormChoices, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { useLocalToday } from "@/components/form/use-local-today";
import { Input, NumberInput } from "@/components/ui/input";
import { optionsOf, Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { reportSavingsAction, updateSavingsAction } from "@/lib/actions/savings";
import { SAVINGS_CATEGORY_LABELS, SAVINGS_RECURRENCE_LABELS } from "@/lib/domain/savings";
import type { SavingsCategory, SavingsRecurrence } from "@/lib/generated/prisma/enums";
import { reportSavingsSchema, updateSavingsSchema } from "@/lib/validation/savings";

/** An entry's figures as the edit form starts from them: text, as the fields hold it. */
export type SavingsFormEntry = {
  id: string;
  version: number;
  amount: string;
  category: SavingsCategory;
  recurrence: SavingsRecurrence;
  periodStart: string;
  periodEnd: string;
  reportedOn: string;
  method: string;
  evidence: string;
};

const CATEGORY_OPTIONS = optionsOf(SAVINGS_CATEGORY_LABELS);
const RECURRENCE_OPTIONS = optionsOf(SAVINGS_RECURRENCE_LABELS);

/** Reports savings from a project. */
export function SavingsForm({ projectId }: { projectId: string }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: reportSavingsSchema,
    action: reportSavingsAction,
    values: { projectId, amount: "", category: "HARD_SAVINGS", recurrence: "ONE_TIME", periodStart: "", periodEnd: "", reportedOn: today, method: "", evidence: "" },
    success: "Savings added",
    resetOnSuccess: true,
  });
  return (
    <ActionForm api={api} aria-label="Add savings">
      <SavingsFields today={today} />
      <FormFooter submitLabel="Add savings" />
    </ActionForm>
  );
}

/** Corrects an entry that is not validated yet; a rejected one is reported again. */
export function EditSavingsForm({ entry }: { entry: SavingsFormEntry }) {
  const today = useLocalToday();
  const { id, version, ...figures } = entry;
  const api = useActionForm({
    schema: updateSavingsSchema,
    action: updateSavingsAction,
    values: { entryId: id, expectedVersion: version, ...figures },
    success: "Saved",
  });
  return (
    <ActionForm api={api} aria-label="Edit savings entry">
      <SavingsFields today={today} />
      <FormFooter submitLabel="Save changes" />
    </ActionForm>
  );
}

function SavingsFields({ today }: { today: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <FormField name="amount" label="Amount (dollars)" hint="Like 12,345.67">
        {(control) => <NumberInput {...control} />}
      </FormField>
      <FormField name="category" label="Category">
        {(control) => <Select {...control} options={CATEGORY_OPTIONS} />}
      </FormField>
      <FormChoices
        name="recurrence"
        type="radio"
        legend="One-time or recurring"
        hint="Recurring savings name the period they cover; the amount is for that period and is not annualised."
        options={RECURRENCE_OPTIONS}
        listClassName="grid-flow-col justify-start"
      />
      <FormField name="periodStart" label="Period start" hint="Required for recurring savings">
        {(control) => <Input {...control} type="date" />}
      </FormField>
      <FormField name="periodEnd" label="Period end" hint="Required for recurring savings">
        {(control) => <Input {...control} type="date" />}
      </FormField>
      <FormField name="reportedOn" label="Reported on">
        {(control) => <Input {...control} type="date" max={today || undefined} />}
      </FormField>
      <FormField name="method" label="Method of calculation" hint="How the figure was worked out, so a validator can check it" className="md:col-span-3">
        {(control) => <Textarea {...control} rows={3} maxLength={2000} />}
      </FormField>
      <FormField name="evidence" label="Evidence" hint="Optional: the report, invoice or link that supports the figure" className="md:col-span-3">
        {(control) => <Textarea {...control} rows={2} maxLength={2000} />}
      </FormField>
    </div>
  );
}
