"use client";

import { ActionForm, FormChoices, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input } from "@/components/ui/input";
import { optionsOf, Select } from "@/components/ui/select";
import { RosterChoices } from "@/components/projects/roster-choices";
import type { PersonChoice } from "@/lib/data/roster";
import { Textarea } from "@/components/ui/textarea";
import { createProjectAction, updateProjectAction } from "@/lib/actions/projects";
import { COMPASS_LABELS } from "@/lib/domain/projects";
import { TOOL_LABELS } from "@/lib/domain/tools";
import type { CompassPoint, ImprovementTool } from "@/lib/generated/prisma/enums";
import { createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";

/** A project's details as the form holds them: dates as "YYYY-MM-DD", no goal as "". */
export type ProjectFormValues = {
  title: string;
  aim: string;
  compassPoints: CompassPoint[];
  goalId: string;
  tools: ImprovementTool[];
  startDate: string;
  targetDate: string;
  memberIds: string[];
};

type Goal = { id: string; title: string };

const EMPTY: ProjectFormValues = { title: "", aim: "", compassPoints: [], goalId: "", tools: [], startDate: "", targetDate: "", memberIds: [] };
const COMPASS_OPTIONS = optionsOf(COMPASS_LABELS);
const TOOL_OPTIONS = optionsOf(TOOL_LABELS);

/** Logs a team's new project, then opens it. */
export function NewProjectForm({ teamId, goals, roster }: { teamId: string; goals: Goal[]; roster: PersonChoice[] }) {
  const api = useActionForm({
    schema: createProjectSchema,
    action: createProjectAction,
    values: { teamId, ...EMPTY },
    success: "Project created. Opening it…",
  });
  return (
    <ActionForm api={api} aria-label="New improvement project" className="space-y-5">
      <ProjectFields goals={goals} roster={roster} />
      <FormFooter submitLabel="Create project" pendingLabel="Creating…" />
    </ActionForm>
  );
}

/** Corrects a project's details; the version it started from guards against overwriting someone else's change. */
export function EditProjectForm({
  projectId,
  version,
  initial,
  goals,
  roster,
}: {
  projectId: string;
  version: number;
  initial: ProjectFormValues;
  goals: Goal[];
  roster: PersonChoice[];
}) {
  const api = useActionForm({
    schema: updateProjectSchema,
    action: updateProjectAction,
    values: { projectId, expectedVersion: version, ...initial },
    success: "Saved",
  });
  return (
    <ActionForm api={api} aria-label="Edit project details" className="space-y-5">
      <ProjectFields goals={goals} roster={roster} />
      <FormFooter submitLabel="Save project" />
    </ActionForm>
  );
}

function ProjectFields({ goals, roster }: { goals: Goal[]; roster: PersonChoice[] }) {
  return (
    <>
      <FormField name="title" label="Title">
        {(control) => <Input {...control} maxLength={200} autoComplete="off" />}
      </FormField>
      <FormField name="aim" label="Aim" hint="What will improve, by how much, by when — e.g. “Cut courier route time by 15% by June 30”.">
        {(control) => <Textarea {...control} rows={3} maxLength={2000} />}
      </FormField>
      <FormChoices name="compassPoints" legend="Value Compass points" hint="At least one" options={COMPASS_OPTIONS} listClassName="sm:grid-cols-2" />
      <FormField name="goalId" label="Aligned goal" hint="An organisation-wide goal or one of your region's">
        {(control) => <Select {...control} options={[{ value: "", label: "None" }, ...goals.map((goal) => ({ value: goal.id, label: goal.title }))]} />}
      </FormField>
      <FormChoices name="tools" legend="Tools used" options={TOOL_OPTIONS} listClassName="grid-cols-2 lg:grid-cols-3" />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="startDate" label="Start date" hint="Optional">
          {(control) => <Input {...control} type="date" />}
        </FormField>
        <FormField name="targetDate" label="Target date" hint="Optional">
          {(control) => <Input {...control} type="date" />}
        </FormField>
      </div>
      <RosterChoices name="memberIds" legend="People on this project" roster={roster} />
    </>
  );
}
