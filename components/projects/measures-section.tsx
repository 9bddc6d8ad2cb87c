import { RunChart } from "@/components/charts/lazy";
import { AddDataPointForm } from "@/components/projects/measures/add-data-point-form";
import { MeasureForm } from "@/components/projects/measures/measure-form";
import { RemoveDataPointButton, RemoveMeasureButton } from "@/components/projects/measures/remove-button";
import { Card } from "@/components/ui/card";
import { ChartData } from "@/components/ui/chart-data";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CurrentUser } from "@/lib/auth/session";
import { getProjectMeasures, type DataPointView, type MeasureView } from "@/lib/data/measures";
import { listRosterChoices, type PersonChoice } from "@/lib/data/roster";
import type { ProjectTarget } from "@/lib/data/projects";
import { buildRunChart, SHIFT_LENGTH, type RunChart as RunChartModel, type Shift } from "@/lib/domain/run-chart";
import { countOf, formatCount, formatDayText } from "@/lib/format";
import { DIRECTION_LABELS, MEASURE_KIND_LABELS } from "@/lib/validation/measures";

type Chart = RunChartModel<DataPointView>;

/** A project's measures, each with its run chart; editors add measures and data points here. */
/** `editable`: the page's answer to whether the user may change this project (asked once, by getProjectDetail). */
export async function MeasuresSection({ project, user, editable }: { project: ProjectTarget; user: CurrentUser; editable: boolean }) {
  const [measures, roster] = await Promise.all([getProjectMeasures(user, project), editable ? listRosterChoices(user, project.team.teamId) : []]);
  return (
    <Card
      id="measures"
      title="Measures"
      description={`Outcome, process and balancing measures on run charts. ${SHIFT_LENGTH} or more points in a row on one side of the median signal a real change (a shift).`}
    >
      {measures.length === 0 ? (
        <EmptyState title="No measures yet">
          {editable ? "Add the measures that will show whether the changes are improvements." : "The team has not defined measures for this project yet."}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {measures.map((measure) => (
            <MeasureCard key={measure.id} measure={measure} editable={editable} roster={roster} />
          ))}
        </div>
      )}
      {editable && (
        <div className="no-print border-t border-slate-200 pt-6">
          <h3 className="mb-3 font-semibold">Add a measure</h3>
          <MeasureForm projectId={project.projectId} />
        </div>
      )}
    </Card>
  );
}

function MeasureCard({ measure, editable, roster }: { measure: MeasureView; editable: boolean; roster: PersonChoice[] }) {
  const chart = buildRunChart(measure);
  const { points, ...definition } = measure;
  return (
    <Card
      id={`measure-${measure.id}`}
      headingLevel={3}
      title={measure.name}
      description={<MeasureFacts measure={measure} />}
      actions={editable && <RemoveMeasureButton measureId={measure.id} name={measure.name} pointCount={points.length} />}
      className="sm:p-4"
      data-testid="measure"
    >
      {chart.points.length === 0 ? (
        <p className="text-sm text-slate-600">No data points yet: the run chart appears with the first one.</p>
      ) : (
        <RunChartBlock measure={measure} chart={chart} editable={editable} />
      )}
      {editable && (
        <div className="no-print space-y-2">
          <AddDataPointForm measureId={measure.id} unit={measure.unit} roster={roster} />
          <Disclosure summary="Edit measure" label={`Edit measure ${measure.name}`}>
            <MeasureForm measure={definition} />
          </Disclosure>
        </div>
      )}
    </Card>
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
    <dl className="flex flex-wrap gap-x-6 gap-y-1">
      {facts.map(([term, value]) => (
        <div key={term} className="min-w-0 break-words">
          <dt className="inline">{term}: </dt>
          <dd className="inline font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RunChartBlock({ measure, chart, editable }: { measure: MeasureView; chart: Chart; editable: boolean }) {
  const first = chart.points[0]!;
  const last = chart.points.at(-1)!;
  const label = `Run chart of ${measure.name} in ${measure.unit}: ${countOf(chart.points.length, "data point")} from ${formatDayText(first.date)} to ${formatDayText(last.date)}`;
  return (
    <div className="space-y-2">
      <RunChart chart={chart} unit={measure.unit} label={label} />
      <ChartReading measure={measure} chart={chart} />
      <ChartData of={measure.name}>
        <Table caption={`Data points of ${measure.name}, oldest first`} className="w-auto" data-testid="run-chart-table">
          <TableHead>
            <tr>
              <TableHeader>Date</TableHeader>
              <TableHeader numeric>Value ({measure.unit})</TableHeader>
              <TableHeader>In a shift</TableHeader>
              {editable && (
                <TableHeader className="no-print">
                  <span className="sr-only">Remove</span>
                </TableHeader>
              )}
            </tr>
          </TableHead>
          <tbody>
            {chart.points.map((point) => (
              <TableRow key={point.id}>
                <TableHeader scope="row" className="whitespace-nowrap">
                  {formatDayText(point.date)}
                </TableHeader>
                <TableCell numeric>{formatCount(point.value)}</TableCell>
                <TableCell>{point.inShift ? "Yes" : "No"}</TableCell>
                {editable && (
                  <TableCell className="no-print pr-0">
                    <RemoveDataPointButton
                      dataPointId={point.id}
                      label={`${formatDayText(point.date)}: ${withUnit(point.value, measure.unit)}`}
                      measureName={measure.name}
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </tbody>
        </Table>
      </ChartData>
    </div>
  );
}

/** The chart in words: the median, the latest value against the baseline, and any shift. */
function ChartReading({ measure, chart }: { measure: MeasureView; chart: Chart }) {
  const latest = chart.points.at(-1)!;
  return (
    <ul className="space-y-1 text-sm text-slate-700" data-testid="run-chart-reading">
      <li>
        Median {withUnit(chart.median!, measure.unit)}. Latest {withUnit(latest.value, measure.unit)} on {formatDayText(latest.date)}
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
  return `Shift: ${shift.length} points in a row ${shift.side} the median (${side}), ${formatDayText(shift.from)} to ${formatDayText(shift.to)}.`;
}

function withUnit(value: number, unit: string): string {
  return `${formatCount(value)} ${unit}`;
}
