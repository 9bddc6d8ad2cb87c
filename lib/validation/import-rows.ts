import type { z } from "zod";
import type { CsvRecord } from "@/lib/csv-read";
import { InvalidInputError } from "@/lib/errors";
import { IMPORT_DEFINITIONS, MAX_ERRORS_SHOWN, templateFileName, type ImportKind, type RowError } from "@/lib/validation/imports";

// From a parsed CSV table to typed rows of one kind: the header checked against the
// kind's columns, each row through the kind's row schema. Pure, so unit-tested alone.

/** "Team code" and " TEAM_CODE " name the same column as team_code. */
function columnName(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

function list(names: readonly string[]): string {
  return names.join(", ");
}

/** Where each of the kind's columns is in the file (-1: an optional column left out), and how many columns the file has. */
export type FileColumns = { positions: Map<string, number>; width: number };

/** Refuses a header with a column missing, unknown or given twice, naming them and the template. */
export function matchHeader(kind: ImportKind, header: readonly string[]): FileColumns {
  const definition = IMPORT_DEFINITIONS[kind];
  const template = `The ${definition.label.toLowerCase()} template (${templateFileName(kind)}) has the columns: ${list(definition.columns)}.`;
  const names = header.map(columnName);
  const twice = [...new Set(names.filter((name, index) => name !== "" && names.indexOf(name) !== index))];
  if (twice.length > 0) throw new InvalidInputError(`The file has the column ${list(twice)} more than once. ${template}`);
  const unknown = names.filter((name) => !definition.columns.includes(name));
  const missing = definition.columns.filter((column) => !names.includes(column) && !definition.optionalColumns.includes(column));
  // The optional columns go together: some of them but not all is a mistake worth naming.
  const optionalGiven = definition.optionalColumns.filter((column) => names.includes(column));
  if (optionalGiven.length > 0) missing.push(...definition.optionalColumns.filter((column) => !names.includes(column)));
  const problems = [
    missing.length > 0 ? `The file has no column ${list(missing)}.` : null,
    unknown.length > 0 ? `This import does not know the column${unknown.length > 1 ? "s" : ""} ${list(unknown.map((name) => name || "(blank)"))}.` : null,
  ].filter(Boolean);
  if (problems.length > 0) throw new InvalidInputError(`${problems.join(" ")} ${template}`);
  return { positions: new Map(definition.columns.map((column) => [column, names.indexOf(column)])), width: names.length };
}

/** The row's cells by column name; a column the file leaves out reads as blank. */
function cellsOf(columns: FileColumns, record: CsvRecord): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [column, index] of columns.positions) cells[column] = index >= 0 ? (record.cells[index] ?? "") : "";
  return cells;
}

/** Every problem of the file's rows, in the order found; keeps the first MAX_ERRORS_SHOWN and counts the rest. */
export class RowErrors {
  readonly shown: RowError[] = [];
  count = 0;
  private readonly rowsWithErrors = new Set<number>();

  add(row: number, column: string | null, message: string): void {
    this.count++;
    this.rowsWithErrors.add(row);
    if (this.shown.length < MAX_ERRORS_SHOWN) this.shown.push({ row, column, message });
  }

  has(row: number): boolean {
    return this.rowsWithErrors.has(row);
  }

  /** The shown errors in row order (planning finds some after the row checks). */
  sorted(): RowError[] {
    return [...this.shown].sort((a, b) => a.row - b.row);
  }
}

/** One row through the kind's schema: its value, or each of its problems (all of them, not only the first) added to `errors`. */
export function validateRecord<T>(
  schema: z.ZodType<T>,
  columns: FileColumns,
  record: CsvRecord,
  errors: RowErrors,
): T | undefined {
  // Extra blank cells are harmless (spreadsheets pad rows); extra text is a misplaced comma.
  if (record.cells.length > columns.width && record.cells.slice(columns.width).some((cell) => cell.trim() !== "")) {
    errors.add(record.row, null, `This row has ${record.cells.length} cells for ${columns.width} columns: check for a comma that should be inside quotes`);
    return undefined;
  }
  const result = schema.safeParse(cellsOf(columns, record));
  if (result.success) return result.data;
  for (const issue of result.error.issues) errors.add(record.row, issue.path.length > 0 ? String(issue.path[0]) : null, issue.message);
  return undefined;
}
