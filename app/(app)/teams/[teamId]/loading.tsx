export default function TeamLoading() {
  return (
    <div className="space-y-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the team…</p>
      <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="h-28 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-72 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
