import { describe, expect, it } from "vitest";
import { grantRoleSchema, handOverRoleSchema } from "@/lib/validation/roles";

const PERSON = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f";
const REGION = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("granting a role", () => {
  it("reads the place the role allows: a team by its code, a region, or national", () => {
    expect(grantRoleSchema.parse({ personId: PERSON, role: "LABOR_COLEAD", teamCode: " co-0042 ", region: REGION, startDate: "2026-12-01" })).toEqual({
      personId: PERSON,
      role: "LABOR_COLEAD",
      place: { kind: "team", teamCode: "CO-0042" },
      startDate: new Date("2026-12-01T00:00:00Z"),
      endDate: null,
    });
    expect(grantRoleSchema.parse({ personId: PERSON, role: "CONSULTANT", region: REGION, startDate: "2026-12-01", endDate: "2027-01-01" }).place).toEqual({ kind: "region", regionId: REGION });
    expect(grantRoleSchema.parse({ personId: PERSON, role: "FINANCE_REVIEWER", region: "NATIONAL", startDate: "2026-12-01" }).place).toEqual({ kind: "national" });
  });

  it("names the field that is missing or not allowed for the role", () => {
    expect(issues(grantRoleSchema.safeParse({ personId: PERSON, role: "UNION_SPONSOR", startDate: "2026-12-01" }))).toEqual([["teamCode", "Enter the team's code"]]);
    expect(issues(grantRoleSchema.safeParse({ personId: PERSON, role: "CONSULTANT", region: "NATIONAL", startDate: "2026-12-01" }))).toEqual([
      ["region", "UBT consultants work for a region: choose one"],
    ]);
    expect(issues(grantRoleSchema.safeParse({ personId: PERSON, role: "LMP_STAFF", region: "", startDate: "2026-12-01" }))).toEqual([["region", "Choose a region or the whole partnership"]]);
    expect(issues(grantRoleSchema.safeParse({ personId: PERSON, role: "CONSULTANT", region: REGION, startDate: "2026-12-01", endDate: "2026-11-30" }))).toEqual([
      ["endDate", "The end date cannot be before the start date"],
    ]);
  });
});

describe("handing a role over", () => {
  const base = { assignmentId: PERSON, day: "2026-12-01" };

  it("names an existing successor by email or employee id, or a new one by name and email", () => {
    expect(handOverRoleSchema.parse({ ...base, successorKind: "EXISTING", successorKey: " E0000042 " }).successor).toEqual({ kind: "existing", emailOrEmployeeId: "E0000042" });
    expect(handOverRoleSchema.parse({ ...base, successorKind: "NEW", successorName: " Nova Newhire ", successorEmail: "Nova@Example.org" }).successor).toEqual({
      kind: "new",
      displayName: "Nova Newhire",
      email: "nova@example.org",
    });
  });

  it("asks for what the chosen kind of successor needs", () => {
    expect(issues(handOverRoleSchema.safeParse({ ...base, successorKind: "EXISTING", successorKey: "" }))).toEqual([["successorKey", "Enter the successor's email or employee id"]]);
    expect(issues(handOverRoleSchema.safeParse({ ...base, successorKind: "NEW", successorName: "", successorEmail: "nope" }))).toEqual([
      ["successorName", "Enter the person's name"],
      ["successorEmail", "Enter an email address like name@example.org"],
    ]);
  });
});
