"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input } from "@/components/ui/input";
import { optionsOf, Select } from "@/components/ui/select";
import { createDepartmentAction, mergeDepartmentsAction, updateDepartmentAction } from "@/lib/actions/organisation";
import { countOf } from "@/lib/format";
import type { DepartmentType } from "@/lib/generated/prisma/enums";
import { createDepartmentSchema, mergeDepartmentsSchema, updateDepartmentSchema } from "@/lib/validation/organisation";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";

const TYPE_OPTIONS = [{ value: "", label: "Choose…" }, ...optionsOf(DEPARTMENT_TYPE_LABELS)];

function DepartmentFields({ facilityName }: { facilityName: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField name="name" label="Department name" hint={`Unique in ${facilityName}`}>
        {(control) => <Input {...control} maxLength={160} autoComplete="off" />}
      </FormField>
      <FormField name="type" label="Kind of department">
        {(control) => <Select {...control} options={TYPE_OPTIONS} />}
      </FormField>
    </div>
  );
}

export function CreateDepartmentForm({ facilityId, facilityName }: { facilityId: string; facilityName: string }) {
  const api = useActionForm({
    schema: createDepartmentSchema,
    action: createDepartmentAction,
    // No kind until one is chosen (a guessed default would be saved unnoticed): the schema asks for it.
    values: { facilityId, name: "", type: "" as DepartmentType },
    success: "Department added",
    resetOnSuccess: true,
  });
  return (
    <ActionForm api={api} aria-label={`Add a department to ${facilityName}`} className="max-w-2xl">
      <DepartmentFields facilityName={facilityName} />
      <FormFooter submitLabel="Add department" pendingLabel="Adding…" />
    </ActionForm>
  );
}

export function EditDepartmentForm({ department, facilityName }: { department: { id: string; name: string; type: DepartmentType }; facilityName: string }) {
  const api = useActionForm({
    schema: updateDepartmentSchema,
    action: updateDepartmentAction,
    values: { departmentId: department.id, name: department.name, type: department.type },
    success: "Saved",
  });
  return (
    <ActionForm api={api} aria-label={`Edit ${department.name}`} className="max-w-2xl">
      <DepartmentFields facilityName={facilityName} />
      <FormFooter submitLabel="Save department" />
    </ActionForm>
  );
}

/** Merges this department into another of the facility: its teams move there and it is deleted (asked first, with the count). */
export function MergeDepartmentForm({
  department,
  teamCount,
  others,
}: {
  department: { id: string; name: string };
  teamCount: number;
  others: readonly { id: string; name: string }[];
}) {
  const api = useActionForm({
    schema: mergeDepartmentsSchema,
    action: mergeDepartmentsAction,
    values: { departmentId: department.id, intoDepartmentId: others[0]?.id ?? "" },
    confirm: {
      title: `Merge ${department.name}?`,
      description: `${countOf(teamCount, "team")} of ${department.name} move to the department you chose, and ${department.name} is deleted. This cannot be undone.`,
      confirmLabel: `Merge and move ${countOf(teamCount, "team")}`,
      destructive: true,
    },
  });
  return (
    <ActionForm api={api} aria-label={`Merge ${department.name} into another department`} className="max-w-xl">
      <FormField name="intoDepartmentId" label="Merge into" hint={`${department.name}'s teams move there; ${department.name} is deleted`}>
        {(control) => <Select {...control} options={others.map((other) => ({ value: other.id, label: other.name }))} />}
      </FormField>
      <FormFooter submitLabel="Merge…" pendingLabel="Merging…" variant="danger" />
    </ActionForm>
  );
}
