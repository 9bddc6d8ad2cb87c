import Link from "next/link";
import { COMPASS_POINTS } from "@/lib/domain/projects";
import type { RegionOption } from "@/lib/data/practices";
import { DepartmentType } from "@/lib/generated/prisma/enums";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";

/** The form's fields as typed, keyed by their URL names. */
export type SearchFormValues = Record<"q" | "compass" | "department" | "region" | "minSavings", string>;

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600";

/** A GET form: the search lives in the URL, so results can be bookmarked and shared. */
export function PracticeSearchForm({ values, regions, fieldErrors }: { values: SearchFormValues; regions: RegionOption[]; fieldErrors: Record<string, string[]> }) {
  const describe = (name: keyof SearchFormValues) => ({
    id: `search-${name}`,
    name,
    defaultValue: values[name],
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `search-${name}-error` : undefined,
  });

  return (
    <form method="get" action="/practices" role="search" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
      <Field name="q" label="Search" hint="Words in the title or aim" errors={fieldErrors.q} wide>
        <input type="search" maxLength={200} {...describe("q")} className={control} />
      </Field>
      <Field name="compass" label="Value Compass point" errors={fieldErrors.compass}>
        <select {...describe("compass")} className={control}>
          <option value="">Any point</option>
          {COMPASS_POINTS.map((point) => (
            <option key={point.key} value={point.key}>
              {point.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="department" label="Department type" errors={fieldErrors.department}>
        <select {...describe("department")} className={control}>
          <option value="">Any department type</option>
          {Object.values(DepartmentType).map((type) => (
            <option key={type} value={type}>
              {DEPARTMENT_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="region" label="Region" errors={fieldErrors.region}>
        <select {...describe("region")} className={control}>
          <option value="">Any region</option>
          {regions.map((region) => (
            <option key={region.slug} value={region.slug}>
              {region.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="minSavings" label="Minimum validated savings" hint="In dollars, like 10,000" errors={fieldErrors.minSavings}>
        <input type="text" inputMode="decimal" {...describe("minSavings")} className={control} />
      </Field>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Find practices
        </button>
        <Link href="/practices" className="py-2 text-sm font-medium text-brand-700 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}

function Field({ name, label, hint, errors, wide, children }: { name: string; label: string; hint?: string; errors?: string[]; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <label htmlFor={`search-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
        {hint && <span className="ml-2 font-normal text-slate-500">{hint}</span>}
      </label>
      {children}
      {errors && (
        <p id={`search-${name}-error`} className="mt-1 text-sm text-red-700" data-testid="form-error">
          {errors[0]}
        </p>
      )}
    </div>
  );
}
