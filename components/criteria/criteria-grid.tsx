import { AddCriterionForm } from "@/components/criteria/add-criterion-form";
import { CriterionEditor } from "@/components/criteria/criterion-editor";
import type { CriteriaSetWithCriteria, CriterionView } from "@/lib/data/criteria";
import { cellLabel } from "@/lib/domain/path-to-performance";
import { DIMENSIONS, LEVELS } from "@/lib/domain/path-to-performance";
import type { Dimension } from "@/lib/generated/prisma/enums";

/** The seven dimensions × five levels of one set; editable in place when `editable`. */
export function CriteriaGrid({ set, editable }: { set: CriteriaSetWithCriteria; editable: boolean }) {
  return (
    <div className="space-y-6">
      {DIMENSIONS.map(({ key, label }) => (
        <section key={key} aria-labelledby={`dimension-${key}`} className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id={`dimension-${key}`} className="text-lg font-semibold">
            {label}
          </h2>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
              <caption className="sr-only">{label}: criteria by level</caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="w-48 py-2 pr-4 font-semibold">Level</th>
                  <th scope="col" className="py-2 font-semibold">Criteria</th>
                </tr>
              </thead>
              <tbody>
                {LEVELS.map(({ level, name }) => (
                  <tr key={level} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-3 pr-4 font-medium">
                      {level} · {name}
                    </th>
                    <Cell
                      set={set}
                      dimension={key}
                      level={level}
                      criteria={set.criteria.filter((criterion) => criterion.dimension === key && criterion.level === level)}
                      editable={editable}
                    />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

function Cell({
  set,
  dimension,
  level,
  criteria,
  editable,
}: {
  set: CriteriaSetWithCriteria;
  dimension: Dimension;
  level: number;
  criteria: CriterionView[];
  editable: boolean;
}) {
  const label = cellLabel(dimension, level);
  // Only a draft can have an empty cell (publishing refuses one); flag it so it gets filled.
  const flagEmpty = criteria.length === 0 && set.status === "DRAFT";
  return (
    <td data-testid={`cell-${dimension}-${level}`} className={`py-3 ${flagEmpty ? "bg-amber-50 px-3" : ""}`}>
      {flagEmpty && <p className="font-medium text-amber-900">No criterion yet: add one before publishing.</p>}
      <ul className={editable ? "space-y-3" : "list-disc space-y-1 pl-5"}>
        {criteria.map((criterion, index) => (
          <li key={criterion.id}>
            {editable ? <CriterionEditor criterion={criterion} label={`${label}, criterion ${index + 1}`} /> : criterion.text}
          </li>
        ))}
      </ul>
      {editable && (
        <AddCriterionForm cell={{ setId: set.id, dimension, level }} label={`New criterion for ${label}`} startOpen={criteria.length === 0} />
      )}
    </td>
  );
}
