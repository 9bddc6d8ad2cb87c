import { AddCriterionForm } from "@/components/criteria/add-criterion-form";
import { CriterionEditor } from "@/components/criteria/criterion-editor";
import { Card } from "@/components/ui/card";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CriteriaSetWithCriteria, CriterionView } from "@/lib/data/criteria";
import { cellLabel, DIMENSIONS, LEVELS } from "@/lib/domain/path-to-performance";
import type { Dimension } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/cn";

/** The seven dimensions × five levels of one set; editable in place when `editable`. */
export function CriteriaGrid({ set, editable }: { set: CriteriaSetWithCriteria; editable: boolean }) {
  return (
    <div className="space-y-6">
      {DIMENSIONS.map(({ key, label }) => (
        <Card key={key} id={`dimension-${key}`} title={label}>
          <Table caption={`${label}: criteria by level`}>
            <TableHead>
              <tr>
                <TableHeader className="w-24 sm:w-48">Level</TableHeader>
                <TableHeader>Criteria</TableHeader>
              </tr>
            </TableHead>
            <tbody>
              {LEVELS.map(({ level, name }) => (
                <TableRow key={level}>
                  <TableHeader scope="row" className="py-3">
                    {level} · {name}
                  </TableHeader>
                  <Cell
                    set={set}
                    dimension={key}
                    level={level}
                    criteria={set.criteria.filter((criterion) => criterion.dimension === key && criterion.level === level)}
                    editable={editable}
                  />
                </TableRow>
              ))}
            </tbody>
          </Table>
        </Card>
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
    <TableCell data-testid={`cell-${dimension}-${level}`} className={cn("py-3", flagEmpty && "bg-amber-50 px-3")}>
      {flagEmpty && <p className="font-medium text-amber-900">No criterion yet: add one before publishing.</p>}
      <ul className={editable ? "space-y-3" : "list-disc space-y-1 pl-5"}>
        {criteria.map((criterion, index) => (
          <li key={criterion.id}>
            {editable ? <CriterionEditor criterion={criterion} label={`${label}, criterion ${index + 1}`} /> : criterion.text}
          </li>
        ))}
      </ul>
      {editable && (
        <AddCriterionForm cell={{ setId: set.id, dimension, level }} cellName={label} empty={criteria.length === 0} />
      )}
    </TableCell>
  );
}
