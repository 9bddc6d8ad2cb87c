import { describe, expect, it } from "vitest";
import { BOARD_COLUMNS, boardMoves, canTransition, needsUpdate, STATUS_TRANSITIONS } from "@/lib/domain/projects";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";

const ALL: ProjectStatus[] = ["IDEA", "ACTIVE", "TESTING", "IMPLEMENTED", "SUSTAINED", "ABANDONED"];

describe("project status transitions", () => {
  it("follow idea → active → testing → implemented → sustained", () => {
    expect(canTransition("IDEA", "ACTIVE")).toBe(true);
    expect(canTransition("ACTIVE", "TESTING")).toBe(true);
    expect(canTransition("TESTING", "IMPLEMENTED")).toBe(true);
    expect(canTransition("IMPLEMENTED", "SUSTAINED")).toBe(true);
  });

  it("refuse jumps", () => {
    expect(canTransition("IDEA", "SUSTAINED")).toBe(false);
    expect(canTransition("IDEA", "IMPLEMENTED")).toBe(false);
    expect(canTransition("ACTIVE", "SUSTAINED")).toBe(false);
    expect(canTransition("SUSTAINED", "ACTIVE")).toBe(false);
    expect(canTransition("ABANDONED", "ACTIVE")).toBe(false);
  });

  it("allow abandoning before a change is in place, and reviving an abandoned idea", () => {
    for (const from of ["IDEA", "ACTIVE", "TESTING"] as const) expect(canTransition(from, "ABANDONED")).toBe(true);
    expect(canTransition("SUSTAINED", "ABANDONED")).toBe(false);
    expect(canTransition("ABANDONED", "IDEA")).toBe(true);
  });

  it("treat staying put as no transition, and never list a status as its own next step", () => {
    for (const status of ALL) {
      expect(canTransition(status, status)).toBe(true);
      expect(STATUS_TRANSITIONS[status]).not.toContain(status);
    }
  });
});

describe("the 90-day rule", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

  it("flags open projects not updated for more than 90 days", () => {
    expect(needsUpdate({ status: "ACTIVE", lastActivityAt: daysAgo(91) }, now)).toBe(true);
    expect(needsUpdate({ status: "ACTIVE", lastActivityAt: daysAgo(90) }, now)).toBe(false);
    expect(needsUpdate({ status: "IDEA", lastActivityAt: daysAgo(200) }, now)).toBe(true);
    expect(needsUpdate({ status: "IMPLEMENTED", lastActivityAt: daysAgo(120) }, now)).toBe(true);
  });

  it("leaves finished and abandoned projects alone", () => {
    expect(needsUpdate({ status: "SUSTAINED", lastActivityAt: daysAgo(400) }, now)).toBe(false);
    expect(needsUpdate({ status: "ABANDONED", lastActivityAt: daysAgo(400) }, now)).toBe(false);
  });
});

describe("boardMoves", () => {
  it("moves a card one column at a time, only where the workflow allows", () => {
    expect(boardMoves("IDEA")).toEqual({ back: null, forward: "ACTIVE" });
    // Active work does not go back to an idea; a failed test returns to active work.
    expect(boardMoves("ACTIVE")).toEqual({ back: null, forward: "TESTING" });
    expect(boardMoves("TESTING")).toEqual({ back: "ACTIVE", forward: "IMPLEMENTED" });
    expect(boardMoves("IMPLEMENTED")).toEqual({ back: "TESTING", forward: "SUSTAINED" });
    expect(boardMoves("SUSTAINED")).toEqual({ back: null, forward: null });
    expect(boardMoves("ABANDONED")).toEqual({ back: null, forward: null });
  });

  it("only ever offers a move the status workflow accepts", () => {
    for (const status of BOARD_COLUMNS) {
      const { back, forward } = boardMoves(status);
      for (const to of [back, forward]) if (to) expect(canTransition(status, to)).toBe(true);
    }
  });
});
