/** A titled card of the overview pages; on paper, plain and kept on one page where it fits. */
export function Section({ id, title, description, children }: { id: string; title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-6 print:border-0 print:p-0" data-testid={`section-${id}`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}
