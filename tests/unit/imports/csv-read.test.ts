import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";
import { decodeCsvText, parseCsv } from "@/lib/csv-read";
import { InvalidInputError } from "@/lib/errors";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("decodeCsvText", () => {
  it("drops a byte-order mark", () => {
    expect(decodeCsvText(bytes("\uFEFFa,b\n"))).toBe("a,b\n");
  });

  it.each([
    ["empty", new Uint8Array(), /empty/],
    ["blank", bytes(" \r\n\t"), /empty/],
    ["binary", new Uint8Array([0x61, 0x00, 0x62]), /binary data/],
    ["UTF-16", new Uint8Array([0xff, 0xfe, 0x61, 0x00]), /binary data/],
    ["Windows-1252", new Uint8Array([0x61, 0x2c, 0xe9, 0x0a]), /not UTF-8/],
  ])("refuses a %s file", (_name, input, message) => {
    expect(() => decodeCsvText(input)).toThrow(InvalidInputError);
    expect(() => decodeCsvText(input)).toThrow(message);
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, numbering rows as a spreadsheet does", () => {
    const table = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\n,\n3,4\n');
    expect(table.header).toEqual(["a", "b"]);
    // The blank line is skipped by the parser; the all-blank row keeps its number but is left out.
    expect(table.records).toEqual([
      { row: 2, cells: ["x, y", 'say "hi"\nthere'] },
      { row: 4, cells: ["3", "4"] },
    ]);
  });

  it("reads back what the export writer wrote, formula guard included", () => {
    const written = toCsv(["name", "note"], [["=SUM(A1)", "-5 people"], ["plain", "a,b"]]);
    expect(parseCsv(written).records.map((record) => record.cells)).toEqual([
      ["=SUM(A1)", "-5 people"],
      ["plain", "a,b"],
    ]);
  });

  it("names the delimiter a file uses instead of commas", () => {
    expect(() => parseCsv("a;b;c\n1;2;3\n")).toThrow(/uses semicolons.*comma-separated/);
    expect(() => parseCsv("a\tb\n1\t2\n")).toThrow(/uses tabs/);
  });

  it("refuses a quote that is never closed", () => {
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/never closed/);
  });
});
