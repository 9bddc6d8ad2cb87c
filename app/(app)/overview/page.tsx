import type { Metadata } from "next";
import { UrlProblems } from "@/components/ui/url-problems";
import { TextLink } from "@/components/ui/text-link";
import { OverviewBreadcrumbs, loadOverviewView } from "@/components/overview/overview-frame";
import { OverviewFilterForm } from "@/components/overview/overview-filter-form";
import { OverviewSections } from "@/components/overview/overview-sections";
import { requireUser } from "@/lib/auth/session";
import { getOverviewPlaces } from "@/lib/data/overview";
import { describePlace, overviewParams } from "@/lib/reports/overview-view";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: PageProps<"/overview">) {
  const user = await requireUser();
  const { view, fallback } = await loadOverviewView(user, await searchParams);
  if (!view) return <Frame title="Overview">{fallback}</Frame>;
  const places = await getOverviewPlaces(user, view.filters.regionId);
  const title = view.facility?.name ?? view.region?.name ?? view.home.region?.name ?? "National overview";

  return (
    <Frame title={title}>
      <OverviewBreadcrumbs view={view} />
      <p className="text-slate-700">
        {describePlace(view)}, {view.quarter}.{" "}
        <TextLink href={`/overview/linkage?${overviewParams(view, { facility: null })}`} className="font-medium">
          Does level go with savings? See the linkage view
        </TextLink>
        {" · "}
        <TextLink href={`/overview/report?${overviewParams(view)}`} className="font-medium">
          Printable quarterly report
        </TextLink>
      </p>
      <OverviewFilterForm action="/overview" view={view} places={places} />
      <UrlProblems messages={view.notices} />
      <OverviewSections actor={user} view={view} />
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </div>
  );
}
