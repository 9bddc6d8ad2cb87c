"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createTeamAction, moveTeamAction, reactivateTeamAction, retireTeamAction, updateTeamAction } from "@/lib/actions/organisation";
import { createTeamSchema, moveTeamSchema, teamIdSchema, updateTeamSchema } from "@/lib/validation/organisation";

type Option = { id: string; name: string };

function TeamFields({ unionLocals, thisQuarter }: { unionLocals: readonly Option[]; thisQuarter: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField name="code" label="Code" hint="Unique; kept in capitals, like CO-0042">
        {(control) => <Input {...control} maxLength={20} autoComplete="off" autoCapitalize="characters" spellCheck={false} />}
      </FormField>
      <FormField name="name" label="Team name">
        {(control) => <Input {...control} maxLength={200} autoComplete="off" />}
      </FormField>
      <FormField name="unionLocalId" label="Union local" hint="Optional">
        {(control) => <Select {...control} options={[{ value: "", label: "None recorded" }, ...unionLocals.map((local) => ({ value: local.id, label: local.name }))]} />}
      </FormField>
      <FormField name="charteredQuarter" label="Chartered in" hint={`The first quarter it operated as a UBT, like ${thisQuarter}`}>
        {(control) => <Input {...control} maxLength={7} autoComplete="off" spellCheck={false} />}
      </FormField>
    </div>
  );
}

export function CreateTeamForm({
  department,
  unionLocals,
  thisQuarter,
}: {
  department: Option;
  unionLocals: readonly Option[];
  thisQuarter: string;
}) {
  const api = useActionForm({
    schema: createTeamSchema,
    action: createTeamAction,
    values: { departmentId: department.id, code: "", name: "", unionLocalId: "", charteredQuarter: thisQuarter },
    success: "Team added",
    resetOnSuccess: true,
  });
  return (
    <ActionForm api={api} aria-label={`Add a team to ${department.name}`} className="max-w-2xl">
      <TeamFields unionLocals={unionLocals} thisQuarter={thisQuarter} />
      <FormFooter submitLabel="Add team" pendingLabel="Adding…" />
    </ActionForm>
  );
}

export function EditTeamForm({
  team,
  unionLocals,
  thisQuarter,
}: {
  team: { id: string; code: string; name: string; unionLocalId: string | null; charteredQuarter: string };
  unionLocals: readonly Option[];
  thisQuarter: string;
}) {
  const api = useActionForm({
    schema: updateTeamSchema,
    action: updateTeamAction,
    values: { teamId: team.id, code: team.code, name: team.name, unionLocalId: team.unionLocalId ?? "", charteredQuarter: team.charteredQuarter },
    success: "Saved",
  });
  return (
    <ActionForm api={api} aria-label={`Edit ${team.name}`} className="max-w-2xl">
      <TeamFields unionLocals={unionLocals} thisQuarter={thisQuarter} />
      <FormFooter submitLabel="Save team" />
    </ActionForm>
  );
}

/** Moves the team to a department of the facility chosen above it (in the same region or another). */
export function MoveTeamForm({ teamId, facilityName, departments }: { teamId: string; facilityName: string; departments: readonly Option[] }) {
  const api = useActionForm({ schema: moveTeamSchema, action: moveTeamAction, values: { teamId, departmentId: departments[0]?.id ?? "" }, success: "Moved" });
  return (
    <ActionForm api={api} aria-label="Move the team" className="max-w-xl">
      <FormField name="departmentId" label={`Department of ${facilityName}`}>
        {(control) => <Select {...control} options={departments.map((department) => ({ value: department.id, label: department.name }))} />}
      </FormField>
      <FormFooter submitLabel="Move team" pendingLabel="Moving…" />
    </ActionForm>
  );
}

/** Retires an active team from the next quarter, or reactivates a retired one; both asked first. */
export function TeamRetirementForm({ team, retiresFrom }: { team: { id: string; name: string; retiredQuarter: string | null }; retiresFrom: string }) {
  const retired = team.retiredQuarter !== null;
  const api = useActionForm({
    schema: teamIdSchema,
    action: retired ? reactivateTeamAction : retireTeamAction,
    values: { teamId: team.id },
    confirm: retired
      ? {
          title: `Reactivate ${team.name}?`,
          description: "The team operates again, in every quarter from its charter on: it comes back into the roll-ups and its sponsors' queues.",
          confirmLabel: "Reactivate team",
        }
      : {
          title: `Retire ${team.name} from ${retiresFrom}?`,
          description: `It counts in this quarter's roll-ups and sponsor queues, and leaves them from ${retiresFrom}. Its ratings, projects and savings stay on record.`,
          confirmLabel: "Retire team",
          destructive: true,
        },
  });
  return (
    <ActionForm api={api} aria-label={retired ? `Reactivate ${team.name}` : `Retire ${team.name}`}>
      <FormFooter submitLabel={retired ? "Reactivate team" : "Retire team…"} pendingLabel={retired ? "Reactivating…" : "Retiring…"} variant={retired ? "secondary" : "danger"} />
    </ActionForm>
  );
}
