import { describe, expect, it } from "vitest";
import { csvStreamResponse, toCsv, type CsvCell } from "@/lib/csv";
import { readInPages } from "@/lib/data/pages";

describe("toCsv", () => {
  it("writes a header line and one line per row, each ended by CRLF", () => {
    expect(toCsv(["team", "amount"], [["Couriers", "12345.67"], ["Pharmacy", 5]])).toBe("team,amount\r\nCouriers,12345.67\r\nPharmacy,5\r\n");
  });

  it("writes only the header line for no rows", () => {
    expect(toCsv(["entry id"], [])).toBe("entry id\r\n");
  });

  it("leaves empty and missing cells empty", () => {
    expect(toCsv(["a", "b", "c"], [["", null, undefined]])).toBe("a,b,c\r\n,,\r\n");
  });

  it("quotes cells with commas, quotes or line breaks, doubling the quotes", () => {
    const csv = toCsv(["text"], [["Routes, dispatch"], ['The "north loop"'], ["line one\nline two"], ["carriage\rreturn"]]);
    expect(csv).toBe('text\r\n"Routes, dispatch"\r\n"The ""north loop"""\r\n"line one\nline two"\r\n"carriage\rreturn"\r\n');
  });

  it.each(["=SUM(A1:A9)", "+1", "-2", "@cmd", "\tindented", "=HYPERLINK(\"http://x\",\"y\")"])("neutralises %j so a spreadsheet shows it as text", (text) => {
    const line = toCsv(["method"], [[text]]).split("\r\n")[1]!;
    expect(line.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
  });

  it("quotes a neutralised cell that also needs quoting", () => {
    expect(toCsv(["m"], [['=1+2,"x"']])).toBe(`m\r\n"'=1+2,""x"""\r\n`);
  });

  it("leaves text that only contains formula characters, and numbers, alone", () => {
    expect(toCsv(["a", "b", "c"], [["a=b", "12-3", -5]])).toBe("a,b,c\r\na=b,12-3,-5\r\n");
  });

  it("refuses a row whose length does not match the headers", () => {
    expect(() => toCsv(["a", "b"], [["only one"]])).toThrow(/row 1 has 1 cells for 2 columns/);
  });
});

describe("readInPages", () => {
  const items = Array.from({ length: 7 }, (_, index) => index);
  const reader = (reads: (number | undefined)[]) => async (after: number | undefined, take: number) => {
    reads.push(after);
    return items.filter((item) => after === undefined || item > after).slice(0, take);
  };

  it("reads every row once, each page after the last key of the one before, mapping each page as it comes", async () => {
    const reads: (number | undefined)[] = [];
    const pages: string[][] = [];
    for await (const page of readInPages(reader(reads), (n) => n, (n) => `#${n}`, { first: 3, rest: 3 })) pages.push(page);
    expect(pages).toEqual([["#0", "#1", "#2"], ["#3", "#4", "#5"], ["#6"]]);
    expect(reads).toEqual([undefined, 2, 5]);
  });

  it("reads a small first page, so the file starts at once, and full pages after it", async () => {
    const reads: (number | undefined)[] = [];
    const pages: number[][] = [];
    for await (const page of readInPages(reader(reads), (n) => n, (n) => n, { first: 2, rest: 4 })) pages.push(page);
    expect(pages).toEqual([[0, 1], [2, 3, 4, 5], [6]]);
    expect(reads).toEqual([undefined, 1, 5]);
  });

  it("asks once more after a full last page, and yields no empty page", async () => {
    const reads: (number | undefined)[] = [];
    const pages: number[][] = [];
    for await (const page of readInPages(reader(reads), (n) => n, (n) => n, { first: 7, rest: 7 })) pages.push(page);
    expect(pages).toEqual([items]);
    expect(reads).toEqual([undefined, 6]);
  });
});

describe("csvStreamResponse", () => {
  async function* pagesOf(...pages: CsvCell[][][]) {
    yield* pages;
  }

  it("writes the same file as toCsv, a page at a time", async () => {
    const rows: CsvCell[][] = [["a", 1], ["=SUM(A1)", null], ['say "hi"', 2.5]];
    const response = await csvStreamResponse("x.csv", { headers: ["text", "number"], pages: pagesOf(rows.slice(0, 2), rows.slice(2)) });
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await response.text()).toBe(toCsv(["text", "number"], rows));
  });

  it("writes the header alone when there are no rows", async () => {
    expect(await (await csvStreamResponse("x.csv", { headers: ["a", "b"], pages: pagesOf() })).text()).toBe("a,b\r\n");
  });

  it("fails before answering when the first page fails (a refusal keeps its status), and cuts the file off on a later failure", async () => {
    async function* refused(): AsyncGenerator<CsvCell[][]> {
      throw new Error("refused");
    }
    await expect(csvStreamResponse("x.csv", { headers: ["a"], pages: refused() })).rejects.toThrow("refused");

    async function* failsLater(): AsyncGenerator<CsvCell[][]> {
      yield [["first"]];
      throw new Error("lost the database");
    }
    const response = await csvStreamResponse("x.csv", { headers: ["a"], pages: failsLater() });
    await expect(response.text()).rejects.toThrow("lost the database");
  });

  it("numbers a short row across pages", async () => {
    const response = await csvStreamResponse("x.csv", { headers: ["a", "b"], pages: pagesOf([["1", "2"]], [["3"]]) });
    await expect(response.text()).rejects.toThrow("CSV row 2 has 1 cells for 2 columns");
  });
});
