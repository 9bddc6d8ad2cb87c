/**
 * A titled card of the overview pages; on paper, plain. A section may run over
 * a page break (keeping a long one whole left page 1 holding only the report's
 * title), but its title and description stay whole and with what follows them.
 */
export function Section({ id, title, description, children }: { id: string; title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-6 print:border-0 print:p-0" data-testid={`section-${id}`}>
      <div className="print:break-inside-avoid print:break-after-avoid">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
      </div>
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}
