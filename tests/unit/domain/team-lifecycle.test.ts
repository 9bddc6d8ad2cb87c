import { describe, expect, it } from "vitest";
import { operatesIn } from "@/lib/domain/team-lifecycle";

describe("a team operates", () => {
  const team = { charteredQuarter: "2024-Q2", retiredQuarter: "2026-Q1" };

  it("from its chartered quarter", () => {
    expect(operatesIn(team, "2024-Q1")).toBe(false);
    expect(operatesIn(team, "2024-Q2")).toBe(true);
  });

  it("until the quarter before it retires, not in that quarter or later", () => {
    expect(operatesIn(team, "2025-Q4")).toBe(true);
    expect(operatesIn(team, "2026-Q1")).toBe(false);
    expect(operatesIn(team, "2027-Q3")).toBe(false);
  });

  it("for good while it is not retired", () => {
    expect(operatesIn({ ...team, retiredQuarter: null }, "2040-Q4")).toBe(true);
  });
});
