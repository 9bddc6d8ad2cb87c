import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";
import type { TeamsNeedingAttention } from "@/lib/data/attention";
import { countOf, formatCount } from "@/lib/format";
import { attentionTables } from "@/lib/reports/overview-tables";
import type { TableModel } from "@/lib/reports/table-model";

function AttentionList({ title, count, model, empty, children }: { title: string; count: number; model: TableModel; empty: string; children?: React.ReactNode }) {
  return (
    <Card
      id={`attention-${model.id}`}
      headingLevel={3}
      title={
        <>
          {title} <span className="font-normal text-slate-600">({formatCount(count)})</span>
        </>
      }
      description={children}
      data-testid={`attention-${model.id}`}
    >
      {count === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <div>
          <DataTable model={model} csvHref={`/api/exports/overview/${model.id}`} />
          {model.rows.length < count && (
            <p className="mt-1 text-xs text-slate-600">
              Showing the first {formatCount(model.rows.length)} of {formatCount(count)}; the CSV has them all.
            </p>
          )}
        </div>
      )}
    </Card>
  );
}

/** The consultant's home: the teams of their region that need a visit. */
export function AttentionSection({ attention }: { attention: TeamsNeedingAttention }) {
  const tables = attentionTables(attention);
  const { notStarted } = attention;
  return (
    <section aria-labelledby="attention-title" className="space-y-4">
      <div>
        <h2 id="attention-title" className="text-xl font-semibold">
          Teams needing attention
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {attention.ratedQuarter
            ? `Levels are judged on ${attention.ratedQuarter}, the latest closed quarter with final ratings.`
            : "No closed quarter has final ratings yet, so no team can be stuck or have moved down."}{" "}
          <TextLink href="/overview" className="font-medium">
            See your region&apos;s overview
          </TextLink>
        </p>
      </div>
      {attention.ratedQuarter === null && <EmptyState title="No level history yet">Stuck and moved-down teams appear after the first rated quarter closes.</EmptyState>}
      <AttentionList
        title="Ratings not started"
        count={notStarted.near ? notStarted.count : 0}
        model={tables["not-started"]}
        empty={
          notStarted.near
            ? `Every team has a ${notStarted.quarter} rating under way.`
            : `${notStarted.quarter} ends in ${countOf(notStarted.daysLeft, "day")}; teams without a rating are listed here in the quarter's last weeks (${formatCount(notStarted.count)} ${notStarted.count === 1 ? "has" : "have"} none yet).`
        }
      >
        {notStarted.near && notStarted.count > 0 && (
          <p className="text-amber-900">
            {notStarted.quarter} ends in {countOf(notStarted.daysLeft, "day")}.
          </p>
        )}
      </AttentionList>
      <AttentionList title="Moved down a level" count={attention.movedDown.count} model={tables["moved-down"]} empty="No team moved down." />
      <AttentionList title="Stuck at the same level for four or more quarters" count={attention.stuck.count} model={tables.stuck} empty="No team is stuck below level 5." />
      <AttentionList
        title="Projects breaking the 90-day rule"
        count={attention.staleProjects.count}
        model={tables["stale-projects"]}
        empty="Every open project has been updated in the last 90 days."
      />
    </section>
  );
}
