import { cn } from "@/lib/cn";

/**
 * A table that scrolls sideways inside its own box when it is wider than the screen,
 * so the page itself never does. The caption names it for screen readers. The box is
 * `relative` so that screen-reader-only text in a cell (absolutely positioned) stays in
 * it too; otherwise it would widen the page on a phone.
 */
export function Table({ caption, className, children, ...props }: React.ComponentProps<"table"> & { caption: React.ReactNode }) {
  return (
    <div className="relative max-w-full overflow-x-auto print:overflow-visible">
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead className={cn("border-b border-slate-300 text-slate-700", className)} {...props} />;
}

export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("border-b border-slate-100 align-top", className)} {...props} />;
}

/** A header cell: a column's (scope="col", the default) or a row's (scope="row"). `numeric` right-aligns figures. */
export function TableHeader({ className, numeric, scope = "col", ...props }: React.ComponentProps<"th"> & { numeric?: boolean }) {
  return <th scope={scope} className={cn("py-2 pr-4", scope === "col" ? "font-semibold" : "font-medium", numeric && "text-right tabular-nums", className)} {...props} />;
}

export function TableCell({ className, numeric, ...props }: React.ComponentProps<"td"> & { numeric?: boolean }) {
  return <td className={cn("py-2 pr-4", numeric && "text-right tabular-nums", className)} {...props} />;
}
