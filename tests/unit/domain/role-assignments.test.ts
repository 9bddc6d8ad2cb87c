import { describe, expect, it } from "vitest";
import { addDays, byCurrentThenRecent, endProblem, handoverProblem, isCurrent } from "@/lib/domain/role-assignments";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const TODAY = day("2026-12-01");

describe("a role's period", () => {
  it("is current from its first to its last day", () => {
    expect(isCurrent({ startDate: TODAY, endDate: null }, TODAY)).toBe(true);
    expect(isCurrent({ startDate: day("2020-01-01"), endDate: TODAY }, TODAY)).toBe(true);
    expect(isCurrent({ startDate: day("2020-01-01"), endDate: day("2026-11-30") }, TODAY)).toBe(false);
    expect(isCurrent({ startDate: day("2026-12-02"), endDate: null }, TODAY)).toBe(false);
  });

  it("ends on a day not before it began, and not once it is over", () => {
    const running = { startDate: day("2020-06-01"), endDate: null };
    expect(endProblem(running, day("2020-06-01"), TODAY)).toBeNull();
    expect(endProblem(running, day("2027-01-01"), TODAY)).toBeNull();
    expect(endProblem(running, day("2020-05-31"), TODAY)).toBe("The end date cannot be before the role began.");
    expect(endProblem({ startDate: day("2020-06-01"), endDate: day("2026-01-01") }, day("2026-02-01"), TODAY)).toBe("This role has already ended; its dates are history.");
  });
});

describe("handing a role over", () => {
  const holder = { personId: "holder", startDate: day("2017-01-09"), endDate: null };
  const handover = (overrides: Partial<Parameters<typeof handoverProblem>[0]> = {}) =>
    handoverProblem({ holder, successorId: "successor", day: TODAY, today: TODAY, successorHoldsRole: false, ...overrides });

  it("is possible on a day after the holder began, to someone else who does not hold the role there", () => {
    expect(handover()).toBeNull();
    expect(handover({ day: day("2017-01-10") })).toBeNull();
    expect(handover({ day: day("2027-03-01") })).toBeNull();
  });

  it("refuses the holder as their own successor", () => {
    expect(handover({ successorId: "holder" })).toEqual({ field: "successor", message: "Choose someone else: this person already holds the role." });
  });

  it("refuses a day not after the holder's first day", () => {
    expect(handover({ day: day("2017-01-09") })).toMatchObject({ field: "day" });
    expect(handover({ day: day("2016-12-31") })).toMatchObject({ field: "day" });
  });

  it("refuses a successor who already holds the role on the team", () => {
    expect(handover({ successorHoldsRole: true })).toEqual({ field: "successor", message: "The successor already holds this role on this team." });
  });

  it("refuses a role not held today, and a day after the role already ends", () => {
    expect(handover({ holder: { ...holder, endDate: day("2026-11-30") } })).toMatchObject({ field: "day", message: "Only a role held today can be handed over." });
    const endsSoon = { ...holder, endDate: day("2026-12-10") };
    expect(handover({ holder: endsSoon, day: day("2026-12-11") })).toBeNull();
    expect(handover({ holder: endsSoon, day: day("2026-12-12") })).toMatchObject({ field: "day" });
  });
});

describe("the order of a role's holders", () => {
  it("lists the current holder first, then the most recent", () => {
    const past = { name: "past", startDate: day("2015-01-01"), endDate: day("2018-12-31") };
    const recent = { name: "recent", startDate: day("2019-01-01"), endDate: addDays(TODAY, -1) };
    const current = { name: "current", startDate: TODAY, endDate: null };
    const upcoming = { name: "upcoming", startDate: day("2027-01-01"), endDate: null };
    expect(byCurrentThenRecent([past, current, upcoming, recent], TODAY).map((holder) => holder.name)).toEqual(["current", "upcoming", "recent", "past"]);
  });
});
