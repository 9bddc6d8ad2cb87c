import { SavingsForm, type SavingsFormEntry } from "@/components/projects/savings/savings-form";
import { ReviewActions, SavingsTable } from "@/components/projects/savings/savings-table";
import { SavingsTotalsSummary } from "@/components/projects/savings/savings-totals";
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
          <details>
            <summary className="cursor-pointer py-2 text-sm font-medium text-brand-700">
              {entry.status === "REJECTED" ? "Correct and report again" : "Edit"}
              <span className="sr-only"> the entry of {formatCents(entry.amountCents)}</span>
            </summary>
            <div className="mt-2">
              <SavingsForm entry={formEntry(entry)} />
            </div>
          </details>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="savings-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="savings-title" className="text-lg font-semibold">
        Savings
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Savings this project achieved for the organisation, credited to this team only. LMP staff or a finance reviewer validate each
        entry; validated figures are locked.
      </p>
      {entries.length > 0 && (
        <div className="mt-3">
          <SavingsTotalsSummary totals={totals} />
        </div>
      )}
      <div className="mt-4">
        {entries.length === 0 ? (
          <EmptyState title="No savings reported yet">
            {mayReport ? "Report savings once the change has saved money, with how you calculated them." : "The team has not reported savings from this project."}
          </EmptyState>
        ) : (
          <SavingsTable entries={entries} caption={`Savings reported for ${project.title}`} actions={actions} />
        )}
      </div>
      {mayReport && (
        <div className="no-print mt-6 border-t border-slate-200 pt-6">
          <h3 className="mb-3 font-semibold">Add savings</h3>
          <SavingsForm projectId={project.projectId} />
        </div>
      )}
    </section>
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
