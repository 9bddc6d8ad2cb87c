import { HistoryEntries } from "@/components/history/history-entries";
import { Breadcrumbs, type Crumb } from "@/components/ui/breadcrumbs";
import { UrlProblems } from "@/components/ui/url-problems";
import type { RecordHistory } from "@/lib/data/record-history";
import type { UrlProblem } from "@/lib/validation/url-filters";

/** The page every record's history has: where it is, what it covers, and the entries, paged. */
export function HistoryPage({
  crumbs,
  title,
  intro,
  history,
  pageHref,
  problems,
}: {
  crumbs: Crumb[];
  title: string;
  intro: React.ReactNode;
  history: RecordHistory;
  pageHref: (page: number) => string;
  problems: readonly UrlProblem[];
}) {
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl font-semibold break-words">{title}</h1>
        <p className="max-w-3xl text-slate-700">{intro}</p>
      </header>
      <UrlProblems problems={problems} instead="Showing the first page." />
      <HistoryEntries history={history} pageHref={pageHref} label="Changes" />
    </div>
  );
}

