import { describe, expect, it } from "vitest";
import { diffSnapshots } from "@/lib/domain/audit-diff";
import { describeChanges, formatAuditValue, referencedIds } from "@/lib/domain/audit-labels";

const CRITERION_A = "11111111-1111-4111-8111-111111111111";
const CRITERION_B = "22222222-2222-4222-8222-222222222222";
const PERSON = "33333333-3333-4333-8333-333333333333";

describe("diffSnapshots", () => {
  it("lists the fields that changed, were added and were removed, and nothing else", () => {
    const before = { title: "Fewer falls", aim: "Cut falls", goalId: null, note: "old", status: "IDEA" };
    const after = { title: "Fewer falls on 3 West", aim: "Cut falls", goalId: "g-1", status: "IDEA", tools: ["PDSA"] };
    expect(diffSnapshots(before, after)).toEqual([
      { path: ["title"], kind: "changed", before: "Fewer falls", after: "Fewer falls on 3 West" },
      { path: ["goalId"], kind: "added", before: null, after: "g-1" },
      { path: ["tools"], kind: "added", before: undefined, after: ["PDSA"] },
      { path: ["note"], kind: "removed", before: "old", after: undefined },
    ]);
  });

  it("finds nothing when nothing changed, whatever order choices were ticked in", () => {
    const snapshot = { title: "A", compassPoints: ["BEST_QUALITY", "BEST_SERVICE"], nested: { a: 1, b: [1, 2] } };
    expect(diffSnapshots(snapshot, { ...snapshot, compassPoints: ["BEST_SERVICE", "BEST_QUALITY"] })).toEqual([]);
    expect(diffSnapshots(null, null)).toEqual([]);
    expect(diffSnapshots(undefined, {})).toEqual([]);
  });

  it("lists what a creation set (without its empty fields) when there is no before", () => {
    expect(diffSnapshots(null, { title: "New", goalId: null, tools: [], startDate: "2026-01-05" })).toEqual([
      { path: ["title"], kind: "added", before: undefined, after: "New" },
      { path: ["startDate"], kind: "added", before: undefined, after: "2026-01-05" },
    ]);
  });

  it("lists what a removal removed when there is no after", () => {
    expect(diffSnapshots({ name: "Wait time", dataPoints: 4, unit: null }, undefined)).toEqual([
      { path: ["name"], kind: "removed", before: "Wait time", after: undefined },
      { path: ["dataPoints"], kind: "removed", before: 4, after: undefined },
    ]);
  });

  it("compares nested records field by field", () => {
    const before = { from: "a", endedAssignment: { role: "UNION_SPONSOR", endDate: null } };
    const after = { from: "a", endedAssignment: { role: "UNION_SPONSOR", endDate: "2026-03-31" } };
    expect(diffSnapshots(before, after)).toEqual([{ path: ["endedAssignment", "endDate"], kind: "added", before: null, after: "2026-03-31" }]);
  });

  it("compares lists of records by their id, so one ticked criterion is one change", () => {
    const before = { level: 1, checks: [{ criterionId: CRITERION_A, met: true, evidence: null }] };
    const after = {
      level: 2,
      checks: [
        { criterionId: CRITERION_B, met: true, evidence: "Charter signed" },
        { criterionId: CRITERION_A, met: true, evidence: null },
      ],
    };
    expect(diffSnapshots(before, after)).toEqual([
      { path: ["level"], kind: "changed", before: 1, after: 2 },
      { path: ["checks", CRITERION_B, "met"], kind: "added", before: undefined, after: true },
      { path: ["checks", CRITERION_B, "evidence"], kind: "added", before: undefined, after: "Charter signed" },
    ]);
  });

  it("treats other lists as one value", () => {
    expect(diffSnapshots({ values: [[1, 2]] }, { values: [[2, 1]] })).toEqual([{ path: ["values"], kind: "changed", before: [[1, 2]], after: [[2, 1]] }]);
  });
});

describe("describeChanges", () => {
  const names = new Map([
    [CRITERION_B, "A team charter is completed"],
    [PERSON, "Dana Ortiz"],
  ]);

  it("labels fields and shows values in the app's words", () => {
    const changes = diffSnapshots(
      { amountCents: 120000, status: "REPORTED", reportedOn: "2026-02-01", category: "HARD_SAVINGS", version: 1 },
      { amountCents: 150050, status: "REJECTED", reportedOn: "2026-02-01", category: "COST_AVOIDANCE", version: 2 },
    );
    expect(describeChanges("SavingsEntry", changes, names)).toEqual([
      { label: "Amount", kind: "changed", before: "$1,200.00", after: "$1,500.50" },
      { label: "Status", kind: "changed", before: "Awaiting review", after: "Rejected" },
      { label: "Category", kind: "changed", before: "Hard savings", after: "Cost avoidance" },
    ]);
  });

  it("names criteria and people instead of showing their ids, and levels by name", () => {
    const changes = diffSnapshots({ level: null, checks: [] }, { level: 2, checks: [{ criterionId: CRITERION_B, met: true, evidence: null }] });
    expect(describeChanges("Rating", changes, names)).toEqual([
      { label: "Level", kind: "added", before: "Below level 1", after: "2 · Foundational" },
      { label: "Criteria › A team charter is completed › Met", kind: "added", before: null, after: "Yes" },
    ]);
    expect(formatAuditValue("TeamMember", ["personId"], PERSON, names)).toBe("Dana Ortiz");
    expect(formatAuditValue("Project", ["startDate"], "2026-01-05", names)).toBe("Jan 5, 2026");
    expect(formatAuditValue("Project", ["compassPoints"], ["BEST_QUALITY", "MOST_AFFORDABLE"], names)).toBe("Best Quality, Most Affordable");
    expect(formatAuditValue("Project", ["tools"], [], names)).toBe("None");
  });

  it("collects the ids a snapshot refers to, in values and as list keys", () => {
    expect(referencedIds({ personId: PERSON, checks: [{ criterionId: CRITERION_A }], other: "text" })).toEqual(new Set([PERSON, CRITERION_A]));
  });
});
