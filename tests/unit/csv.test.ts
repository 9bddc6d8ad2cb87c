import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";

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
