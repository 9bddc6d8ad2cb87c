import { describe, expect, it } from "vitest";
import { MAX_PAGE, pageCount, readPage } from "@/lib/validation/paging";

describe("readPage", () => {
  it("is page 1 when the parameter is absent or blank", () => {
    expect(readPage(undefined)).toEqual({ ok: true, page: 1 });
    expect(readPage("  ")).toEqual({ ok: true, page: 1 });
  });

  it("reads a whole page number, the first when repeated", () => {
    expect(readPage("3")).toEqual({ ok: true, page: 3 });
    expect(readPage(["2", "5"])).toEqual({ ok: true, page: 2 });
    expect(readPage(String(MAX_PAGE))).toEqual({ ok: true, page: MAX_PAGE });
  });

  it.each(["0", "-1", "2.5", "abc", "1e3x", String(MAX_PAGE + 1)])("refuses %j", (value) => {
    expect(readPage(value)).toEqual({ ok: false });
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
