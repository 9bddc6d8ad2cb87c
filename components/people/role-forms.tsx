"use client";

import { ActionForm, FormChoices, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { useLocalToday } from "@/components/form/use-local-today";
import { Disclosure } from "@/components/ui/disclosure";
import { Input } from "@/components/ui/input";
import { optionsOf, Select } from "@/components/ui/select";
import { endRoleAction, grantRoleAction, handOverRoleAction } from "@/lib/actions/roles";
import { ROLE_LABELS, ROLE_SCOPES } from "@/lib/domain/roles";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { endRoleSchema, grantRoleSchema, handOverRoleSchema, NATIONAL_PLACE } from "@/lib/validation/roles";

const ROLE_OPTIONS = optionsOf(ROLE_LABELS);

/** Where this administrator may grant roles: their regions, and national roles for a national administrator. */
export type GrantPlaces = { regions: { id: string; name: string }[]; national: boolean };

/** Gives the person a role: on a team (by its code), in a region, or across the partnership, as the role allows. */
export function GrantRoleForm({ personId, places }: { personId: string; places: GrantPlaces }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: grantRoleSchema,
    action: grantRoleAction,
    values: { personId, role: "LABOR_COLEAD" as RoleKind, teamCode: "", region: places.regions.length === 1 ? places.regions[0]!.id : "", startDate: today, endDate: "" },
    success: "Role granted",
    resetOnSuccess: true,
  });
  const role = api.form.watch("role") as RoleKind;
  const scopes = ROLE_SCOPES[role] ?? [];
  const regionOptions = [
    { value: "", label: "Choose…" },
    ...places.regions.map((region) => ({ value: region.id, label: region.name })),
    ...(places.national && scopes.includes("national") ? [{ value: NATIONAL_PLACE, label: "The whole partnership (national)" }] : []),
  ];
  return (
    <ActionForm api={api} aria-label="Grant a role">
      <div className="grid gap-4 md:grid-cols-2">
        <FormField name="role" label="Role">
          {(control) => <Select {...control} options={ROLE_OPTIONS} />}
        </FormField>
        {scopes.includes("team") ? (
          <FormField name="teamCode" label="Team code" hint="The team's code, like CO-0042 (on the team's page)">
            {(control) => <Input {...control} autoComplete="off" maxLength={20} className="uppercase" />}
          </FormField>
        ) : (
          <FormField name="region" label={scopes.includes("national") ? "Region, or the whole partnership" : "Region"}>
            {(control) => <Select {...control} options={regionOptions} />}
          </FormField>
        )}
        <FormField name="startDate" label="From">
          {(control) => <Input {...control} type="date" />}
        </FormField>
        <FormField name="endDate" label="Until" hint="Optional: the last day, if it is known">
          {(control) => <Input {...control} type="date" />}
        </FormField>
      </div>
      <FormFooter submitLabel="Grant role" pendingLabel="Granting…" />
    </ActionForm>
  );
}

/** Ends a role on a day (its last day held); the record stays as history. */
export function EndRoleForm({ assignmentId, roleLabel }: { assignmentId: string; roleLabel: string }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: endRoleSchema,
    action: endRoleAction,
    values: { assignmentId, endDate: today },
    confirm: { title: `End this ${roleLabel} role?`, description: "The role stays on the record with its end date; the person loses what it lets them do after that day.", confirmLabel: "End role" },
  });
  return (
    <Disclosure summary="End…" label={`End ${roleLabel}`} variant="secondary">
      <ActionForm api={api} aria-label={`End ${roleLabel}`} className="max-w-sm">
        <FormField name="endDate" label="Last day held">
          {(control) => <Input {...control} type="date" />}
        </FormField>
        <FormFooter submitLabel="End role" pendingLabel="Ending…" variant="danger" />
      </ActionForm>
    </Disclosure>
  );
}

const SUCCESSOR_KINDS = [
  { value: "EXISTING", label: "Someone on the records" },
  { value: "NEW", label: "Someone new" },
];

/** Hands a team's co-lead or sponsor role to a successor: the holder's last day is the day before the handover day. */
export function HandOverForm({ assignmentId, roleLabel, holderName }: { assignmentId: string; roleLabel: string; holderName: string }) {
  const today = useLocalToday();
  const api = useActionForm({
    schema: handOverRoleSchema,
    action: handOverRoleAction,
    values: { assignmentId, day: today, successorKind: "EXISTING" as "EXISTING" | "NEW", successorKey: "", successorName: "", successorEmail: "" },
    confirm: {
      title: `Hand over the ${roleLabel} role?`,
      description: `${holderName}'s role ends the day before the handover day and the successor's begins on it. Both stay in the team's leadership history.`,
      confirmLabel: "Hand over",
    },
  });
  const kind = api.form.watch("successorKind");
  return (
    <Disclosure summary="Hand over…" label={`Hand over ${roleLabel}`} variant="secondary">
      <ActionForm api={api} aria-label={`Hand over ${roleLabel}`} className="max-w-xl">
        <FormChoices name="successorKind" type="radio" legend="Successor" options={SUCCESSOR_KINDS} listClassName="sm:grid-flow-col sm:justify-start" />
        {kind === "NEW" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField name="successorName" label="Successor's name">
              {(control) => <Input {...control} autoComplete="off" maxLength={160} />}
            </FormField>
            <FormField name="successorEmail" label="Successor's email">
              {(control) => <Input {...control} type="email" autoComplete="off" maxLength={254} />}
            </FormField>
          </div>
        ) : (
          <FormField name="successorKey" label="Successor's email or employee id">
            {(control) => <Input {...control} autoComplete="off" maxLength={254} />}
          </FormField>
        )}
        <FormField name="day" label="Handover day" hint={`The successor's first day; ${holderName}'s last is the day before`}>
          {(control) => <Input {...control} type="date" className="sm:max-w-xs" />}
        </FormField>
        <FormFooter submitLabel="Hand over" pendingLabel="Handing over…" />
      </ActionForm>
    </Disclosure>
  );
}
