import { EditSavingsForm, SavingsForm, type SavingsFormEntry } from "@/components/projects/savings/savings-form";
import { ReviewActions, SavingsTable } from "@/components/projects/savings/savings-table";
import { SavingsTotalsSummary } from "@/components/projects/savings/savings-totals";
import { Card } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import type { ProjectTarget } from "@/lib/data/projects";
import { getProjectSavings, type SavingsEntryView } from "@/lib/data/savings";
import { formatCents } from "@/lib/domain/money";
import { isAwaitingReview, isEditable } from "@/lib/domain/savings";
import { toDayString } from "@/lib/validation/dates";

/** A project's reported savings and their review; co-leads and the consultant add and correct them, validators review them. */
export async function SavingsSection({ project, user }: { project: ProjectTarget; user: CurrentUser }) {
  const { entries, totals } = await getProjectSavings(user, project.projectId);
  const mayReport = can(user, "savings.report", project.team);
  const mayValidate = can(user, "savings.validate", project.team);

  const actions = (entry: SavingsEntryView) => {
    const review = mayValidate && isAwaitingReview(entry.status);
    const edit = mayReport && isEditable(entry.status);
    if (!review && !edit) return null;
    return (
      <div className="space-y-2">
        {review && <ReviewActions entry={entry} personId={user.personId} />}
        {edit && (
          <Disclosure
            summary={entry.status === "REJECTED" ? "Correct and report again" : "Edit"}
            label={`${entry.status === "REJECTED" ? "Correct and report again" : "Edit"} the entry of ${formatCents(entry.amountCents)}`}
          >
            <EditSavingsForm entry={formEntry(entry)} />
          </Disclosure>
        )}
      </div>
    );
  };

  return (
    <Card
      id="savings"
      title="Savings"
      description="Savings this project achieved for the organisation, credited to this team only. LMP staff or a finance reviewer validate each entry; validated figures are locked."
    >
      {entries.length > 0 && <SavingsTotalsSummary totals={totals} />}
      <div>
        {entries.length === 0 ? (
          <EmptyState title="No savings reported yet">
            {mayReport ? "Report savings once the change has saved money, with how you calculated them." : "The team has not reported savings from this project."}
          </EmptyState>
        ) : (
          <SavingsTable entries={entries} caption={`Savings reported for ${project.title}`} actions={actions} />
        )}
      </div>
      {mayReport && (
        <div className="no-print border-t border-slate-200 pt-6">
          <h3 className="mb-3 font-semibold">Add savings</h3>
          <SavingsForm projectId={project.projectId} />
        </div>
      )}
    </Card>
  );
}

function formEntry(entry: SavingsEntryView): SavingsFormEntry {
  const day = (date: Date | null) => (date ? toDayString(date) : "");
  return {
    id: entry.id,
    version: entry.version,
    // "$12,345.67": the form reads the "$" and commas back.
    amount: formatCents(entry.amountCents),
    category: entry.category,
    recurrence: entry.recurrence,
    periodStart: day(entry.periodStart),
    periodEnd: day(entry.periodEnd),
    reportedOn: day(entry.reportedOn),
    method: entry.method,
    evidence: entry.evidence ?? "",
  };
}
