import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as cycleService from "@/lib/services/cycles";
import { addCycleSchema, updateCycleSchema } from "@/lib/validation/cycles";
import { toDayString } from "@/lib/validation/dates";
import { asSubmitted } from "@/tests/support/as-submitted";
import { couriersTeam, demoCast } from "@/tests/support/actors";
import { createTestProject, expectProjectChangeRecorded } from "@/tests/support/project-activity";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites as expectRefusedWithoutWritesTo } from "@/tests/support/refusals";

const addCycle = asSubmitted(addCycleSchema, cycleService.addCycle);
const updateCycle = asSubmitted(updateCycleSchema, cycleService.updateCycle);

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
// The real clock's tomorrow, on purpose: the service refuses days after the real today.
const TOMORROW = toDayString(new Date(Date.now() + 86_400_000));

// Written out per role, independently of the permission matrix: the couriers' co-leads
// and Colorado's consultant edit the project; nobody else does.
const EDITORS = ["laborColead", "managementColead", "consultant"] as const;
const OTHERS = ["unionSponsor", "managementSponsor", "staff", "admin", "finance", "otherColoradoColead", "georgiaConsultant"] as const;
type ActorName = (typeof EDITORS)[number] | (typeof OTHERS)[number];

let projectId: string;
let actors: Record<ActorName, PersonActor>;

function cycleInput(overrides: Record<string, unknown> = {}) {
  return { projectId, plan: "Two vans try the new route sheet for a week", prediction: "Fewer missed pick-ups on those vans", startDate: "2024-03-04", ...overrides };
}

/** Everything these services write: "writes nothing" means all of it stays put (this project's cycles in full). */
async function footprint() {
  const [cycles, audit, project] = await Promise.all([
    prisma.pdsaCycle.count(),
    prisma.auditEntry.count(),
    prisma.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { lastActivityAt: true, updatedById: true, cycles: { orderBy: { number: "asc" } } },
    }),
  ]);
  return { cycles, audit, project };
}

function expectRefusedWithoutWrites(action: () => Promise<unknown>, errorType: new (...args: never[]) => Error, message?: RegExp) {
  return expectRefusedWithoutWritesTo(footprint, action, errorType, message);
}

function expectRecorded<T>(actor: PersonActor, action: string, change: () => Promise<T>): Promise<T> {
  return expectProjectChangeRecorded(projectId, actor, action, change);
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  const project = await createTestProject(couriers.id);
  projectId = project.id;
  actors = await demoCast(couriers);
});

beforeEach(async () => {
  await prisma.pdsaCycle.deleteMany({ where: { projectId } });
});

