import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { loadUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { getTeamHistory } from "@/lib/data/team-history";
import { currentQuarter, previousQuarter, quarterRange } from "@/lib/domain/quarter";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW } from "@/tests/support/seed-clock";

async function actorFor(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const actor = await loadUser(user.id);
  if (!actor) throw new Error(`${email} could not be loaded`);
  return actor;
}

/** The Colorado couriers: the team of the demo co-leads. */
async function couriersTeamId(): Promise<string> {
  const colead = await actorFor("colead.labor@example.org");
  const teamId = colead.grants.find((grant) => grant.role === "LABOR_COLEAD")?.teamId;
  if (!teamId) throw new Error("The demo labor co-lead has no team");
  return teamId;
}

describe("a team's history", () => {
  // The history is read as of the seed's own present: its quarter is the one the seed left partly rated.
  const now = SEED_NOW;
  let couriers: string;
  beforeAll(async () => {
    await resetToSeed();
    couriers = await couriersTeamId();
  });

  it("shows who the team is and who works with it today", async () => {
    const history = await getTeamHistory(await actorFor("colead.labor@example.org"), couriers, now);
    expect(history.team).toMatchObject({
      name: "Couriers — Colorado Regional Distribution Center",
      region: { slug: "colorado", name: "Colorado" },
      facility: "Colorado Regional Distribution Center",
      department: "Couriers",
      unionLocal: "Teamsters Local 455",
      retiredQuarter: null,
    });
    expect(history.consultants).toContain("Dana Okoro");
  });

  it("has a final quarterly rating for every quarter from 2019-Q1, newest first, and its current level is the latest", async () => {
    const history = await getTeamHistory(await actorFor("staff@example.org"), couriers, now);
    const finalQuarters = history.quarterlyRatings.filter((rating) => rating.status === "FINAL").map((rating) => rating.quarter);
    expect([...finalQuarters].reverse()).toEqual(quarterRange("2019-Q1", finalQuarters[0]!));
    expect(finalQuarters[0]).toBe(previousQuarter(currentQuarter(now)));
    const allQuarters = history.quarterlyRatings.map((rating) => rating.quarter);
    expect(allQuarters).toEqual([...allQuarters].sort().reverse());

    const latest = await prisma.rating.findFirstOrThrow({
      where: { teamId: couriers, kind: "QUARTERLY", status: "FINAL" },
      orderBy: { quarter: "desc" },
      include: { dimensions: true },
    });
    expect(history.currentLevel).toEqual({ quarter: latest.quarter, level: latest.level });
    expect(history.levelHistory.map((point) => point.quarter)).toEqual(quarterRange("2019-Q1", finalQuarters[0]!));
    expect(history.levelHistory.every((point) => point.level !== null)).toBe(true);
    expect(history.levelHistory.at(-1)!.level).toBe(latest.level);

    expect(history.currentDimensions).toHaveLength(7);
    for (const { dimension, level } of latest.dimensions) {
      expect(history.currentDimensions.find((entry) => entry.dimension === dimension)?.level).toBe(level);
    }
    expect(Math.min(...history.currentDimensions.map((entry) => entry.level!))).toBe(latest.level);
    expect(history.quarterlyRatings[0]!.signoffs.map((signoff) => signoff.side).sort()).toEqual(["MANAGEMENT", "UNION"]);
  });

  it("offers rating to sponsors, self-assessment to co-leads, and the team's administration to administrators", async () => {
    const sponsor = await getTeamHistory(await actorFor("sponsor.union@example.org"), couriers, now);
    expect(sponsor.may).toEqual({ rate: true, selfAssess: false, editProjects: false, administer: false });
    const colead = await getTeamHistory(await actorFor("colead.mgmt@example.org"), couriers, now);
    expect(colead.may).toEqual({ rate: false, selfAssess: true, editProjects: true, administer: false });
    const consultant = await getTeamHistory(await actorFor("consultant.colorado@example.org"), couriers, now);
    expect(consultant.may).toEqual({ rate: true, selfAssess: false, editProjects: true, administer: false });
    const admin = await getTeamHistory(await actorFor("admin@example.org"), couriers, now);
    expect(admin.may).toEqual({ rate: false, selfAssess: false, editProjects: false, administer: true });
  });

  it("refuses a co-lead of another team and a consultant of another region", async () => {
    const otherColead = await prisma.roleAssignment.findFirstOrThrow({ where: { role: "LABOR_COLEAD", teamId: { not: couriers } } });
    const georgia = await prisma.region.findUniqueOrThrow({ where: { slug: "georgia" } });
    const refused: Actor[] = [
      { grants: [{ role: "LABOR_COLEAD", teamId: otherColead.teamId, regionId: null }] },
      { grants: [{ role: "CONSULTANT", teamId: null, regionId: georgia.id }] },
    ];
    for (const actor of refused) await expect(getTeamHistory(actor, couriers, now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("answers unknown and malformed ids with NotFoundError", async () => {
    const staff = await actorFor("staff@example.org");
    await expect(getTeamHistory(staff, "00000000-0000-4000-8000-000000000000", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTeamHistory(staff, "not-a-team", now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("handles a new team: no final rating yet, a voided disagreement kept as history, a self-assessment apart", async () => {
    const template = await prisma.team.findUniqueOrThrow({ where: { id: couriers } });
    const team = await prisma.team.create({
      data: { code: "CO-TEST", name: "New test team", regionId: template.regionId, departmentId: template.departmentId, charteredQuarter: currentQuarter(now) },
    });
    const criteriaSet = await prisma.criteriaSet.findFirstOrThrow();
    const sponsor = await prisma.person.findFirstOrThrow({ where: { displayName: "Luz Medina" } });
    const rating = await prisma.rating.create({
      data: { teamId: team.id, quarter: currentQuarter(now), level: 2, status: "AWAITING_SIGNOFF", criteriaSetId: criteriaSet.id },
    });
    // The union sponsor disagreed, then signed once the rating changed: the disagreement is voided, not deleted.
    const signoff = { ratingId: rating.id, side: "UNION", personId: sponsor.id } as const;
    const changedAt = new Date(now.getTime() - 86_400_000);
    await prisma.ratingSignoff.create({
      data: { ...signoff, decision: "DISAGREED", reason: "No charter yet.", createdAt: new Date(changedAt.getTime() - 86_400_000), voidedAt: changedAt },
    });
    await prisma.ratingSignoff.create({ data: { ...signoff, decision: "SIGNED", createdAt: changedAt } });
    await prisma.rating.create({
      data: { teamId: team.id, quarter: currentQuarter(now), kind: "SELF_ASSESSMENT", level: 3, status: "DRAFT", criteriaSetId: criteriaSet.id },
    });

    const history = await getTeamHistory(await actorFor("staff@example.org"), team.id, now);
    expect(history.currentLevel).toBeNull();
    expect(history.currentDimensions).toEqual([]);
    expect(history.levelHistory).toEqual([]);
    expect(history.quarterlyRatings).toHaveLength(1);
    expect(history.quarterlyRatings[0]!.signoffs.map(({ decision, reason, voided }) => ({ decision, reason, voided }))).toEqual([
      { decision: "DISAGREED", reason: "No charter yet.", voided: true },
      { decision: "SIGNED", reason: null, voided: false },
    ]);
    expect(history.selfAssessments.map(({ quarter, level }) => ({ quarter, level }))).toEqual([{ quarter: currentQuarter(now), level: 3 }]);
  });
});
