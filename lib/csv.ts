/**
 * A small RFC 4180 CSV writer for exports. Opened in a spreadsheet, a cell that
 * starts like a formula would be run as one (formula injection, e.g.
 * `=HYPERLINK(...)` in a method someone typed), so such text cells get a leading
 * single quote, which spreadsheets show as text. Numbers are written as they are.
 */

export type CsvCell = string | number | null | undefined;

const LINE_BREAK = "\r\n";
// = + - @ start formulas; a leading tab or carriage return can hide one (OWASP's list).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function field(cell: CsvCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function record(cells: readonly CsvCell[]): string {
  return cells.map(field).join(",");
}

/** A header line and one line per row, each ended by CRLF. Rows must have as many cells as there are headers. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  rows.forEach((row, index) => {
    if (row.length !== headers.length) throw new RangeError(`CSV row ${index + 1} has ${row.length} cells for ${headers.length} columns`);
  });
  return [headers, ...rows].map((cells) => record(cells) + LINE_BREAK).join("");
}

/** A CSV download: the file as an attachment under its name, never cached (it holds what the user may see now). */
export function csvResponse(fileName: string, headers: readonly string[], rows: readonly (readonly CsvCell[])[]): Response {
  return new Response(toCsv(headers, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
