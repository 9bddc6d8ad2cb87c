import { cn } from "@/lib/cn";
import { Button } from "./button";

/**
 * A GET form of filters: every choice lands in the URL, so a view can be bookmarked and
 * shared, and back/forward step through earlier views. Stacked on a phone, in a row wider up.
 */
export function FilterForm({ action, label = "Filters", framed = false, children }: { action: string; label?: string; framed?: boolean; children: React.ReactNode }) {
  return (
    <form
      method="get"
      action={action}
      aria-label={label}
      className={cn("no-print grid gap-3 sm:flex sm:flex-wrap sm:items-end", framed && "rounded-lg border border-slate-200 bg-white p-4")}
    >
      {children}
      <Button type="submit">Show</Button>
    </form>
  );
}
