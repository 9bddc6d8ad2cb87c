import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { getEngagementByRegionAndLevel, getTeamEngagement } from "@/lib/data/engagement";
import { NATIONAL } from "@/lib/data/regional-rollup";
import { teamEngagement, type TeamEngagementRecords } from "@/lib/domain/engagement";
import { compareQuarters, previousQuarter, type Quarter } from "@/lib/domain/quarter";
import { actorFor, actorWithAssignment, couriersTeam } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { recordsByTeam } from "@/tests/support/engagement-records";
import { SEED_QUARTER } from "@/tests/support/seed-clock";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("engagement in SQL against the pure rule, on the seed", () => {
  let records: Map<string, TeamEngagementRecords>;
  beforeAll(async () => {
    await resetToSeed();
    records = await recordsByTeam();
  });

  it("gives every region × level the rule's counts, summed over its operating teams", async () => {
    const staff = await actorFor("staff@example.org");
    for (const quarter of [SEED_QUARTER, previousQuarter(SEED_QUARTER)] as Quarter[]) {
      const teams = await prisma.team.findMany({
        select: { id: true, regionId: true, charteredQuarter: true, retiredQuarter: true, ratings: { where: { quarter, kind: "QUARTERLY", status: "FINAL" }, select: { level: true } } },
      });
      const expected = new Map<string, { teams: number; engaged: number; rosterMembers: number }>();
      for (const team of teams) {
        const operating = compareQuarters(team.charteredQuarter as Quarter, quarter) <= 0 && (team.retiredQuarter === null || compareQuarters(team.retiredQuarter as Quarter, quarter) > 0);
        if (!operating) continue;
        const key = `${team.regionId}/${team.ratings[0]?.level ?? null}`;
        const figures = teamEngagement(records.get(team.id) ?? { roster: [], projects: [], cycles: [], dataPoints: [] }, quarter);
        const sum = expected.get(key) ?? { teams: 0, engaged: 0, rosterMembers: 0 };
        expected.set(key, { teams: sum.teams + 1, engaged: sum.engaged + figures.engaged, rosterMembers: sum.rosterMembers + figures.rosterMembers });
      }
      const cells = await getEngagementByRegionAndLevel(staff, quarter, NATIONAL);
      const actual = new Map(cells.map((cell) => [`${cell.regionId}/${cell.level}`, { teams: cell.teams, engaged: cell.engaged, rosterMembers: cell.rosterMembers }]));
      expect(actual, quarter).toEqual(expected);
      // The seed names people: engagement is neither empty nor everyone, and percents stay within 0–100.
      const total = cells.reduce((sum, cell) => ({ engaged: sum.engaged + cell.engaged, members: sum.members + cell.rosterMembers }), { engaged: 0, members: 0 });
      expect(total.engaged).toBeGreaterThan(0);
      expect(total.engaged).toBeLessThan(total.members);
      for (const cell of cells) expect(cell.percent === null || (cell.percent >= 0 && cell.percent <= 100)).toBe(true);
    }
  });

  it("gives the team page the rule's figures, quarter by quarter", async () => {
    const couriers = await couriersTeam();
    const colead = await actorFor("colead.labor@example.org");
    const quarters = await getTeamEngagement(colead, couriers.id, SEED_QUARTER);
    expect(quarters).toHaveLength(8);
    for (const row of quarters) expect(row, row.quarter).toEqual({ quarter: row.quarter, ...teamEngagement(records.get(couriers.id)!, row.quarter) });
  });

  it("is only for those who may see the team", async () => {
    const couriers = await couriersTeam();
    const georgiaColead = await actorWithAssignment({ role: "LABOR_COLEAD", team: { region: { name: "Georgia" } } });
    await expect(getTeamEngagement(georgiaColead, couriers.id, SEED_QUARTER)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("engagement in SQL against the pure rule, at the edges", () => {
  const quarter: Quarter = "2025-Q1";
  let teamId: string;
  let people: Record<"leftMid" | "leftBefore" | "removed" | "cycleNoEnd" | "collector" | "idle" | "outsider", string>;
  let records: TeamEngagementRecords;

  beforeAll(async () => {
    await resetToSeed();
    const team = await prisma.team.findFirstOrThrow({ where: { code: { not: "" } }, orderBy: { code: "asc" }, select: { id: true } });
    teamId = team.id;
    // A clean slate for this team: its seeded roster and projects go.
    await prisma.teamMember.deleteMany({ where: { teamId } });
    await prisma.project.deleteMany({ where: { teamId } });
    const names = ["leftMid", "leftBefore", "removed", "cycleNoEnd", "collector", "idle", "outsider"] as const;
    const created = await Promise.all(names.map((name) => prisma.person.create({ data: { displayName: `Engagement edge ${name}` } })));
    people = Object.fromEntries(names.map((name, index) => [name, created[index]!.id])) as typeof people;
    const roster = [
      { personId: people.leftMid, joinedOn: day("2024-01-01"), leftOn: day("2025-02-10") },
      { personId: people.leftBefore, joinedOn: day("2024-01-01"), leftOn: day("2024-12-31") },
      { personId: people.removed, joinedOn: day("2024-01-01"), leftOn: null },
      { personId: people.cycleNoEnd, joinedOn: day("2024-01-01"), leftOn: null },
      { personId: people.collector, joinedOn: day("2024-01-01"), leftOn: null },
      { personId: people.idle, joinedOn: day("2024-01-01"), leftOn: null },
    ];
    await prisma.teamMember.createMany({ data: roster.map((spell) => ({ ...spell, teamId })) });
    const project = await prisma.project.create({
      data: { teamId, title: "Edges", aim: "Edges", compassPoints: ["BEST_SERVICE"], status: "ACTIVE", lastActivityAt: new Date("2025-03-20T10:00:00Z") },
    });
    const projectMembers = [
      { personId: people.leftMid, addedOn: day("2024-06-01"), removedOn: null },
      { personId: people.leftBefore, addedOn: day("2024-06-01"), removedOn: null },
      { personId: people.removed, addedOn: day("2024-06-01"), removedOn: day("2024-12-15") },
      { personId: people.outsider, addedOn: day("2024-06-01"), removedOn: null },
    ];
    await prisma.projectMember.createMany({ data: projectMembers.map((naming) => ({ ...naming, projectId: project.id })) });
    const cycle = await prisma.pdsaCycle.create({ data: { projectId: project.id, teamId: project.teamId, number: 1, plan: "Edge", startDate: day("2025-03-31") } });
    const earlier = await prisma.pdsaCycle.create({ data: { projectId: project.id, teamId: project.teamId, number: 2, plan: "Edge", startDate: day("2024-12-31") } });
    await prisma.pdsaCycleParticipant.createMany({
      data: [
        { cycleId: cycle.id, personId: people.cycleNoEnd },
        { cycleId: earlier.id, personId: people.idle },
        { cycleId: cycle.id, personId: people.outsider },
      ],
    });
    const measure = await prisma.measure.create({ data: { projectId: project.id, name: "Edge", kind: "PROCESS", unit: "n", direction: "INCREASE" } });
    await prisma.dataPoint.createMany({
      data: [
        { measureId: measure.id, date: day("2025-01-01"), value: 1, collectedById: people.collector },
        { measureId: measure.id, date: day("2025-04-01"), value: 2, collectedById: people.idle },
        { measureId: measure.id, date: day("2025-02-01"), value: 3, collectedById: people.outsider },
      ],
    });
    records = {
      roster,
      projects: projectMembers.map((naming) => ({ ...naming, projectLastActivityAt: project.lastActivityAt })),
      cycles: [
        { personId: people.cycleNoEnd, startDate: day("2025-03-31"), endDate: null },
        { personId: people.idle, startDate: day("2024-12-31"), endDate: null },
        { personId: people.outsider, startDate: day("2025-03-31"), endDate: null },
      ],
      dataPoints: [
        { personId: people.collector, date: day("2025-01-01") },
        { personId: people.idle, date: day("2025-04-01") },
        { personId: people.outsider, date: day("2025-02-01") },
      ],
    };
  });

  it("counts who left mid-quarter, not who left before, was removed before, or was never on the roster", async () => {
    // Roster in 2025-Q1: leftMid, removed, cycleNoEnd, collector, idle (5). Engaged: leftMid (project), cycleNoEnd (cycle on
    // the quarter's last day, no end), collector (first day). Not: removed (removed in 2024), idle (cycle and data point
    // outside the quarter), outsider (named everywhere, never on the roster).
    const admin = await actorFor("admin@example.org");
    const [row] = (await getTeamEngagement(admin, teamId, quarter, 1)).slice(-1);
    expect(row).toEqual({ quarter, engaged: 3, rosterMembers: 5, percent: 60 });
    expect(teamEngagement(records, quarter)).toEqual({ engaged: 3, rosterMembers: 5, percent: 60 });
    // The quarter before: leftBefore is on the roster and named; removed still named; idle's cycle on 2024-12-31.
    const [before] = await getTeamEngagement(admin, teamId, "2024-Q4", 1);
    expect(before).toEqual({ quarter: "2024-Q4", ...teamEngagement(records, "2024-Q4") });
    expect(before).toMatchObject({ engaged: 4, rosterMembers: 6 });
  });
});
