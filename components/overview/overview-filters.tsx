import type { OverviewPlaces } from "@/lib/data/overview";
import { COMPASS_POINTS } from "@/lib/domain/projects";
import { quarterRange, type Quarter } from "@/lib/domain/quarter";
import type { OverviewView } from "@/lib/reports/overview-view";

const FIELD = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2";

/**
 * The overview's filters as a GET form: every choice lands in the URL, so a view
 * can be bookmarked and shared, and back/forward step through earlier views.
 */
export function OverviewFilters({ action, view, places }: { action: string; view: OverviewView; places: OverviewPlaces }) {
  const oldest = view.ratedQuarters.at(-1)!;
  const sinceOptions: Quarter[] = quarterRange(oldest, view.quarter).reverse();
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filters">
      <div>
        <label htmlFor="filter-quarter" className="block text-sm font-medium text-slate-800">Quarter</label>
        <select id="filter-quarter" name="quarter" defaultValue={view.quarter} className={FIELD}>
          {view.ratedQuarters.map((quarter) => (
            <option key={quarter} value={quarter}>{quarter}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-region" className="block text-sm font-medium text-slate-800">Region</label>
        <select id="filter-region" name="region" defaultValue={view.region?.slug ?? ""} className={FIELD}>
          {places.regions.length > 1 && <option value="">All regions</option>}
          {places.regions.map((region) => (
            <option key={region.id} value={region.slug}>{region.name}</option>
          ))}
        </select>
      </div>
      {places.facilities.length > 0 && (
        <div>
          <label htmlFor="filter-facility" className="block text-sm font-medium text-slate-800">Facility</label>
          <select id="filter-facility" name="facility" defaultValue={view.facility?.id ?? ""} className={FIELD}>
            <option value="">All facilities</option>
            {places.facilities.map((facility) => (
              <option key={facility.id} value={facility.id}>{facility.name}</option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor="filter-compass" className="block text-sm font-medium text-slate-800">Value Compass point</label>
        <select id="filter-compass" name="compass" defaultValue={view.compassPoint ?? ""} className={FIELD}>
          <option value="">All points</option>
          {COMPASS_POINTS.map((point) => (
            <option key={point.key} value={point.key}>{point.label}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-since" className="block text-sm font-medium text-slate-800">Savings summed from</label>
        <select id="filter-since" name="since" defaultValue={view.since} className={FIELD}>
          {sinceOptions.map((quarter) => (
            <option key={quarter} value={quarter}>{quarter}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Show
      </button>
    </form>
  );
}
