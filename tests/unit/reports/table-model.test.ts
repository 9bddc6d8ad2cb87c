import { describe, expect, it } from "vitest";
import { axisTicks } from "@/lib/domain/overview";
import { formatAxisTick, formatCell, smallestAxisStep, tableCsvRows, type AxisKind, type TableModel } from "@/lib/reports/table-model";

// One model as both the page and the CSV see it: a region table with every kind of column.
const MODEL: TableModel = {
  id: "example",
  caption: "Example",
  columns: [
    { header: "Region", kind: "text" },
    { header: "UBTs", kind: "count" },
    { header: "Percent", kind: "percent" },
    { header: "Change", kind: "points" },
    { header: "Validated", kind: "cents" },
    { header: "Projects per team", kind: "decimal" },
  ],
  rows: [
    { cells: ["Colorado", 1347, 73, 2, 123456789, 0.3], href: "/overview?region=colorado" },
    // A region without ratings: dashes, never zeros.
    { cells: ["Washington", null, null, null, 0, null] },
    { cells: ["National Functions", 81, 62, -3, 4844000, 1.25] },
  ],
  total: ["Total", 1428, 72, 0, 128300789, 0.5],
};

describe("formatCell", () => {
  it("shows a missing value as an em dash in every kind of column, never as 0", () => {
    for (const column of MODEL.columns) expect(formatCell(column.kind, null), column.kind).toBe("—");
  });

  it("writes counts with thousands separators, percents with a sign, money in dollars and cents", () => {
    expect(formatCell("count", 3651)).toBe("3,651");
    expect(formatCell("count", 0)).toBe("0");
    expect(formatCell("percent", 73)).toBe("73%");
    expect(formatCell("percent", 0)).toBe("0%");
    expect(formatCell("cents", 123456789)).toBe("$1,234,567.89");
    expect(formatCell("cents", 5)).toBe("$0.05");
    expect(formatCell("cents", 0)).toBe("$0.00");
  });

  it("writes percentage points with a plus or a true minus sign, and no change as 0 pts", () => {
    expect(formatCell("points", 2)).toBe("+2 pts");
    expect(formatCell("points", -3)).toBe("\u22123 pts");
    expect(formatCell("points", 0)).toBe("0 pts");
    expect(formatCell("points", 1)).toBe("+1 pt");
    expect(formatCell("points", -1)).toBe("\u22121 pt");
  });

  it("writes decimals to one place", () => {
    expect(formatCell("decimal", 0.3)).toBe("0.3");
    expect(formatCell("decimal", 1)).toBe("1.0");
    expect(formatCell("decimal", 0)).toBe("0.0");
  });

  it("shows text as it is, in any column (a label such as 'Not rated' in a count column)", () => {
    expect(formatCell("text", "Colorado")).toBe("Colorado");
    expect(formatCell("count", "Not rated")).toBe("Not rated");
    expect(formatCell("text", 5)).toBe("5");
  });

  it("puts each value of a row in its column's format", () => {
    const line = (cells: TableModel["rows"][number]["cells"]) => cells.map((cell, index) => formatCell(MODEL.columns[index]!.kind, cell));
    expect(MODEL.rows.map((row) => line(row.cells))).toEqual([
      ["Colorado", "1,347", "73%", "+2 pts", "$1,234,567.89", "0.3"],
      ["Washington", "—", "—", "—", "$0.00", "—"],
      ["National Functions", "81", "62%", "\u22123 pts", "$48,440.00", "1.3"],
    ]);
    expect(line(MODEL.total!)).toEqual(["Total", "1,428", "72%", "0 pts", "$1,283,007.89", "0.5"]);
  });
});

describe("tableCsvRows", () => {
  it("has the column headers, one line per row in order, then the total line", () => {
    const csv = tableCsvRows(MODEL);
    expect(csv.headers).toEqual(["Region", "UBTs", "Percent", "Change", "Validated", "Projects per team"]);
    expect(csv.rows).toEqual([
      // Raw values for a spreadsheet: plain numbers, dollars as a decimal string, no %, pts or separators.
      ["Colorado", 1347, 73, 2, "1234567.89", 0.3],
      // Missing values stay missing (an empty cell), not 0.
      ["Washington", null, null, null, "0.00", null],
      ["National Functions", 81, 62, -3, "48440.00", 1.25],
      ["Total", 1428, 72, 0, "1283007.89", 0.5],
    ]);
  });

  it("has no total line when the table has no total, and only the header when it has no rows", () => {
    const { total: _total, ...withoutTotal } = MODEL;
    expect(tableCsvRows(withoutTotal).rows).toHaveLength(3);
    expect(tableCsvRows({ ...withoutTotal, rows: [] })).toEqual({ headers: MODEL.columns.map((column) => column.header), rows: [] });
  });

  it("keeps text in a money column as text", () => {
    const model: TableModel = { id: "x", caption: "x", columns: [{ header: "Team", kind: "text" }, { header: "Validated", kind: "cents" }], rows: [{ cells: ["A", "n/a"] }] };
    expect(tableCsvRows(model).rows).toEqual([["A", "n/a"]]);
  });
});

describe("formatAxisTick", () => {
  it("writes compact tick labels", () => {
    expect(formatAxisTick("count", 0)).toBe("0");
    expect(formatAxisTick("count", 1500)).toBe("1.5K");
    expect(formatAxisTick("decimal", 0.2)).toBe("0.2");
    expect(formatAxisTick("cents", 250000)).toBe("$2.5K");
    expect(formatAxisTick("cents", 120000000)).toBe("$1.2M");
  });

  it("never gives two ticks of an axis the same label", () => {
    // What the linkage chart showed: Recharts split 0–0.3 in four (0.075 apart), and 0.15 and 0.225 both read "0.2".
    expect(formatAxisTick("decimal", 0.15)).toBe("0.2");
    expect(formatAxisTick("decimal", 0.225)).toBe("0.2");
    // Ticks from axisTicks, at the figures' precision, cannot collide.
    for (const kind of ["count", "decimal", "cents"] as AxisKind[]) {
      const step = smallestAxisStep(kind);
      for (let max = 0; max <= 3_000_000; max = max < 100 ? max + 1 : Math.ceil(max * 1.07)) {
        const labels = axisTicks(max * step, { minStep: step }).map((tick) => formatAxisTick(kind, tick));
        expect(new Set(labels).size, `${kind} up to ${max * step}: ${labels.join(" ")}`).toBe(labels.length);
      }
    }
  });
});
