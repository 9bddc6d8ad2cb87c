"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createPersonAction, updatePersonAction } from "@/lib/actions/people";
import { createPersonSchema, updatePersonSchema } from "@/lib/validation/people";

export type UnionLocalOption = { id: string; name: string };

/** A person's details as the form holds them: text, "" for none. */
export type PersonFormValues = { displayName: string; email: string; employeeId: string; unionLocalId: string };

/** Adds a person to the records, then opens their page (to invite them or give them a role). */
export function CreatePersonForm({ unionLocals }: { unionLocals: UnionLocalOption[] }) {
  const api = useActionForm({
    schema: createPersonSchema,
    action: createPersonAction,
    values: { displayName: "", email: "", employeeId: "", unionLocalId: "" },
  });
  return (
    <ActionForm api={api} aria-label="Add a person">
      <PersonFields unionLocals={unionLocals} />
      <FormFooter submitLabel="Add person" pendingLabel="Adding…" />
    </ActionForm>
  );
}

/** Corrects a person's details; their account then signs in with the new email. */
export function EditPersonForm({ personId, initial, unionLocals }: { personId: string; initial: PersonFormValues; unionLocals: UnionLocalOption[] }) {
  const api = useActionForm({ schema: updatePersonSchema, action: updatePersonAction, values: { personId, ...initial }, success: "Saved" });
  return (
    <ActionForm api={api} aria-label="Edit details">
      <PersonFields unionLocals={unionLocals} />
      <FormFooter submitLabel="Save details" />
    </ActionForm>
  );
}

function PersonFields({ unionLocals }: { unionLocals: UnionLocalOption[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <FormField name="displayName" label="Name">
        {(control) => <Input {...control} autoComplete="off" maxLength={160} />}
      </FormField>
      <FormField name="email" label="Email" hint="Their account signs in with it; optional until they are invited">
        {(control) => <Input {...control} type="email" autoComplete="off" maxLength={254} />}
      </FormField>
      <FormField name="employeeId" label="Employee id" hint="Optional: the id in the employer's HR system">
        {(control) => <Input {...control} autoComplete="off" maxLength={40} />}
      </FormField>
      <FormField name="unionLocalId" label="Union local">
        {(control) => (
          <Select {...control} options={[{ value: "", label: "None" }, ...unionLocals.map((local) => ({ value: local.id, label: local.name }))]} />
        )}
      </FormField>
    </div>
  );
}
