import type { OverviewPlaces } from "@/lib/data/overview";
import { COMPASS_POINTS } from "@/lib/domain/projects";
import { quarterRange } from "@/lib/domain/quarter";
import type { OverviewView } from "@/lib/reports/overview-view";

type Option = { value: string; label: string };

function SelectField({ name, label, value, options }: { name: string; label: string; value: string; options: Option[] }) {
  return (
    // No wider than the form: a long facility name must not push its select out of the card on a phone.
    <div className="min-w-0 max-w-full">
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className="mt-1 block max-w-full rounded-md border border-slate-300 bg-white px-3 py-2">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const asOptions = (quarters: readonly string[]): Option[] => quarters.map((quarter) => ({ value: quarter, label: quarter }));

/**
 * The overview's filters as a GET form: every choice lands in the URL, so a view
 * can be bookmarked and shared, and back/forward step through earlier views.
 */
export function OverviewFilterForm({ action, view, places }: { action: string; view: OverviewView; places: OverviewPlaces }) {
  const regions = places.regions.map((region) => ({ value: region.slug, label: region.name }));
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filters">
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
        options={[{ value: "", label: "All points" }, ...COMPASS_POINTS.map((point) => ({ value: point.key, label: point.label }))]}
      />
      {/* The cumulative savings may start at any quarter up to the one shown. */}
      <SelectField name="since" label="Savings summed from" value={view.since} options={asOptions(quarterRange(view.ratedQuarters.at(-1)!, view.quarter).reverse())} />
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Show
      </button>
    </form>
  );
}
