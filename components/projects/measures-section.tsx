import { RunChart } from "@/components/charts/run-chart";
import { AddDataPointForm } from "@/components/projects/measures/add-data-point-form";
import { MeasureForm } from "@/components/projects/measures/measure-form";
import { RemoveButton } from "@/components/projects/measures/remove-button";
import { EmptyState } from "@/components/ui/empty-state";
import { removeDataPointAction, removeMeasureAction } from "@/lib/actions/measures";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getProjectMeasures, type DataPointView, type MeasureView } from "@/lib/data/measures";
import type { ProjectTarget } from "@/lib/data/projects";
import { buildRunChart, SHIFT_LENGTH, type RunChart as RunChartModel, type Shift } from "@/lib/domain/run-chart";
import { formatCount } from "@/lib/format";
import { DIRECTION_LABELS, MEASURE_KIND_LABELS } from "@/lib/validation/measures";

type Chart = RunChartModel<DataPointView>;

/** A project's measures, each with its run chart; editors add measures and data points here. */
export async function MeasuresSection({ project, user }: { project: ProjectTarget; user: CurrentUser }) {
  const measures = await getProjectMeasures(user, project);
  const editable = can(user, "project.edit", project.team);
  return (
    <section aria-labelledby="measures-title" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="measures-title" className="text-lg font-semibold">
        Measures
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Outcome, process and balancing measures on run charts. {SHIFT_LENGTH} or more points in a row on one side of the median signal a real change
        (a shift).
      </p>
      {measures.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No measures yet">
            {editable ? "Add the measures that will show whether the changes are improvements." : "The team has not defined measures for this project yet."}
          </EmptyState>
        </div>
      ) : (
        <div className="mt-4 space-y-6">
          {measures.map((measure) => (
            <MeasureCard key={measure.id} measure={measure} editable={editable} />
          ))}
        </div>
      )}
      {editable && (
        <div className="no-print mt-6 border-t border-slate-200 pt-6">
          <h3 className="mb-3 font-semibold">Add a measure</h3>
          <MeasureForm projectId={project.projectId} />
        </div>
      )}
    </section>
  );
}

function MeasureCard({ measure, editable }: { measure: MeasureView; editable: boolean }) {
  const titleId = `measure-${measure.id}`;
  const chart = buildRunChart(measure);
  const { points, ...definition } = measure;
  return (
    <section aria-labelledby={titleId} className="rounded-md border border-slate-200 p-4" data-testid="measure">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h3 id={titleId} className="text-base font-semibold">
          {measure.name}
        </h3>
        {editable && (
          <div className="no-print">
            <RemoveButton
              action={removeMeasureAction}
              fields={{ measureId: measure.id }}
              accessibleName={`Remove measure ${measure.name}`}
              confirmMessage={`Remove "${measure.name}" and its ${points.length} data points? This cannot be undone.`}
            />
          </div>
        )}
      </div>
      <MeasureFacts measure={measure} />
      {chart.points.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No data points yet: the run chart appears with the first one.</p>
      ) : (
        <RunChartBlock measure={measure} chart={chart} editable={editable} />
      )}
      {editable && (
        <div className="no-print mt-4 space-y-4">
          <AddDataPointForm measureId={measure.id} unit={measure.unit} />
          <details>
            <summary className="cursor-pointer py-2 text-sm font-medium text-brand-700">Edit measure</summary>
            <div className="mt-2">
              <MeasureForm measure={definition} />
            </div>
          </details>
        </div>
      )}
    </section>
  );
}

function MeasureFacts({ measure }: { measure: MeasureView }) {
  const facts = [
    ["Kind", MEASURE_KIND_LABELS[measure.kind]],
    ["Unit", measure.unit],
    ["Baseline", measure.baseline === null ? "Not set" : withUnit(measure.baseline, measure.unit)],
    ["Target", measure.target === null ? "Not set" : withUnit(measure.target, measure.unit)],
    ["Direction", DIRECTION_LABELS[measure.direction]],
  ] as const;
  return (
    <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="inline text-slate-600">{term}: </dt>
          <dd className="inline font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RunChartBlock({ measure, chart, editable }: { measure: MeasureView; chart: Chart; editable: boolean }) {
  const first = chart.points[0]!;
  const last = chart.points.at(-1)!;
  const label = `Run chart of ${measure.name} in ${measure.unit}: ${chart.points.length} data points from ${first.date} to ${last.date}`;
  return (
    <div className="mt-4">
      <RunChart chart={chart} unit={measure.unit} label={label} />
      <ChartReading measure={measure} chart={chart} />
      <details className="mt-3">
        <summary className="cursor-pointer py-2 text-sm font-medium text-brand-700">Show the chart&apos;s data as a table</summary>
        <table className="mt-2 border-collapse text-left text-sm" data-testid="run-chart-table">
          <caption className="sr-only">Data points of {measure.name}, oldest first</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-6">Date</th>
              <th scope="col" className="py-1 pr-6">Value ({measure.unit})</th>
              <th scope="col" className="py-1 pr-6">In a shift</th>
              {editable && <th scope="col" className="no-print py-1"><span className="sr-only">Remove</span></th>}
            </tr>
          </thead>
          <tbody>
            {chart.points.map((point) => (
              <tr key={point.id} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-6 font-medium">{point.date}</th>
                <td className="py-1 pr-6">{formatCount(point.value)}</td>
                <td className="py-1 pr-6">{point.inShift ? "Yes" : "No"}</td>
                {editable && (
                  <td className="no-print py-1">
                    <RemoveButton
                      action={removeDataPointAction}
                      fields={{ dataPointId: point.id }}
                      accessibleName={`Remove ${point.date}: ${withUnit(point.value, measure.unit)}`}
                      confirmMessage={`Remove the ${point.date} data point (${withUnit(point.value, measure.unit)}) of "${measure.name}"?`}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** The chart in words: the median, the latest value against the baseline, and any shift. */
function ChartReading({ measure, chart }: { measure: MeasureView; chart: Chart }) {
  const latest = chart.points.at(-1)!;
  return (
    <ul className="mt-2 space-y-1 text-sm text-slate-700" data-testid="run-chart-reading">
      <li>
        Median {withUnit(chart.median!, measure.unit)}. Latest {withUnit(latest.value, measure.unit)} on {latest.date}
        {chart.latestBeatsBaseline !== null && (chart.latestBeatsBaseline ? ": better than the baseline." : ": not better than the baseline yet.")}
      </li>
      {chart.shifts.map((shift) => (
        <li key={shift.from}>{describeShift(shift)}</li>
      ))}
    </ul>
  );
}

// "Better" and "worse" sides, not "improved" and "worsened": a shift on the worse side
// early on is usually the baseline period before the change, not a decline.
function describeShift(shift: Shift): string {
  const side = shift.favourable ? "the better side" : "the worse side";
  return `Shift: ${shift.length} points in a row ${shift.side} the median (${side}), ${shift.from} to ${shift.to}.`;
}

function withUnit(value: number, unit: string): string {
  return `${formatCount(value)} ${unit}`;
}