describe("numbering", () => {
  it("numbers a project's cycles 1, 2, 3 in the order they are added", async () => {
    const numbers = [];
    for (const startDate of ["2024-03-04", "2024-02-01", "2024-03-18"]) numbers.push((await addCycle(actors.laborColead, cycleInput({ startDate }))).number);
    expect(numbers).toEqual([1, 2, 3]);
    const stored = await prisma.pdsaCycle.findMany({ where: { projectId }, orderBy: { number: "asc" } });
    expect(stored.map((cycle) => [cycle.number, toDayString(cycle.startDate)])).toEqual([
      [1, "2024-03-04"],
      [2, "2024-02-01"],
      [3, "2024-03-18"],
    ]);
  });

  it("gives cycles added at the same moment distinct numbers", async () => {
    const added = await Promise.all(
      [actors.laborColead, actors.managementColead, actors.consultant, actors.laborColead, actors.managementColead].map((actor, index) =>
        addCycle(actor, cycleInput({ plan: `Simultaneous test ${index}` })),
      ),
    );
    expect(added.map((cycle) => cycle.number).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("continues after the highest number, not the count", async () => {
    await addCycle(actors.laborColead, cycleInput());
    const second = await addCycle(actors.laborColead, cycleInput());
    await prisma.pdsaCycle.delete({ where: { id: second.cycleId } });
    await prisma.pdsaCycle.updateMany({ where: { projectId }, data: { number: 7 } });
    expect((await addCycle(actors.laborColead, cycleInput())).number).toBe(8);
  });
});

describe("a cycle's life, each change touching the project and audited", () => {
  it("is planned, then its do, study and act are recorded", async () => {
    const { cycleId } = await expectRecorded(actors.laborColead, "cycle.added", () => addCycle(actors.laborColead, cycleInput({ prediction: "" })));
    expect(await prisma.pdsaCycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({
      number: 1,
      plan: "Two vans try the new route sheet for a week",
      prediction: null,
      startDate: new Date("2024-03-04T00:00:00.000Z"),
      endDate: null,
      decision: null,
    });

    await expectRecorded(actors.consultant, "cycle.updated", () =>
      updateCycle(actors.consultant, {
        cycleId,
        doNotes: "Ran on vans 3 and 7",
        study: "Missed pick-ups fell from 6 to 2",
        decision: "ADAPT",
        actNotes: "Try it on the evening routes",
        endDate: "2024-03-11",
      }),
    );
    expect(await prisma.pdsaCycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({
      doNotes: "Ran on vans 3 and 7",
      study: "Missed pick-ups fell from 6 to 2",
      decision: "ADAPT",
      actNotes: "Try it on the evening routes",
      endDate: new Date("2024-03-11T00:00:00.000Z"),
    });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: cycleId, action: "cycle.updated" } });
    expect(entry.before).toMatchObject({ decision: null, endDate: null });
    expect(entry.after).toMatchObject({ decision: "ADAPT", endDate: "2024-03-11", number: 1 });
  });

  it("keeps fields left out, clears fields sent blank, and a cycle may end the day it starts", async () => {
    const { cycleId } = await addCycle(actors.laborColead, cycleInput());
    await updateCycle(actors.laborColead, { cycleId, doNotes: "Ran", study: "Held", decision: "ADOPT" });
    await updateCycle(actors.managementColead, { cycleId, study: "", endDate: "2024-03-04" });
    expect(await prisma.pdsaCycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({
      doNotes: "Ran",
      study: null,
      decision: "ADOPT",
      endDate: new Date("2024-03-04T00:00:00.000Z"),
    });
  });

  it("writes nothing when a save changes nothing", async () => {
    const { cycleId } = await addCycle(actors.laborColead, cycleInput());
    await updateCycle(actors.laborColead, { cycleId, doNotes: "Ran", decision: "ADOPT" });
    const before = await footprint();
    await updateCycle(actors.managementColead, { cycleId, doNotes: "Ran", study: "", decision: "ADOPT", actNotes: "", endDate: "" });
    expect(await footprint()).toEqual(before);
  });
});

describe("invalid input gets a clear error and writes nothing", () => {
  it("an end date before the start date", async () => {
    const { cycleId } = await addCycle(actors.laborColead, cycleInput());
    const message = /end date cannot be before the cycle's start date \(2024-03-04\)/;
    await expectRefusedWithoutWrites(() => updateCycle(actors.laborColead, { cycleId, endDate: "2024-03-03" }), InvalidInputError, message);
    await expectRefusedWithoutWrites(() => addCycle(actors.laborColead, cycleInput({ endDate: "2024-03-01" })), InvalidInputError, message);
  });

  it("dates in the future", async () => {
    const { cycleId } = await addCycle(actors.laborColead, cycleInput());
    const message = /A cycle cannot be dated in the future/;
    await expectRefusedWithoutWrites(() => addCycle(actors.laborColead, cycleInput({ startDate: TOMORROW })), InvalidInputError, message);
    await expectRefusedWithoutWrites(() => updateCycle(actors.laborColead, { cycleId, endDate: TOMORROW }), InvalidInputError, message);
  });

  it("text over its limit, a missing plan, an unknown decision", async () => {
    const { cycleId } = await addCycle(actors.laborColead, cycleInput());
    await expectRefusedWithoutWrites(() => addCycle(actors.laborColead, cycleInput({ plan: "p".repeat(2001) })), InvalidInputError, /plan under 2,000 characters/);
    await expectRefusedWithoutWrites(() => addCycle(actors.laborColead, cycleInput({ plan: "  " })), InvalidInputError, /Describe the plan/);
    await expectRefusedWithoutWrites(() => addCycle(actors.laborColead, cycleInput({ prediction: "p".repeat(1001) })), InvalidInputError, /under 1,000 characters/);
    await expectRefusedWithoutWrites(() => updateCycle(actors.laborColead, { cycleId, study: "s".repeat(2001) }), InvalidInputError, /study under 2,000 characters/);
    await expectRefusedWithoutWrites(() => updateCycle(actors.laborColead, { cycleId, decision: "KEEP" }), InvalidInputError, /adopt, adapt or abandon/);
  });

  it("an unknown cycle or project", async () => {
    await expectRefusedWithoutWrites(() => updateCycle(actors.laborColead, { cycleId: UNKNOWN_ID, study: "Held" }), NotFoundError, /Unknown PDSA cycle/);
    await expectRefusedWithoutWrites(() => addCycle(actors.laborColead, cycleInput({ projectId: UNKNOWN_ID })), NotFoundError, /Unknown project/);
    await expectRefusedWithoutWrites(() => addCycle(actors.laborColead, cycleInput({ projectId: "p-1" })), InvalidInputError, /Unknown project/);
  });
});

describe("who may add and record cycles", () => {
  for (const name of EDITORS) {
    it(`${name} may do both`, async () => {
      const actor = actors[name];
      const { cycleId } = await expectRecorded(actor, "cycle.added", () => addCycle(actor, cycleInput()));
      await expectRecorded(actor, "cycle.updated", () => updateCycle(actor, { cycleId, study: "Held for a week", decision: "ADOPT" }));
    });
  }

  for (const name of OTHERS) {
    it(`${name} may do neither, and nothing is written`, async () => {
      const actor = actors[name];
      const { cycleId } = await addCycle(actors.laborColead, cycleInput());
      await expectRefusedWithoutWrites(() => addCycle(actor, cycleInput()), ForbiddenError, /co-leads and its region's UBT consultants can change the team's projects/);
      await expectRefusedWithoutWrites(() => updateCycle(actor, { cycleId, decision: "ABANDON" }), ForbiddenError);
    });
  }
});
