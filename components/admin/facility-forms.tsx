"use client";

import { ActionForm, FormField, FormFooter } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Input } from "@/components/ui/input";
import { createFacilityAction, reactivateFacilityAction, retireFacilityAction, updateFacilityAction } from "@/lib/actions/organisation";
import { countOf } from "@/lib/format";
import { createFacilitySchema, facilityIdSchema, updateFacilitySchema } from "@/lib/validation/organisation";

/** A new facility in a region; the browser goes on to its page. */
export function CreateFacilityForm({ regionId, regionName }: { regionId: string; regionName: string }) {
  const api = useActionForm({ schema: createFacilitySchema, action: createFacilityAction, values: { regionId, name: "" } });
  return (
    <ActionForm api={api} aria-label={`Add a facility in ${regionName}`} className="max-w-xl">
      <FormField name="name" label="Facility name" hint={`Unique in ${regionName}`}>
        {(control) => <Input {...control} maxLength={160} autoComplete="off" />}
      </FormField>
      <FormFooter submitLabel="Add facility" pendingLabel="Adding…" />
    </ActionForm>
  );
}

export function RenameFacilityForm({ facilityId, name }: { facilityId: string; name: string }) {
  const api = useActionForm({ schema: updateFacilitySchema, action: updateFacilityAction, values: { facilityId, name }, success: "Saved" });
  return (
    <ActionForm api={api} aria-label={`Rename ${name}`} className="max-w-xl">
      <FormField name="name" label="Facility name">
        {(control) => <Input {...control} maxLength={160} autoComplete="off" />}
      </FormField>
      <FormFooter submitLabel="Save name" />
    </ActionForm>
  );
}

/**
 * Retires an open facility with its teams from the next quarter, or reopens a retired one
 * with the teams that retired with it; both asked first.
 */
export function FacilityRetirementForm({
  facility,
  operatingTeams,
  retiresFrom,
}: {
  facility: { id: string; name: string; retiredQuarter: string | null };
  operatingTeams: number;
  /** "Q1 2027": the quarter a retirement made today takes effect. */
  retiresFrom: string;
}) {
  const retired = facility.retiredQuarter !== null;
  const api = useActionForm({
    schema: facilityIdSchema,
    action: retired ? reactivateFacilityAction : retireFacilityAction,
    values: { facilityId: facility.id },
    confirm: retired
      ? {
          title: `Reactivate ${facility.name}?`,
          description: "The facility reopens, with the teams that retired with it. Teams retired on their own stay retired.",
          confirmLabel: "Reactivate facility",
        }
      : {
          title: `Retire ${facility.name} from ${retiresFrom}?`,
          description: `The facility and its ${countOf(operatingTeams, "active team")} retire from ${retiresFrom}: they count in this quarter's roll-ups and sponsor queues, and leave them from ${retiresFrom}. Their history stays.`,
          confirmLabel: "Retire facility",
          destructive: true,
        },
  });
  return (
    <ActionForm api={api} aria-label={retired ? `Reactivate ${facility.name}` : `Retire ${facility.name}`}>
      <FormFooter submitLabel={retired ? "Reactivate facility" : "Retire facility…"} pendingLabel={retired ? "Reactivating…" : "Retiring…"} variant={retired ? "secondary" : "danger"} />
    </ActionForm>
  );
}
