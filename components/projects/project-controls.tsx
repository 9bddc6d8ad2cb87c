"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { Select } from "@/components/ui/select";
import { changeProjectStatusAction } from "@/lib/actions/projects";
import { PROJECT_STATUS_LABELS, STATUS_TRANSITIONS } from "@/lib/domain/projects";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { changeProjectStatusSchema } from "@/lib/validation/projects";
import { EditProjectForm, type ProjectFormValues } from "./project-form";
import type { PersonChoice } from "@/lib/data/roster";

type StatusProps = { projectId: string; version: number; status: ProjectStatus };

/** Moves the project to one of the steps its workflow allows next; nothing once it is sustained. */
export function StatusControl(props: StatusProps) {
  if (STATUS_TRANSITIONS[props.status].length === 0) return null;
  return <StatusForm {...props} />;
}

function StatusForm({ projectId, version, status }: StatusProps) {
  const nextSteps = STATUS_TRANSITIONS[status];
  const api = useActionForm({
    schema: changeProjectStatusSchema,
    action: changeProjectStatusAction,
    // After a move the page sends the new status and version, and the choices start again from the first next step.
    values: { projectId, expectedVersion: version, status: nextSteps[0]! },
    success: "Status changed",
  });
  return (
    <ActionForm api={api} aria-label="Change status" className="flex flex-wrap items-start gap-3 space-y-0">
      <FormField name="status" label="Move to" className="min-w-40">
        {(control) => <Select {...control} options={nextSteps.map((step) => ({ value: step, label: PROJECT_STATUS_LABELS[step] }))} />}
      </FormField>
      {/* pt-6: the button level with the select, below its label. */}
      <FormFooter submitLabel="Change status" variant="secondary" className="pt-6" />
    </ActionForm>
  );
}

/** The project's details, editable in place by its owners. */
export function EditProject(props: { projectId: string; version: number; initial: ProjectFormValues; goals: { id: string; title: string }[]; roster: PersonChoice[] }) {
  return (
    <Disclosure summary="Edit details" variant="secondary" className="w-full">
      <EditProjectForm {...props} />
    </Disclosure>
  );
}
