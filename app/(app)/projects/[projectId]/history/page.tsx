import type { Metadata } from "next";
import { HistoryPage } from "@/components/history/history-page";
import { guardPage } from "@/lib/auth/page-guard";
import { requireUser } from "@/lib/auth/session";
import { getProjectRecordHistory } from "@/lib/data/record-history";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

export const metadata: Metadata = { title: "Project history" };

export default async function ProjectHistoryPage({ params, searchParams }: PageProps<"/projects/[projectId]/history">) {
  const user = await requireUser();
  const { projectId } = await params;
  const { values, problems } = readUrlFilters(await searchParams, { page: urlFilters.page });
  const { project, history } = await guardPage(getProjectRecordHistory(user, projectId, values.page ?? 1));
  const base = `/projects/${project.id}/history`;
  return (
    <HistoryPage
      crumbs={[
        { label: project.team.name, href: `/teams/${project.team.id}` },
        { label: project.title, href: `/projects/${project.id}` },
        { label: "History" },
      ]}
      title={`History of ${project.title}`}
      intro="Every change to the project, its measures and their data points, its PDSA cycles and its savings entries; each line says which of them it was."
      history={history}
      pageHref={(page) => (page > 1 ? `${base}?page=${page}` : base)}
      problems={problems}
    />
  );
}
