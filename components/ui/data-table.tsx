import { formatCell, type TableModel } from "@/lib/reports/table-model";
import { Table, TableCell, TableHead, TableHeader, TableRow } from "./table";
import { DownloadLink, TextLink } from "./text-link";

/** A table model on the page; `csvHref` adds its download (the same model as CSV). */
export function DataTable({ model, csvHref }: { model: TableModel; csvHref?: string }) {
  const numeric = model.columns.map((column) => column.kind !== "text");
  return (
    <div className="min-w-0">
      <Table caption={model.caption} data-testid={`table-${model.id}`}>
        <TableHead>
          <tr>
            {model.columns.map((column, index) => (
              <TableHeader key={column.header} numeric={numeric[index]}>
                {column.header}
              </TableHeader>
            ))}
          </tr>
        </TableHead>
        <tbody>
          {model.rows.map((row, rowIndex) => (
            <TableRow key={rowIndex}>
              {row.cells.map((cell, index) => {
                const text = formatCell(model.columns[index]!.kind, cell);
                if (index > 0) {
                  return (
                    <TableCell key={index} numeric={numeric[index]}>
                      {text}
                    </TableCell>
                  );
                }
                return (
                  <TableHeader key={index} scope="row">
                    {row.href ? <TextLink href={row.href}>{text}</TextLink> : text}
                  </TableHeader>
                );
              })}
            </TableRow>
          ))}
        </tbody>
        {model.total && (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              {model.total.map((cell, index) =>
                index === 0 ? (
                  <TableHeader key={index} scope="row" className="font-semibold">
                    {formatCell("text", cell)}
                  </TableHeader>
                ) : (
                  <TableCell key={index} numeric={numeric[index]}>
                    {formatCell(model.columns[index]!.kind, cell)}
                  </TableCell>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </Table>
      {csvHref && (
        <p className="no-print mt-2 text-sm">
          <DownloadLink href={csvHref} download>
            Download this table as CSV<span className="sr-only">: {model.caption}</span>
          </DownloadLink>
        </p>
      )}
    </div>
  );
}
