import type { CsvCell } from "@/lib/csv";
import { formatCents } from "@/lib/domain/money";
import { centsAsDecimal } from "@/lib/domain/savings";
import { formatCount, formatPercent } from "@/lib/format";

/**
 * A table as both the page and its CSV see it: one model, so the download is
 * the table on the screen. Cells hold raw values; the kind says how to show
 * them (the CSV keeps them raw: plain numbers, dollars as 1234.56).
 */
export type ColumnKind = "text" | "count" | "percent" | "points" | "cents" | "decimal";
export type TableColumn = { header: string; kind: ColumnKind };
export type TableCell = string | number | null;
export type TableRow = { cells: TableCell[]; href?: string };
export type TableModel = { id: string; caption: string; columns: TableColumn[]; rows: TableRow[]; total?: TableCell[] };

const MINUS = "\u2212";

/** How a cell reads on the page; null is an em dash (no data), never a zero. */
export function formatCell(kind: ColumnKind, value: TableCell): string {
  if (value === null) return "—";
  if (typeof value === "string") return value;
  switch (kind) {
    case "count":
      return formatCount(value);
    case "percent":
      return formatPercent(value);
    case "points":
      return value === 0 ? "0 pts" : `${value > 0 ? "+" : MINUS}${Math.abs(value)} ${Math.abs(value) === 1 ? "pt" : "pts"}`;
    case "cents":
      return formatCents(value);
    case "decimal":
      return value.toFixed(1);
    case "text":
      return String(value);
  }
}

/** The kinds of value a chart's value axis can carry. */
export type AxisKind = Extract<ColumnKind, "count" | "cents" | "decimal">;

/**
 * The finest step a value axis of this kind may have (lib/domain/overview.ts,
 * axisTicks): whole counts, tenths for figures shown to one decimal, whole dollars.
 */
export function smallestAxisStep(kind: AxisKind): number {
  return kind === "decimal" ? 0.1 : kind === "cents" ? 100 : 1;
}

const compactFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** A value axis's tick label, compact: $1.2M rather than $1,234,567.00, 1.5K rather than 1,500. */
export function formatAxisTick(kind: AxisKind, value: number): string {
  const compact = compactFormat.format(kind === "cents" ? value / 100 : value);
  return kind === "cents" ? `$${compact}` : compact;
}

function csvCell(kind: ColumnKind, value: TableCell): CsvCell {
  if (value === null || typeof value === "string") return value;
  return kind === "cents" ? centsAsDecimal(value) : value;
}

/** One row's cells as a CSV line: values raw, dollars as decimals. */
export function tableCsvLine(columns: readonly TableColumn[], cells: readonly TableCell[]): CsvCell[] {
  return cells.map((cell, index) => csvCell(columns[index]!.kind, cell));
}

/** The model as CSV rows: a header, one line per row, and the total line when there is one. */
export function tableCsvRows(model: TableModel): { headers: string[]; rows: CsvCell[][] } {
  const line = (cells: TableCell[]) => tableCsvLine(model.columns, cells);
  return {
    headers: model.columns.map((column) => column.header),
    rows: [...model.rows.map((row) => line(row.cells)), ...(model.total ? [line(model.total)] : [])],
  };
}
