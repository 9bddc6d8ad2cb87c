import { describe, expect, it } from "vitest";
import { dollarsSchema, formatCents, parseDollars } from "@/lib/domain/money";

describe("parseDollars", () => {
  it("reads dollars and cents exactly", () => {
    expect(parseDollars("12,345.67")).toBe(1_234_567);
    expect(parseDollars("$12,345.67")).toBe(1_234_567);
    expect(parseDollars("12345.6")).toBe(1_234_560);
    expect(parseDollars("0.01")).toBe(1);
    expect(parseDollars("600000")).toBe(60_000_000);
    // 0.1 + 0.2 style float errors cannot occur: the digits are read, not multiplied.
    expect(parseDollars("0.29")).toBe(29);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "-5", "12.345", "1e3", "abc", "12,34.00", "1,2345", "$", ".5"]) expect(parseDollars(bad), bad).toBeNull();
  });
});

describe("formatCents", () => {
  it("formats integer cents", () => {
    expect(formatCents(1_234_567)).toBe("$12,345.67");
    expect(formatCents(5)).toBe("$0.05");
    expect(formatCents(0)).toBe("$0.00");
    expect(formatCents(60_265_695_500)).toBe("$602,656,955.00");
  });
});

describe("money schemas", () => {
  it("turn form dollars into cents with specific messages", () => {
    expect(dollarsSchema.parse("12,345.67")).toBe(1_234_567);
    expect(dollarsSchema.safeParse("-1").error?.issues[0]?.message).toMatch(/no negative amounts/);
    expect(dollarsSchema.safeParse("99999999").error?.issues[0]?.message).toMatch(/at most \$21,474,836.47/);
  });
});
