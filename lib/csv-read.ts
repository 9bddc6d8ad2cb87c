import { CsvError, parse } from "csv-parse/sync";
import { InvalidInputError } from "@/lib/errors";

/**
 * Reads an uploaded CSV file (the reader beside lib/csv.ts's writer): UTF-8 with or
 * without a byte-order mark, CRLF or LF, quoted fields holding commas, quotes and line
 * breaks. The parsing itself is csv-parse's; this adds the checks that turn a wrong
 * file into a message saying what to do, before any row is looked at.
 */

/** A data row: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export type CsvRecord = { row: number; cells: string[] };
export type CsvTable = { header: string[]; records: CsvRecord[] };

// lib/csv.ts writes a text cell that starts like a formula with a leading quote; reading undoes it, so an export imports unchanged.
const GUARDED_FORMULA = /^'[=+\-@\t\r]/;

const SAVE_AS = 'Save it from your spreadsheet as "CSV UTF-8 (comma delimited)" and choose it again.';

/** The file's text, or a refusal for a file that is empty, binary or not UTF-8. */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InvalidInputError("The file is empty: there is nothing to import.");
  // Text never holds NUL; spreadsheets' own formats (xlsx is a zip) and UTF-16 files do.
  if (bytes.includes(0)) throw new InvalidInputError(`The file is not a CSV text file (it holds binary data, as a spreadsheet's own format does). ${SAVE_AS}`);
  let text: string;
  try {
    // The decoder drops a leading byte-order mark.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidInputError(`The file is not UTF-8 text (it may be in an older encoding such as Windows-1252). ${SAVE_AS}`);
  }
  if (text.trim() === "") throw new InvalidInputError("The file is empty: there is nothing to import.");
  return text;
}

/** The first line's cells, as a check on the delimiter (a quoted header cell with a line break is not worth handling here). */
function wrongDelimiter(text: string): string | null {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.includes(",")) return null;
  if (firstLine.split(";").length > 1) return "semicolons";
  if (firstLine.split("\t").length > 1) return "tabs";
  return null;
}

function cannotRead(error: unknown): InvalidInputError {
  if (error instanceof CsvError) {
    const where = typeof error.lines === "number" ? ` (near line ${error.lines})` : "";
    if (error.code === "CSV_QUOTE_NOT_CLOSED") return new InvalidInputError(`A quoted field is never closed${where}: check that every opening quote has its closing quote.`);
    if (error.code === "INVALID_OPENING_QUOTE" || error.code === "CSV_INVALID_CLOSING_QUOTE") {
      return new InvalidInputError(`A quote inside a field${where} is not doubled: write a quote inside a quoted field as "".`);
    }
    return new InvalidInputError(`The file could not be read as CSV${where}: ${error.message}`);
  }
  throw error;
}

/**
 * The header and the data rows. Lines with no text at all, and rows whose cells are all
 * blank (spreadsheets write ",,,," for them), are skipped; rows keep their own number.
 */
export function parseCsv(text: string): CsvTable {
  const delimiter = wrongDelimiter(text);
  if (delimiter) throw new InvalidInputError(`This file uses ${delimiter} between its columns, not commas. Save it as comma-separated values (CSV) and choose it again.`);
  let rows: string[][];
  try {
    // Any line ending, even mixed in one file (rows pasted together from several sources).
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, record_delimiter: ["\r\n", "\n", "\r"] }) as string[][];
  } catch (error) {
    throw cannotRead(error);
  }
  const [header, ...data] = rows;
  if (!header) throw new InvalidInputError("The file is empty: there is nothing to import.");
  const records = data
    .map((cells, index) => ({ row: index + 2, cells: cells.map((cell) => (GUARDED_FORMULA.test(cell) ? cell.slice(1) : cell)) }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  return { header, records };
}
