import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HistoryPage } from "@/components/history/history-page";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getRatingRecordHistory } from "@/lib/data/record-history";
import { formatQuarter, quarterSchema } from "@/lib/domain/quarter";
import { readUrlFilters, urlFilters, urlQuery } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Rating history" };

export default async function RatingHistoryPage({ params, searchParams }: PageProps<"/teams/[teamId]/ratings/[quarter]/history">) {
  const user = await requireUser();
  const { teamId, quarter: asked } = await params;
  const search = await searchParams;
  const parsed = quarterSchema.safeParse(asked);
  if (!parsed.success) notFound();
  const kind = search.kind === "self" ? "SELF_ASSESSMENT" : "QUARTERLY";
  const { values, problems } = readUrlFilters(search, { page: urlFilters.page });
  const { team, quarter, history } = await guardPage(getRatingRecordHistory(user, teamId, parsed.data, kind, values.page ?? 1));
  const what = kind === "SELF_ASSESSMENT" ? "Self-assessment" : "Quarterly rating";
  const ratingHref = `/teams/${team.id}/ratings/${quarter}${kind === "SELF_ASSESSMENT" ? "?kind=self" : ""}`;
  const kindParam = kind === "SELF_ASSESSMENT" ? "self" : undefined;
  return (
    <HistoryPage
      crumbs={[{ label: team.name, href: `/teams/${team.id}` }, { label: `${what}, ${formatQuarter(quarter)}`, href: ratingHref }, { label: "History" }]}
      title={`History of the ${what.toLowerCase()}, ${formatQuarter(quarter)}`}
      intro="Every save with the criteria ticked or unticked, every sign-off and disagreement with its reason, and every reopening."
      history={history}
      pageHref={(page) => `/teams/${team.id}/ratings/${quarter}/history?${urlQuery({ kind: kindParam, page: page > 1 ? page : undefined })}`}
      problems={problems}
    />
  );
}
