/** Rows an export reads at a time: a page's memory, and never a query binding a parameter per row. */
export const EXPORT_PAGE_SIZE = 2_000;

/**
 * Every row, a page at a time, in the reader's order (which must end on a unique column,
 * so the pages neither overlap nor skip). Each page is mapped as it is read.
 */
export async function* readInPages<T, R>(
  readPage: (page: { skip: number; take: number }) => Promise<T[]>,
  toRow: (item: T) => R,
  take = EXPORT_PAGE_SIZE,
): AsyncGenerator<R[]> {
  for (let skip = 0; ; skip += take) {
    const items = await readPage({ skip, take });
    if (items.length > 0) yield items.map(toRow);
    if (items.length < take) return;
  }
}
