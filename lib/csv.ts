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

/** One line per row, each ended by CRLF; every row must have `width` cells (`firstRow` numbers them in errors). */
function csvLines(rows: readonly (readonly CsvCell[])[], width: number, firstRow = 1): string {
  rows.forEach((row, index) => {
    if (row.length !== width) throw new RangeError(`CSV row ${firstRow + index} has ${row.length} cells for ${width} columns`);
  });
  return rows.map((cells) => record(cells) + LINE_BREAK).join("");
}

/** A header line and one line per row, each ended by CRLF. Rows must have as many cells as there are headers. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return record(headers) + LINE_BREAK + csvLines(rows, headers.length);
}

const DOWNLOAD_HEADERS = {
  "Content-Type": "text/csv; charset=utf-8",
  "Cache-Control": "no-store",
};

/** A CSV download: the file as an attachment under its name, never cached (it holds what the user may see now). */
export function csvResponse(fileName: string, headers: readonly string[], rows: readonly (readonly CsvCell[])[]): Response {
  return new Response(toCsv(headers, rows), { headers: { ...DOWNLOAD_HEADERS, "Content-Disposition": `attachment; filename="${fileName}"` } });
}

/** A long export: its header and its rows, read a page at a time. */
export type CsvPages = { headers: readonly string[]; pages: AsyncIterable<readonly (readonly CsvCell[])[]> };

/**
 * A CSV download written as its pages are read: memory stays flat however long the file,
 * and the first bytes leave with the first page. The first page is read before answering,
 * so a refusal or a failure there is still an error status; a failure later cuts the file off.
 */
export async function csvStreamResponse(fileName: string, { headers, pages }: CsvPages): Promise<Response> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let written = 0;
  const lines = (rows: readonly (readonly CsvCell[])[]) => {
    const text = csvLines(rows, headers.length, written + 1);
    written += rows.length;
    return encoder.encode(text);
  };
  const first = await iterator.next();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(record(headers) + LINE_BREAK));
      if (!first.done) controller.enqueue(lines(first.value));
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(lines(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, { headers: { ...DOWNLOAD_HEADERS, "Content-Disposition": `attachment; filename="${fileName}"` } });
}
