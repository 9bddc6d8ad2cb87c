import type { Metadata } from "next";
import { HistoryPage } from "@/components/history/history-page";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getSavingsEntryHistory, savingsHistoryHref } from "@/lib/data/record-history";
import { formatCents } from "@/lib/domain/money";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Savings entry history" };

export default async function SavingsEntryHistoryPage({ params, searchParams }: PageProps<"/projects/[projectId]/savings/[entryId]/history">) {
  const user = await requireUser();
  const { projectId, entryId } = await params;
  const { values, problems } = readUrlFilters(await searchParams, { page: urlFilters.page });
  const { entry, project, team, history } = await guardPage(getSavingsEntryHistory(user, projectId, entryId, values.page ?? 1));
  const base = savingsHistoryHref(project.id, entry.id);
  return (
    <HistoryPage
      crumbs={[
        { label: team.name, href: `/teams/${team.id}` },
        { label: project.title, href: `/projects/${project.id}#savings` },
        { label: `Savings entry of ${formatCents(entry.amountCents)}` },
        { label: "History" },
      ]}
      title={`History of the savings entry of ${formatCents(entry.amountCents)}`}
      intro="When it was reported and corrected, and each review: validated, or rejected with the reason."
      history={history}
      pageHref={(page) => (page > 1 ? `${base}?page=${page}` : base)}
      problems={problems}
    />
  );
}
