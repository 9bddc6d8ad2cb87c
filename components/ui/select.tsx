import { cn } from "@/lib/cn";
import { controlVariants } from "./control";

export type SelectOption = { value: string; label: string };

/**
 * The browser's own select, styled: on phones it opens the system picker, which is
 * easier to use than any custom list. `options` or children (for groups).
 */
export function Select({ className, options, children, ...props }: React.ComponentProps<"select"> & { options?: readonly SelectOption[] }) {
  return (
    <select className={cn(controlVariants(), "pr-8", className)} {...props}>
      {options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}

/** A label table (status → words) as options, in the table's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): SelectOption[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}
