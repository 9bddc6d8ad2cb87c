import { describe, expect, it } from "vitest";
import {
  addCents,
  centsAsDecimal,
  centsFromSum,
  isAwaitingReview,
  isEditable,
  periodProblem,
  totalSavings,
  totalsFromSums,
  ZERO_TOTALS,
  type SavingsFigures,
} from "@/lib/domain/savings";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

function entry(overrides: Partial<SavingsFigures>): SavingsFigures {
  return { amountCents: 100, status: "REPORTED", recurrence: "ONE_TIME", periodStart: null, periodEnd: null, ...overrides };
}

describe("totalSavings", () => {
  it("is zero for no entries", () => {
    expect(totalSavings([])).toEqual(ZERO_TOTALS);
  });

  it("counts validated entries as reported too, and keeps rejected ones apart", () => {
    const totals = totalSavings([
      entry({ amountCents: 1_000, status: "REPORTED" }),
      entry({ amountCents: 20_000, status: "VALIDATED" }),
      entry({ amountCents: 300_000, status: "REJECTED" }),
    ]);
    expect(totals.reported.totalCents).toBe(21_000);
    expect(totals.validated.totalCents).toBe(20_000);
    expect(totals.rejected.totalCents).toBe(300_000);
  });

  it("splits one-time from recurring on every side", () => {
    const totals = totalSavings([
      entry({ amountCents: 1_234_567, status: "VALIDATED" }),
      entry({ amountCents: 37_500_000, status: "VALIDATED", recurrence: "RECURRING", periodStart: day("2020-01-01"), periodEnd: day("2020-12-31") }),
      entry({ amountCents: 5_00, status: "REPORTED", recurrence: "RECURRING", periodStart: day("2021-01-01"), periodEnd: day("2021-03-31") }),
      entry({ amountCents: 7_00, status: "REJECTED", recurrence: "RECURRING", periodStart: day("2021-01-01"), periodEnd: day("2021-12-31") }),
    ]);
    expect(totals).toEqual({
      reported: { oneTimeCents: 1_234_567, recurringCents: 37_500_500, totalCents: 38_735_067 },
      validated: { oneTimeCents: 1_234_567, recurringCents: 37_500_000, totalCents: 38_734_567 },
      rejected: { oneTimeCents: 0, recurringCents: 7_00, totalCents: 7_00 },
    });
  });

  it("counts a recurring entry's amount once, for its stated period, whatever the period's length (no annualising)", () => {
    const quarter = entry({ amountCents: 90_000_00, status: "VALIDATED", recurrence: "RECURRING", periodStart: day("2021-01-01"), periodEnd: day("2021-03-31") });
    const threeYears = entry({ ...quarter, periodStart: day("2019-01-01"), periodEnd: day("2021-12-31") });
    expect(totalSavings([quarter]).validated.recurringCents).toBe(90_000_00);
    expect(totalSavings([threeYears]).validated.recurringCents).toBe(90_000_00);
  });
});

describe("cents arithmetic", () => {
  it("adds whole cents", () => {
    expect(addCents(1, 2, 3)).toBe(6);
    expect(addCents()).toBe(0);
  });

  it("refuses fractions, non-numbers and sums beyond a safe integer", () => {
    expect(() => addCents(0.5)).toThrow(RangeError);
    expect(() => addCents(Number.NaN)).toThrow(RangeError);
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => totalSavings([entry({ amountCents: Number.MAX_SAFE_INTEGER }), entry({ amountCents: 1 })])).toThrow(RangeError);
  });

  it("takes SQL's bigint sums exactly, and refuses ones a number cannot hold", () => {
    expect(centsFromSum(60_265_695_500n)).toBe(60_265_695_500);
    expect(centsFromSum(0)).toBe(0);
    expect(() => centsFromSum(2n ** 60n)).toThrow(RangeError);
  });

  it("turns the six SQL sums into totals", () => {
    expect(
      totalsFromSums({ reportedOneTime: 5n, reportedRecurring: 7n, validatedOneTime: 1n, validatedRecurring: 2n, rejectedOneTime: 0n, rejectedRecurring: 9n }),
    ).toEqual({
      reported: { oneTimeCents: 5, recurringCents: 7, totalCents: 12 },
      validated: { oneTimeCents: 1, recurringCents: 2, totalCents: 3 },
      rejected: { oneTimeCents: 0, recurringCents: 9, totalCents: 9 },
    });
  });

  it.each([
    [1_234_567, "12345.67"],
    [5, "0.05"],
    [0, "0.00"],
    [100, "1.00"],
    [2_147_483_647, "21474836.47"],
  ])("writes %i cents as %s dollars for files", (cents, text) => {
    expect(centsAsDecimal(cents)).toBe(text);
  });
});

describe("workflow", () => {
  it("locks validated entries and lets reported and rejected ones be corrected", () => {
    expect(isEditable("VALIDATED")).toBe(false);
    expect(isEditable("REPORTED")).toBe(true);
    expect(isEditable("REJECTED")).toBe(true);
  });

  it("reviews only entries awaiting review", () => {
    expect(["REPORTED", "VALIDATED", "REJECTED"].filter((status) => isAwaitingReview(status as "REPORTED"))).toEqual(["REPORTED"]);
  });
});

describe("periodProblem", () => {
  it("requires both ends of the period for recurring savings", () => {
    expect(periodProblem("RECURRING", null, null)?.field).toBe("periodStart");
    expect(periodProblem("RECURRING", day("2021-01-01"), null)?.field).toBe("periodEnd");
    expect(periodProblem("RECURRING", day("2021-01-01"), day("2021-12-31"))).toBeNull();
  });

  it("lets one-time savings name a period or not, but not half of one", () => {
    expect(periodProblem("ONE_TIME", null, null)).toBeNull();
    expect(periodProblem("ONE_TIME", day("2021-01-01"), day("2021-01-01"))).toBeNull();
    expect(periodProblem("ONE_TIME", null, day("2021-01-01"))?.message).toBe("Give both the start and the end of the period, or neither");
  });

  it("refuses a period that ends before it starts", () => {
    expect(periodProblem("RECURRING", day("2021-12-31"), day("2021-01-01"))).toEqual({ field: "periodEnd", message: "The period cannot end before it starts" });
  });
});
