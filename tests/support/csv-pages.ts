import type { CsvCell, CsvPages } from "@/lib/csv";

/** A paged export read to its end, as one list of rows (what the download holds). */
export async function readAll({ headers, pages }: CsvPages): Promise<{ headers: readonly string[]; rows: (readonly CsvCell[])[] }> {
  const rows: (readonly CsvCell[])[] = [];
  for await (const page of pages) rows.push(...page);
  return { headers, rows };
}
