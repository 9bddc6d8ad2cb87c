import type { Quarter } from "@/lib/domain/quarter";
import { Field } from "./field";
import { FilterForm } from "./filter-form";
import { Select } from "./select";

/** The quarter of a view, chosen in the URL. */
export function QuarterForm({ action, quarter, quarters }: { action: string; quarter: Quarter; quarters: readonly Quarter[] }) {
  return (
    <FilterForm action={action} label="Quarter">
      <Field label="Quarter" className="sm:w-40">
        {(control) => <Select {...control} name="quarter" defaultValue={quarter} options={quarters.map((option) => ({ value: option, label: option }))} />}
      </Field>
    </FilterForm>
  );
}
