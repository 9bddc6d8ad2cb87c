import { describe, expect, it } from "vitest";
import { operatesIn, retirementLabel, retirementQuarter } from "@/lib/domain/team-lifecycle";

const NOV_2026 = new Date("2026-11-15T12:00:00Z");

describe("a team's lifetime", () => {
  it("operates from its charter quarter until the quarter it retires in", () => {
    const team = { charteredQuarter: "2020-Q1", retiredQuarter: "2027-Q1" };
    expect(operatesIn(team, "2019-Q4")).toBe(false);
    expect(operatesIn(team, "2020-Q1")).toBe(true);
    expect(operatesIn(team, "2026-Q4")).toBe(true);
    expect(operatesIn(team, "2027-Q1")).toBe(false);
    expect(operatesIn({ ...team, retiredQuarter: null }, "2030-Q2")).toBe(true);
  });

  it("says a retirement still to come in the future tense", () => {
    expect(retirementLabel("2027-Q1", NOV_2026)).toBe("Retires from Q1 2027");
    expect(retirementLabel("2026-Q4", NOV_2026)).toBe("Retired from Q4 2026");
    expect(retirementLabel("2021-Q3", NOV_2026)).toBe("Retired from Q3 2021");
  });
});

describe("retiring today", () => {
  it("takes effect from the next quarter, across a year's end too", () => {
    expect(retirementQuarter(NOV_2026)).toBe("2027-Q1");
    expect(retirementQuarter(new Date("2026-05-01T00:00:00Z"))).toBe("2026-Q3");
  });
});
