import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placePage } from "@/lib/reports/overview-view";

describe("placePage", () => {
  const rows = Array.from({ length: 120 }, (_, index) => `facility ${index + 1}`);

  it("shows the requested page and says which rows it holds", () => {
    expect(placePage(rows, 2, 50)).toEqual({ rows: rows.slice(50, 100), page: 2, pageCount: 3, count: 120, first: 51, last: 100, requested: 2 });
    expect(placePage(rows, 3, 50)).toMatchObject({ rows: rows.slice(100), first: 101, last: 120 });
  });

  it("shows the last page for a page past it, and remembers what was asked", () => {
    expect(placePage(rows, 9, 50)).toMatchObject({ page: 3, requested: 9, first: 101, last: 120 });
  });

  it("is one page when every row fits, or for print (no limit)", () => {
    expect(placePage(rows, 1, Number.POSITIVE_INFINITY)).toMatchObject({ rows, page: 1, pageCount: 1, first: 1, last: 120 });
    expect(placePage([], 1, 50)).toMatchObject({ rows: [], page: 1, pageCount: 1 });
  });

  it("its pages, read in turn, are every row once, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), fc.integer({ min: 1, max: 60 }), (all, size) => {
        const { pageCount } = placePage(all, 1, size);
        const read = Array.from({ length: pageCount }, (_, index) => placePage(all, index + 1, size).rows).flat();
        expect(read).toEqual(all);
      }),
    );
  });
});
