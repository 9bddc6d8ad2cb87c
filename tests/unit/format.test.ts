import { describe, expect, it } from "vitest";
import { countOf, formatDateTime, formatDay, formatLevel, formatTenure } from "@/lib/format";

describe("words for figures", () => {
  it("puts a count and its noun in agreement", () => {
    expect(countOf(1, "team")).toBe("1 team");
    expect(countOf(0, "team")).toBe("0 teams");
    expect(countOf(3803, "team")).toBe("3,803 teams");
    expect(countOf(2, "entry", "entries")).toBe("2 entries");
  });

  it("shows stored days and times in UTC, so no time zone moves a day", () => {
    expect(formatDay(new Date("2026-01-15T00:00:00Z"))).toBe("Jan 15, 2026");
    expect(formatDateTime(new Date("2026-01-15T15:04:00Z"))).toBe("Jan 15, 2026, 3:04 PM UTC");
  });

  it("names a level, and its absence", () => {
    expect(formatLevel(4)).toBe("4 · Operational");
    expect(formatLevel(null)).toBe("Below level 1");
  });

  it("says how long someone held a role: ended, held today, or not begun yet", () => {
    const startDate = new Date("2017-01-09T00:00:00Z");
    expect(formatTenure({ startDate, endDate: new Date("2026-12-01T00:00:00Z"), current: false })).toBe("Jan 9, 2017 – Dec 1, 2026");
    expect(formatTenure({ startDate, endDate: null, current: true })).toBe("Jan 9, 2017 – today");
    expect(formatTenure({ startDate: new Date("2026-12-02T00:00:00Z"), endDate: null, current: false })).toBe("from Dec 2, 2026");
  });
});
