import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { optionsOf, Select, type SelectOption } from "@/components/ui/select";
import type { OverviewPlaces } from "@/lib/data/overview";
import { COMPASS_LABELS } from "@/lib/domain/projects";
import { quarterRange } from "@/lib/domain/quarter";
import type { OverviewView } from "@/lib/reports/overview-view";


function SelectField({ name, label, value, options }: { name: string; label: string; value: string; options: SelectOption[] }) {
  return (
    // No wider than the form: a long facility name must not push its select out of the card on a phone.
    <Field label={label} className="max-w-full sm:max-w-72">
      {(control) => <Select {...control} name={name} defaultValue={value} options={options} />}
    </Field>
  );
}

const asOptions = (quarters: readonly string[]): SelectOption[] => quarters.map((quarter) => ({ value: quarter, label: quarter }));

/** The overview's filters. */
export function OverviewFilterForm({ action, view, places }: { action: string; view: OverviewView; places: OverviewPlaces }) {
  const regions = places.regions.map((region) => ({ value: region.slug, label: region.name }));
  return (
    <FilterForm action={action} framed>
      <SelectField name="quarter" label="Quarter" value={view.quarter} options={asOptions(view.ratedQuarters)} />
      {/* Someone who sees one region has it as their only choice, never an "All regions" they cannot open. */}
      <SelectField
        name="region"
        label="Region"
        value={view.region?.slug ?? view.home.region?.slug ?? ""}
        options={regions.length > 1 ? [{ value: "", label: view.home.label }, ...regions] : regions}
      />
      {places.facilities.length > 0 && (
        <SelectField
          name="facility"
          label="Facility"
          value={view.facility?.id ?? ""}
          options={[{ value: "", label: "All facilities" }, ...places.facilities.map((facility) => ({ value: facility.id, label: facility.name }))]}
        />
      )}
      <SelectField
        name="compass"
        label="Value Compass point"
        value={view.compassPoint ?? ""}
        options={[{ value: "", label: "All points" }, ...optionsOf(COMPASS_LABELS)]}
      />
      {/* The cumulative savings may start at any quarter up to the one shown. */}
      <SelectField name="since" label="Savings summed from" value={view.since} options={asOptions(quarterRange(view.ratedQuarters.at(-1)!, view.quarter).reverse())} />
    </FilterForm>
  );
}
