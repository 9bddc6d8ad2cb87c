import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { ForbiddenError, InvalidInputError } from "@/lib/errors";
import * as cycleService from "@/lib/services/cycles";
import * as measureService from "@/lib/services/measures";
import * as projectService from "@/lib/services/projects";
import { addCycleSchema, updateCycleSchema } from "@/lib/validation/cycles";
import { addDataPointSchema } from "@/lib/validation/measures";
import { createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";
import { asSubmitted } from "@/tests/support/as-submitted";
import { actorFor, couriersTeam } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { createTestProject } from "@/tests/support/project-activity";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

const createProject = asSubmitted(createProjectSchema, projectService.createProject);
const updateProject = asSubmitted(updateProjectSchema, projectService.updateProject);
const addCycle = asSubmitted(addCycleSchema, cycleService.addCycle);
const updateCycle = asSubmitted(updateCycleSchema, cycleService.updateCycle);
const addDataPoint = asSubmitted(addDataPointSchema, measureService.addDataPoint);

const NOT_ON_ROSTER = /Only people on the team's current roster can be named\. Not on it: /;

let teamId: string;
let colead: PersonActor;
let sponsor: PersonActor;
/** Two people on the couriers' roster today, one who has left it, one from another team's roster. */
let onRoster: [{ id: string; name: string }, { id: string; name: string }];
let leftRoster: { id: string; name: string };
let otherTeamMember: { id: string; name: string };
let projectId: string;

/** Everything naming could write. */
async function footprint() {
  const [projects, projectMembers, cycles, participants, dataPoints, audit] = await Promise.all([
    prisma.project.count(),
    prisma.projectMember.count(),
    prisma.pdsaCycle.count(),
    prisma.pdsaCycleParticipant.count(),
    prisma.dataPoint.count(),
    prisma.auditEntry.count(),
  ]);
  return { projects, projectMembers, cycles, participants, dataPoints, audit };
}

async function lastAudit(action: string) {
  return prisma.auditEntry.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  teamId = couriers.id;
  colead = await actorFor("colead.labor@example.org");
  sponsor = await actorFor("sponsor.union@example.org");
  const current = await prisma.teamMember.findMany({ where: { teamId, leftOn: null }, include: { person: true }, orderBy: { person: { displayName: "asc" } }, take: 2 });
  expect(current).toHaveLength(2);
  onRoster = current.map((member) => ({ id: member.personId, name: member.person.displayName })) as typeof onRoster;
  const leaver = await prisma.person.create({ data: { displayName: "Lee Left-the-team" } });
  await prisma.teamMember.create({ data: { teamId, personId: leaver.id, joinedOn: new Date("2020-01-01"), leftOn: new Date("2024-01-31") } });
  leftRoster = { id: leaver.id, name: leaver.displayName };
  const elsewhere = await prisma.teamMember.findFirstOrThrow({ where: { teamId: { not: teamId }, leftOn: null }, include: { person: true } });
  otherTeamMember = { id: elsewhere.personId, name: elsewhere.person.displayName };
  projectId = (await createTestProject(teamId)).id;
});

beforeEach(async () => {
  await prisma.projectMember.deleteMany({ where: { projectId } });
  await prisma.pdsaCycle.deleteMany({ where: { projectId } });
});

const projectFields = { title: "Named people", aim: "Cut missed pick-ups by half", compassPoints: ["BEST_SERVICE"], tools: [] };

