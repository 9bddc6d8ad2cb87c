import type { Metadata } from "next";
import { HistoryPage } from "@/components/history/history-page";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getTeamRecordHistory } from "@/lib/data/record-history";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Team history" };

export default async function TeamHistoryPage({ params, searchParams }: PageProps<"/teams/[teamId]/history">) {
  const user = await requireUser();
  const { teamId } = await params;
  const { values, problems } = readUrlFilters(await searchParams, { page: urlFilters.page });
  const { team, history } = await guardPage(getTeamRecordHistory(user, teamId, values.page ?? 1));
  const base = `/teams/${team.id}/history`;
  return (
    <HistoryPage
      crumbs={[{ label: team.name, href: `/teams/${team.id}` }, { label: "History" }]}
      title={`History of ${team.name}`}
      intro="Every change to the team's details, its roster and key roles, and who held its co-lead and sponsor roles. Ratings and projects have histories of their own, linked from their pages."
      history={history}
      pageHref={(page) => (page > 1 ? `${base}?page=${page}` : base)}
      problems={problems}
    />
  );
}
