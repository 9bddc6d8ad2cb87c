/** Rows an export reads at a time: a page's memory, and never a query binding a parameter per row. */
export const EXPORT_PAGE_SIZE = 2_000;

/**
 * An export's first page is small, so the file starts at once (its first 2,000 rows took
 * 400-500 ms to read at ten times the partnership); the pages after it are full.
 */
export const FIRST_EXPORT_PAGE_SIZE = 100;

export type PageSizes = { first: number; rest: number };

/**
 * Every row, a page at a time, each page read after the key of the last row of the page
 * before (keyset paging: a page costs the same however deep it is, where OFFSET would re-read
 * and re-sort every earlier row). The reader's order must end on a unique column, so pages
 * neither overlap nor skip. Each page is mapped as it is read.
 */
export async function* readInPages<T, K, R>(
  readPage: (after: K | undefined, take: number) => Promise<T[]>,
  keyOf: (item: T) => K,
  toRow: (item: T) => R,
  sizes: PageSizes = { first: FIRST_EXPORT_PAGE_SIZE, rest: EXPORT_PAGE_SIZE },
): AsyncGenerator<R[]> {
  let after: K | undefined;
  for (let take = sizes.first; ; take = sizes.rest) {
    const items = await readPage(after, take);
    if (items.length > 0) yield items.map(toRow);
    if (items.length < take) return;
    after = keyOf(items.at(-1)!);
  }
}