describe("projects", () => {
  it("names roster members on a new project, audited by name", async () => {
    const { projectId: created } = await createProject(colead, { teamId, ...projectFields, memberIds: [onRoster[1].id, onRoster[0].id, onRoster[0].id] });
    const members = await prisma.projectMember.findMany({ where: { projectId: created } });
    expect(members.map((member) => member.personId).sort()).toEqual([onRoster[0].id, onRoster[1].id].sort());
    expect(members.every((member) => member.removedOn === null)).toBe(true);
    expect((await lastAudit("project.created")).after).toMatchObject({ members: [onRoster[0].name, onRoster[1].name].sort((a, b) => a.localeCompare(b)) });
  });

  it("refuses someone who left the roster, someone from another team, and an unknown id, and writes nothing", async () => {
    for (const [person, name] of [
      [leftRoster.id, leftRoster.name],
      [otherTeamMember.id, otherTeamMember.name],
      ["00000000-0000-4000-8000-000000000000", "someone unknown"],
    ] as const) {
      await expectRefusedWithoutWrites(
        footprint,
        () => createProject(colead, { teamId, ...projectFields, memberIds: [onRoster[0].id, person] }),
        InvalidInputError,
        new RegExp(`Not on it: ${name}\\.`),
      );
    }
  });

  it("adds and removes people when the project is edited, keeping when they were named", async () => {
    const version = async () => (await prisma.project.findUniqueOrThrow({ where: { id: projectId } })).version;
    const fields = { projectId, title: "Fewer missed pick-ups", aim: "Cut missed pick-ups by half by year end", compassPoints: ["BEST_SERVICE"], tools: [] };
    await updateProject(colead, { ...fields, expectedVersion: await version(), memberIds: [onRoster[0].id] });
    // Named since an earlier day: removing them closes the naming, so the quarters it covered keep counting.
    await prisma.projectMember.updateMany({ where: { projectId }, data: { addedOn: new Date("2025-01-06") } });
    await updateProject(colead, { ...fields, expectedVersion: await version(), memberIds: [onRoster[1].id] });
    const rows = await prisma.projectMember.findMany({ where: { projectId }, orderBy: { addedOn: "asc" } });
    expect(rows.map((row) => [row.personId, row.removedOn !== null])).toEqual([
      [onRoster[0].id, true],
      [onRoster[1].id, false],
    ]);
    const audit = await lastAudit("project.updated");
    expect(audit.before).toMatchObject({ members: [onRoster[0].name] });
    expect(audit.after).toMatchObject({ members: [onRoster[1].name] });
    await expectRefusedWithoutWrites(
      footprint,
      async () => updateProject(colead, { ...fields, expectedVersion: await version(), memberIds: [onRoster[1].id, otherTeamMember.id] }),
      InvalidInputError,
      NOT_ON_ROSTER,
    );
  });

  it("leaves naming to those who may edit the project", async () => {
    await expectRefusedWithoutWrites(footprint, () => createProject(sponsor, { teamId, ...projectFields, memberIds: [onRoster[0].id] }), ForbiddenError);
  });
});

describe("PDSA cycles", () => {
  const cycle = () => ({ projectId, plan: "Two vans try the route sheet", startDate: "2024-03-04" });

  it("names the people running a test, and changes them when the cycle is recorded", async () => {
    const { cycleId } = await addCycle(colead, { ...cycle(), participantIds: [onRoster[0].id] });
    expect(await prisma.pdsaCycleParticipant.findMany({ where: { cycleId }, select: { personId: true } })).toEqual([{ personId: onRoster[0].id }]);
    expect((await lastAudit("cycle.added")).after).toMatchObject({ participants: [onRoster[0].name] });
    await updateCycle(colead, { cycleId, study: "Fewer misses", participantIds: [onRoster[1].id] });
    expect(await prisma.pdsaCycleParticipant.findMany({ where: { cycleId }, select: { personId: true } })).toEqual([{ personId: onRoster[1].id }]);
    const audit = await lastAudit("cycle.updated");
    expect([audit.before, audit.after]).toMatchObject([{ participants: [onRoster[0].name] }, { participants: [onRoster[1].name] }]);
    // Left out, the people stay.
    await updateCycle(colead, { cycleId, study: "Fewer misses still" });
    expect(await prisma.pdsaCycleParticipant.count({ where: { cycleId } })).toBe(1);
  });

  it("refuses anyone not on the current roster, on a new cycle and on a recorded one, and writes nothing", async () => {
    await expectRefusedWithoutWrites(footprint, () => addCycle(colead, { ...cycle(), participantIds: [leftRoster.id] }), InvalidInputError, NOT_ON_ROSTER);
    const { cycleId } = await addCycle(colead, cycle());
    await expectRefusedWithoutWrites(footprint, () => updateCycle(colead, { cycleId, study: "x", participantIds: [otherTeamMember.id] }), InvalidInputError, NOT_ON_ROSTER);
  });
});

describe("measure updates", () => {
  it("records who collected a value, and refuses anyone not on the current roster", async () => {
    const measure = await prisma.measure.create({ data: { projectId, name: `Missed pick-ups ${Date.now()}`, kind: "OUTCOME", unit: "per week", direction: "DECREASE" } });
    const { dataPointId } = await addDataPoint(colead, { measureId: measure.id, date: "2024-05-01", value: "4", collectedById: onRoster[1].id });
    expect((await prisma.dataPoint.findUniqueOrThrow({ where: { id: dataPointId } })).collectedById).toBe(onRoster[1].id);
    expect((await lastAudit("dataPoint.added")).after).toMatchObject({ collectedBy: onRoster[1].name });
    const { dataPointId: anonymous } = await addDataPoint(colead, { measureId: measure.id, date: "2024-05-02", value: "3", collectedById: "" });
    expect((await prisma.dataPoint.findUniqueOrThrow({ where: { id: anonymous } })).collectedById).toBeNull();
    await expectRefusedWithoutWrites(
      footprint,
      () => addDataPoint(colead, { measureId: measure.id, date: "2024-05-03", value: "2", collectedById: otherTeamMember.id }),
      InvalidInputError,
      NOT_ON_ROSTER,
    );
  });
});
