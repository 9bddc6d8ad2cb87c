"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { useLocalToday } from "@/components/form/use-local-today";
import { choicesWithNamed } from "@/components/projects/named-choices";
import { RosterChoices } from "@/components/projects/roster-choices";
import { Disclosure } from "@/components/ui/disclosure";
import { Input } from "@/components/ui/input";
import { optionsOf, Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { updateCycleAction } from "@/lib/actions/cycles";
import type { CycleView } from "@/lib/data/cycles";
import type { PersonChoice } from "@/lib/data/roster";
import { DECISION_LABELS, updateCycleSchema } from "@/lib/validation/cycles";

const DECISION_OPTIONS = [{ value: "", label: "Not decided yet" }, ...optionsOf(DECISION_LABELS)];

/**
 * "Record Do, Study and Act", open while the cycle awaits its decision (recording it is
 * the next step); recording the decision does not snatch the form, and its "Saved", away.
 */
export function RecordCycle({ cycle, roster }: { cycle: CycleView; roster: PersonChoice[] }) {
  return (
    <Disclosure summary="Record Do, Study and Act" label={`Record Do, Study and Act of cycle ${cycle.number}`} defaultOpen={cycle.decision === null}>
      <RecordCycleForm cycle={cycle} roster={roster} />
    </Disclosure>
  );
}

/** Records how a cycle went: Do, Study, Act (the decision) and its end date. A blank field clears what was there. */
function RecordCycleForm({ cycle, roster }: { cycle: CycleView; roster: PersonChoice[] }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: updateCycleSchema,
    action: updateCycleAction,
    values: {
      cycleId: cycle.id,
      doNotes: cycle.doNotes ?? "",
      study: cycle.study ?? "",
      decision: cycle.decision ?? "",
      actNotes: cycle.actNotes ?? "",
      endDate: cycle.endDate ?? "",
      participantIds: cycle.participants.map((person) => person.value),
    },
    success: "Saved",
  });
  return (
    <ActionForm api={api} aria-label={`Record cycle ${cycle.number}`}>
      <FormField name="doNotes" label="Do" hint="What was done, and what was observed">
        {(control) => <Textarea {...control} rows={3} maxLength={2000} />}
      </FormField>
      <FormField name="study" label="Study" hint="What the data show, against the prediction">
        {(control) => <Textarea {...control} rows={3} maxLength={2000} />}
      </FormField>
      <div className="grid gap-4 md:grid-cols-2">
        <FormField name="decision" label="Decision" hint="Act: adopt, adapt or abandon the change">
          {(control) => <Select {...control} options={DECISION_OPTIONS} />}
        </FormField>
        <FormField name="endDate" label="End date" hint="Blank while the cycle runs">
          {(control) => <Input {...control} type="date" min={cycle.startDate} max={today || undefined} />}
        </FormField>
      </div>
      <FormField name="actNotes" label="Act" hint="What happens next: the change to spread, or the next cycle">
        {(control) => <Textarea {...control} rows={2} maxLength={2000} />}
      </FormField>
      <RosterChoices name="participantIds" legend="People running this test" roster={choicesWithNamed(roster, cycle.participants)} />
      <FormFooter submitLabel={`Save cycle ${cycle.number}`} />
    </ActionForm>
  );
}
