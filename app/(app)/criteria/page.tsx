import type { Metadata } from "next";
import { StartDraftButton } from "@/components/criteria/start-draft-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireUser } from "@/lib/auth/session";
import { listCriteriaSets, type CriteriaSetSummary } from "@/lib/data/criteria";
import { formatCount, formatDay } from "@/lib/format";
import { criteriaPermissions } from "@/lib/services/criteria";

export const metadata: Metadata = { title: "Criteria" };

export default async function CriteriaPage() {
  const user = await requireUser();
  const sets = await listCriteriaSets();
  const mayEdit = criteriaPermissions(user).edit;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Path to Performance criteria</h1>
      <p className="max-w-3xl text-slate-700">
        Teams are rated against criteria in seven dimensions at each of the five levels. A team reaches a level only when it meets every
        criterion of that level in every dimension. Ratings use the published version; earlier versions are kept, retired, for the ratings
        made with them.
      </p>
      {mayEdit && <DraftEntry sets={sets} />}
      {sets.length === 0 ? (
        <EmptyState title="No criteria yet">Partnership staff start the first version as a draft and publish it.</EmptyState>
      ) : (
        <VersionsTable sets={sets} />
      )}
    </div>
  );
}

/** Only one draft at a time: continue the open one, or start the next. */
function DraftEntry({ sets }: { sets: CriteriaSetSummary[] }) {
  const draft = sets.find((set) => set.status === "DRAFT");
  if (!draft) return <StartDraftButton />;
  return (
    <Notice tone="warning">
      Version {draft.version} is being drafted. <TextLink href={`/criteria/${draft.version}`} className="font-medium">Continue the draft</TextLink>
    </Notice>
  );
}

function VersionsTable({ sets }: { sets: CriteriaSetSummary[] }) {
  return (
    <Card id="versions" title="Versions">
      <Table caption="Criteria set versions, newest first" className="min-w-[36rem]" data-testid="criteria-sets">
        <TableHead>
          <tr>
            <TableHeader>Version</TableHeader>
            <TableHeader>Name</TableHeader>
            <TableHeader>Status</TableHeader>
            <TableHeader>Published</TableHeader>
            <TableHeader numeric className="pr-0">
              Criteria
            </TableHeader>
          </tr>
        </TableHead>
        <tbody>
          {sets.map((set) => (
            <TableRow key={set.id}>
              <TableHeader scope="row" numeric className="text-left">
                {set.version}
              </TableHeader>
              <TableCell>
                <TextLink href={`/criteria/${set.version}`} className="font-medium">
                  {set.name}
                </TextLink>
              </TableCell>
              <TableCell>
                <StatusBadge kind="criteriaSet" status={set.status} size="sm" />
              </TableCell>
              <TableCell className="whitespace-nowrap">{set.publishedAt ? formatDay(set.publishedAt) : "—"}</TableCell>
              <TableCell numeric className="pr-0">
                {formatCount(set.criteriaCount)}
              </TableCell>
            </TableRow>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
