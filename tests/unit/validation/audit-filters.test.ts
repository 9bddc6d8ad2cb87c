import { describe, expect, it } from "vitest";
import { auditFiltersQuery, readAuditFilters } from "@/lib/validation/audit-filters";

describe("the audit page's URL filters", () => {
  it("reads who, what kind and which days, and writes them back the same", () => {
    const params = { who: " Dana ", kind: "Project", action: "project.updated", from: "2025-01-01", to: "2025-01-31" };
    const { filters, problems } = readAuditFilters(params);
    expect(problems).toEqual([]);
    expect(filters).toEqual({ who: "Dana", kind: "Project", action: "project.updated", from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-01-31T00:00:00Z") });
    expect(auditFiltersQuery(filters)).toBe("who=Dana&kind=Project&action=project.updated&from=2025-01-01&to=2025-01-31");
  });

  it("names values it does not understand, and a span that ends before it starts, instead of applying them", () => {
    const { filters, problems } = readAuditFilters({ kind: "Spaceship", action: "drop.tables", from: "2025-02-01", to: "2025-01-01" });
    expect(filters).toEqual({ from: new Date("2025-02-01T00:00:00Z") });
    expect(problems.map((problem) => [problem.name, problem.message])).toEqual([
      ["kind", "Choose a kind of record from the list"],
      ["action", "Choose a kind of change from the list"],
      ["to", "The last day is before the first (2025-02-01)"],
    ]);
  });
});
