import { describe, expect, it } from "vitest";
import { isOverdue, queueStatusLabel, sidesAwaiting, sponsorSideOf, statusFromSignoffs } from "@/lib/domain/rating-workflow";

describe("statusFromSignoffs", () => {
  it("is a draft until someone signs", () => {
    expect(statusFromSignoffs([])).toBe("DRAFT");
  });

  it("awaits the other side after one side signs", () => {
    expect(statusFromSignoffs([{ side: "UNION", decision: "SIGNED" }])).toBe("AWAITING_SIGNOFF");
    expect(statusFromSignoffs([{ side: "MANAGEMENT", decision: "SIGNED" }])).toBe("AWAITING_SIGNOFF");
  });

  it("is final only with both sides signed", () => {
    expect(
      statusFromSignoffs([
        { side: "UNION", decision: "SIGNED" },
        { side: "MANAGEMENT", decision: "SIGNED" },
      ]),
    ).toBe("FINAL");
  });

  it("is disputed while either side disagrees", () => {
    expect(statusFromSignoffs([{ side: "UNION", decision: "DISAGREED" }])).toBe("DISPUTED");
    expect(
      statusFromSignoffs([
        { side: "UNION", decision: "SIGNED" },
        { side: "MANAGEMENT", decision: "DISAGREED" },
      ]),
    ).toBe("DISPUTED");
  });
});

describe("labels and sides", () => {
  it("names the side still to sign", () => {
    expect(queueStatusLabel("AWAITING_SIGNOFF", [{ side: "UNION", decision: "SIGNED" }])).toBe("Awaiting management sign-off");
    expect(queueStatusLabel("AWAITING_SIGNOFF", [{ side: "MANAGEMENT", decision: "SIGNED" }])).toBe("Awaiting union sign-off");
    expect(queueStatusLabel("NOT_STARTED")).toBe("Not started");
    expect(sidesAwaiting([])).toEqual(["UNION", "MANAGEMENT"]);
  });

  it("maps sponsor roles to sides and nothing else", () => {
    expect(sponsorSideOf("UNION_SPONSOR")).toBe("UNION");
    expect(sponsorSideOf("MANAGEMENT_SPONSOR")).toBe("MANAGEMENT");
    expect(sponsorSideOf("LMP_STAFF")).toBeNull();
    expect(sponsorSideOf("LABOR_COLEAD")).toBeNull();
  });
});

describe("isOverdue", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  it("flags unfinished ratings of ended quarters only", () => {
    expect(isOverdue("2026-Q3", "DRAFT", now)).toBe(true);
    expect(isOverdue("2026-Q3", "NOT_STARTED", now)).toBe(true);
    expect(isOverdue("2026-Q3", "FINAL", now)).toBe(false);
    expect(isOverdue("2026-Q4", "NOT_STARTED", now)).toBe(false);
  });
});
