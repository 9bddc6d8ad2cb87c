import Link from "next/link";
import { formatCell, type TableModel } from "@/lib/reports/table-model";

/** A table model on the page; `csvHref` adds its download (the same model as CSV). */
export function DataTable({ model, csvHref }: { model: TableModel; csvHref?: string }) {
  const numeric = model.columns.map((column) => column.kind !== "text");
  const cellClass = (index: number) => `py-2 pr-4 ${numeric[index] ? "text-right tabular-nums" : ""}`;
  return (
    <div>
      <div className="overflow-x-auto print:overflow-visible">
        <table className="w-full border-collapse text-left text-sm" data-testid={`table-${model.id}`}>
          <caption className="sr-only">{model.caption}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              {model.columns.map((column, index) => (
                <th key={column.header} scope="col" className={`${cellClass(index)} font-semibold`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="border-b border-slate-100">
                {row.cells.map((cell, index) => {
                  const text = formatCell(model.columns[index]!.kind, cell);
                  if (index > 0) return <td key={index} className={cellClass(index)}>{text}</td>;
                  return (
                    <th key={index} scope="row" className={`${cellClass(index)} font-medium`}>
                      {row.href ? (
                        <Link href={row.href} className="text-brand-700 underline print:text-inherit print:no-underline">
                          {text}
                        </Link>
                      ) : (
                        text
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {model.total && (
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold">
                {model.total.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" className={cellClass(index)}>{formatCell("text", cell)}</th>
                  ) : (
                    <td key={index} className={cellClass(index)}>{formatCell(model.columns[index]!.kind, cell)}</td>
                  ),
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {csvHref && (
        <p className="no-print mt-2 text-sm">
          <a href={csvHref} className="font-medium text-brand-700 underline" download>
            Download this table as CSV<span className="sr-only">: {model.caption}</span>
          </a>
        </p>
      )}
    </div>
  );
}
