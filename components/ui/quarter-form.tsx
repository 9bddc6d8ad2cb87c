import type { Quarter } from "@/lib/domain/quarter";

/** A GET form: the chosen quarter lives in the URL, so every view can be bookmarked and shared. */
export function QuarterForm({ action, quarter, quarters }: { action: string; quarter: Quarter; quarters: readonly Quarter[] }) {
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="quarter" className="block text-sm font-medium text-slate-800">
          Quarter
        </label>
        <select id="quarter" name="quarter" defaultValue={quarter} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
          {quarters.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Show
      </button>
    </form>
  );
}
