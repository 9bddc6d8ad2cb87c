import type { Metadata } from "next";
import { UrlProblems } from "@/components/ui/url-problems";
import { TextLink } from "@/components/ui/text-link";
import { loadOverviewView } from "@/components/overview/overview-frame";
import { OverviewSections } from "@/components/overview/overview-sections";
import { PrintButton } from "@/components/ui/print-button";
import { requireUser } from "@/lib/auth/session";
import { formatQuarter } from "@/lib/domain/quarter";
import { describePlace, overviewParams } from "@/lib/reports/overview-view";
import { formatDay } from "@/lib/format";

export const metadata: Metadata = { title: "Quarterly report" };

/** The quarterly report of a region (or all regions): the overview laid out for paper, A4 or Letter. */
export default async function QuarterlyReportPage({ searchParams }: PageProps<"/overview/report">) {
  const user = await requireUser();
  const { view, fallback } = await loadOverviewView(user, await searchParams);
  if (!view) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Quarterly report</h1>
        {fallback}
      </div>
    );
  }

  return (
    <article className="report space-y-6" data-testid="quarterly-report">
      <div className="no-print flex flex-wrap items-center gap-4">
        <PrintButton />
        <TextLink href={`/overview?${overviewParams(view)}`} className="font-medium">
          Back to the overview
        </TextLink>
      </div>
      <UrlProblems messages={view.notices} />
      <header>
        <p className="text-sm uppercase tracking-wide text-slate-600">UBT Tracker · quarterly report</p>
        <h1 className="text-2xl font-semibold">
          {describePlace(view)}, {formatQuarter(view.quarter)}
        </h1>
        <p className="text-sm text-slate-600">Prepared {formatDay(new Date())} from final quarterly ratings and reported savings.</p>
      </header>
      <OverviewSections actor={user} view={view} print />
    </article>
  );
}
