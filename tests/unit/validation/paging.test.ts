import { describe, expect, it } from "vitest";
import { MAX_PAGE, PAGE_MESSAGE, pageCount } from "@/lib/validation/paging";
import { readUrlFilters, urlFilters } from "@/lib/validation/url-filters";

// The `page` URL parameter, as every page reads it (lib/validation/url-filters.ts).
describe("the page parameter", () => {
  const readPage = (value: string | string[] | undefined) => readUrlFilters({ page: value }, { page: urlFilters.page });

  it("is no page (so page 1) when absent or blank", () => {
    expect(readPage(undefined)).toEqual({ values: {}, problems: [] });
    expect(readPage("  ")).toEqual({ values: {}, problems: [] });
  });

  it("reads a whole page number", () => {
    expect(readPage("3").values.page).toBe(3);
    expect(readPage(["2", "2"]).values.page).toBe(2);
    expect(readPage(String(MAX_PAGE)).values.page).toBe(MAX_PAGE);
  });

  it.each(["0", "-1", "2.5", "abc", "1e3x", String(MAX_PAGE + 1)])("refuses %j", (value) => {
    expect(readPage(value)).toEqual({ values: {}, problems: [{ name: "page", value, message: PAGE_MESSAGE }] });
  });
});

describe("pageCount", () => {
  it("rounds up, and an empty list is one page", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(192, 50)).toBe(4);
  });
});
