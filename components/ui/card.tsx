import { cn } from "@/lib/cn";

/**
 * A titled card: the page section of every screen. `actions` sit at the title's right
 * (below it on a phone). On paper it is plain, and may run over a page break (keeping a
 * long one whole left page 1 of the report holding only its title), but its title block
 * stays whole and with what follows it.
 */
export function Card({
  id,
  title,
  description,
  actions,
  headingLevel = 2,
  className,
  children,
  ...props
}: {
  id: string;
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  headingLevel?: 2 | 3;
  className?: string;
  children?: React.ReactNode;
} & Omit<React.ComponentProps<"section">, "title" | "id">) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`section-${id}`}
      className={cn("min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0", className)}
      {...props}
    >
      <div className="flex flex-wrap items-start justify-between gap-3 print:break-inside-avoid print:break-after-avoid">
        <div className="min-w-0">
          <Heading id={`${id}-title`} className={cn("font-semibold break-words", headingLevel === 2 ? "text-lg" : "text-base")}>
            {title}
          </Heading>
          {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
        </div>
        {actions && <div className="no-print flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {children && <div className="mt-4 space-y-4">{children}</div>}
    </section>
  );
}
