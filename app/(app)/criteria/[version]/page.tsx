import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CriteriaGrid } from "@/components/criteria/criteria-grid";
import { DraftControls } from "@/components/criteria/draft-controls";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { requireUser } from "@/lib/auth/session";
import { getCriteriaSetByVersion, type CriteriaSetWithCriteria } from "@/lib/data/criteria";
import { emptyCells } from "@/lib/domain/rating-level";
import { formatDay } from "@/lib/format";
import { criteriaPermissions } from "@/lib/services/criteria";

export const metadata: Metadata = { title: "Criteria" };

export default async function CriteriaSetPage({ params }: PageProps<"/criteria/[version]">) {
  const user = await requireUser();
  const { version } = await params;
  // Only plain digits name a version ("1e0" or " 2" would otherwise pass as numbers).
  const set = /^\d+$/.test(version) ? await getCriteriaSetByVersion(Number(version)) : null;
  if (!set) notFound();

  const permissions = criteriaPermissions(user);
  const editable = set.status === "DRAFT" && permissions.edit;

  return (
    <div className="space-y-6">
      <TextLink href="/criteria" className="text-sm font-medium">
        All versions
      </TextLink>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{set.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          <span>Version {set.version}</span>
          <StatusBadge kind="criteriaSet" status={set.status} size="sm" />
          <span>{statusDescription(set)}</span>
        </p>
      </header>
      {set.status === "DRAFT" && <EmptyCellsNotice count={emptyCells(set.criteria).length} />}
      {editable && <DraftControls draft={{ id: set.id, version: set.version, name: set.name }} mayPublish={permissions.publish} />}
      <CriteriaGrid set={set} editable={editable} />
    </div>
  );
}

function statusDescription(set: CriteriaSetWithCriteria): string {
  const published = set.publishedAt ? formatDay(set.publishedAt) : "—";
  switch (set.status) {
    case "DRAFT":
      return "Not published yet: ratings do not use it.";
    case "PUBLISHED":
      return `Published ${published}${set.publishedByName ? ` by ${set.publishedByName}` : ""}; ratings use this version.`;
    case "RETIRED":
      return `Published ${published}, since replaced by a later version. Ratings made with it keep it.`;
  }
}

function EmptyCellsNotice({ count }: { count: number }) {
  return count === 0 ? (
    <Notice tone="success">Every level of every dimension has at least one criterion.</Notice>
  ) : (
    <Notice tone="warning">
      {count === 1
        ? "1 cell needs a criterion before this version can be published; it is highlighted below."
        : `${count} cells need a criterion before this version can be published; they are highlighted below.`}
    </Notice>
  );
}
