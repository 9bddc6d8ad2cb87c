import { describe, expect, it } from "vitest";
import { engagementShare, teamEngagement, type TeamEngagementRecords } from "@/lib/domain/engagement";
import { formatEngagement } from "@/lib/format";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const none: TeamEngagementRecords = { roster: [], projects: [], cycles: [], dataPoints: [] };
const onRoster = (personId: string, joinedOn = "2025-01-01", leftOn: string | null = null) => ({ personId, joinedOn: day(joinedOn), leftOn: leftOn ? day(leftOn) : null });

describe("teamEngagement", () => {
  it("has no share without a roster, and 0% when nobody on it was named", () => {
    expect(teamEngagement(none, "2026-Q1")).toEqual({ engaged: 0, rosterMembers: 0, percent: null });
    expect(teamEngagement({ ...none, roster: [onRoster("a")] }, "2026-Q1")).toEqual({ engaged: 0, rosterMembers: 1, percent: 0 });
  });

  it("counts the roster of the quarter: someone who left during it is in, someone who left before or joined after is not", () => {
    const roster = [onRoster("left-mid", "2025-01-01", "2026-02-10"), onRoster("left-before", "2025-01-01", "2025-12-31"), onRoster("joins-later", "2026-04-01")];
    const cycles = roster.map(({ personId }) => ({ personId, startDate: day("2026-01-05"), endDate: null }));
    expect(teamEngagement({ ...none, roster, cycles }, "2026-Q1")).toEqual({ engaged: 1, rosterMembers: 1, percent: 100 });
  });

  it("counts a project naming from being added until removed or the project's last update, whichever is first", () => {
    const roster = [onRoster("a"), onRoster("b"), onRoster("c")];
    const projects = [
      { personId: "a", addedOn: day("2025-11-01"), removedOn: day("2025-12-31"), projectLastActivityAt: day("2026-03-01") },
      { personId: "b", addedOn: day("2025-11-01"), removedOn: null, projectLastActivityAt: new Date("2026-01-01T18:30:00Z") },
      { personId: "c", addedOn: day("2025-11-01"), removedOn: null, projectLastActivityAt: day("2025-12-20") },
    ];
    expect(teamEngagement({ ...none, roster, projects }, "2026-Q1")).toEqual({ engaged: 1, rosterMembers: 3, percent: 33 });
    expect(teamEngagement({ ...none, roster, projects }, "2025-Q4")).toEqual({ engaged: 3, rosterMembers: 3, percent: 100 });
  });

  it("counts a cycle without an end date on its start day only, and a collector by the data point's day", () => {
    const roster = [onRoster("a"), onRoster("b")];
    const cycles = [{ personId: "a", startDate: day("2025-12-31"), endDate: null }];
    const dataPoints = [{ personId: "b", date: day("2026-03-31") }];
    expect(teamEngagement({ ...none, roster, cycles, dataPoints }, "2025-Q4")).toMatchObject({ engaged: 1 });
    expect(teamEngagement({ ...none, roster, cycles, dataPoints }, "2026-Q1")).toMatchObject({ engaged: 1 });
    const longCycle = [{ personId: "a", startDate: day("2025-12-01"), endDate: day("2026-01-02") }];
    expect(teamEngagement({ ...none, roster, cycles: longCycle }, "2026-Q1")).toMatchObject({ engaged: 1 });
  });

  it("never counts someone named who is not on the roster, and counts a person once however often named", () => {
    const roster = [onRoster("a"), onRoster("a", "2024-01-01", "2024-06-30")];
    const cycles = [{ personId: "a", startDate: day("2026-01-05"), endDate: null }, { personId: "outsider", startDate: day("2026-01-05"), endDate: null }];
    const dataPoints = [{ personId: "a", date: day("2026-02-01") }, { personId: "outsider", date: day("2026-02-01") }];
    expect(teamEngagement({ ...none, roster, cycles, dataPoints }, "2026-Q1")).toEqual({ engaged: 1, rosterMembers: 1, percent: 100 });
  });
});

describe("engagement wording", () => {
  it("reads as counts and a whole percent, never above 100", () => {
    expect(formatEngagement(engagementShare(7, 12))).toBe("7 of 12 roster members (58%)");
    expect(formatEngagement(engagementShare(1, 1))).toBe("1 of 1 roster member (100%)");
    expect(formatEngagement(engagementShare(0, 0))).toBe("No roster");
    expect(() => engagementShare(3, 2)).toThrow(RangeError);
  });
});
