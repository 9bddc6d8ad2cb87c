"use client";

import { ActionForm, FormChoices, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { useLocalToday } from "@/components/form/use-local-today";
import { Input } from "@/components/ui/input";
import { addRosterMemberAction, recordMemberLeftAction, setKeyRolesAction } from "@/lib/actions/roster";
import { KEY_TEAM_ROLE_LABELS } from "@/lib/domain/roles";
import type { KeyTeamRole } from "@/lib/generated/prisma/enums";
import { addRosterMemberSchema, recordMemberLeftSchema, setKeyRolesSchema } from "@/lib/validation/roster";

const KEY_ROLE_OPTIONS = (Object.entries(KEY_TEAM_ROLE_LABELS) as [KeyTeamRole, string][]).map(([value, label]) => ({ value, label }));

/** Adds someone to the roster: the person on record with the email or employee id given, or a new one. */
export function AddRosterMemberForm({ teamId }: { teamId: string }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: addRosterMemberSchema,
    action: addRosterMemberAction,
    values: { teamId, displayName: "", email: "", employeeId: "", joinedOn: today, keyRoles: [] },
    success: "Member added",
    resetOnSuccess: true,
  });
  return (
    <ActionForm api={api} aria-label="Add a roster member" className="max-w-2xl">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="displayName" label="Name" className="sm:col-span-2">
          {(control) => <Input {...control} maxLength={160} autoComplete="off" />}
        </FormField>
        <FormField name="email" label="Email" hint="Optional; adds the person on record with this email">
          {(control) => <Input {...control} type="email" maxLength={254} autoComplete="off" />}
        </FormField>
        <FormField name="employeeId" label="Employee id" hint="Optional; adds the person on record with this id">
          {(control) => <Input {...control} maxLength={40} autoComplete="off" spellCheck={false} />}
        </FormField>
        <FormField name="joinedOn" label="Joined on">
          {(control) => <Input {...control} type="date" max={today || undefined} />}
        </FormField>
      </div>
      <FormChoices name="keyRoles" legend="Key roles" hint="Optional" options={KEY_ROLE_OPTIONS} listClassName="sm:grid-cols-3" />
      <FormFooter submitLabel="Add member" pendingLabel="Adding…" />
    </ActionForm>
  );
}

export function KeyRolesForm({ member }: { member: { id: string; name: string; keyRoles: KeyTeamRole[] } }) {
  const api = useActionForm({ schema: setKeyRolesSchema, action: setKeyRolesAction, values: { memberId: member.id, keyRoles: member.keyRoles }, success: "Saved" });
  return (
    <ActionForm api={api} aria-label={`Key roles of ${member.name}`}>
      <FormChoices name="keyRoles" legend={`Key roles of ${member.name}`} options={KEY_ROLE_OPTIONS} listClassName="sm:grid-cols-3" />
      <FormFooter submitLabel="Save key roles" />
    </ActionForm>
  );
}

/** Records the day a member left; they move to the past members. */
export function MemberLeftForm({ member }: { member: { id: string; name: string; joinedOn: string } }) {
  const today = useLocalToday();
  const api = useActionForm({ schema: recordMemberLeftSchema, action: recordMemberLeftAction, values: { memberId: member.id, leftOn: today } });
  return (
    <ActionForm api={api} aria-label={`Record that ${member.name} left`} className="max-w-xs">
      <FormField name="leftOn" label="Left on">
        {(control) => <Input {...control} type="date" min={member.joinedOn} max={today || undefined} />}
      </FormField>
      <FormFooter submitLabel="Record leaving" pendingLabel="Recording…" variant="danger" />
    </ActionForm>
  );
}
