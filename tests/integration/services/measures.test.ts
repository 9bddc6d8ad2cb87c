import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as measureService from "@/lib/services/measures";
import { toDayString } from "@/lib/validation/dates";
import { addDataPointSchema, addMeasureSchema, removeDataPointSchema, removeMeasureSchema, updateMeasureSchema } from "@/lib/validation/measures";
import { asSubmitted } from "@/tests/support/as-submitted";
import { couriersTeam, demoCast } from "@/tests/support/actors";
import { createTestProject, expectProjectChangeRecorded } from "@/tests/support/project-activity";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites as expectRefusedWithoutWritesTo } from "@/tests/support/refusals";

const addMeasure = asSubmitted(addMeasureSchema, measureService.addMeasure);
const updateMeasure = asSubmitted(updateMeasureSchema, measureService.updateMeasure);
const removeMeasure = asSubmitted(removeMeasureSchema, measureService.removeMeasure);
const addDataPoint = asSubmitted(addDataPointSchema, measureService.addDataPoint);
const removeDataPoint = asSubmitted(removeDataPointSchema, measureService.removeDataPoint);

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

function measureInput(overrides: Record<string, unknown> = {}) {
  return { projectId, name: "Deliveries on time", kind: "OUTCOME", unit: "%", baseline: "84", target: "96", direction: "INCREASE", ...overrides };
}

/** A measure with one data point, added by a co-lead, for tests that change or remove them. */
async function measureWithPoint() {
  const { measureId } = await addMeasure(actors.laborColead, measureInput());
  const { dataPointId } = await addDataPoint(actors.laborColead, { measureId, date: "2024-03-04", value: "88" });
  return { measureId, dataPointId };
}

/** Everything these services write: "writes nothing" means all of it stays put (this project's rows in full). */
async function footprint() {
  const [measures, dataPoints, audit, project] = await Promise.all([
    prisma.measure.count(),
    prisma.dataPoint.count(),
    prisma.auditEntry.count(),
    prisma.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { lastActivityAt: true, updatedById: true, measures: { orderBy: { id: "asc" }, include: { dataPoints: { orderBy: { id: "asc" } } } } },
    }),
  ]);
  return { measures, dataPoints, audit, project };
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
  await prisma.measure.deleteMany({ where: { projectId } });
});

describe("a measure's life, each change touching the project and audited", () => {
  it("is added, corrected and removed with its data points", async () => {
    const { measureId } = await expectRecorded(actors.laborColead, "measure.added", () => addMeasure(actors.laborColead, measureInput({ name: "  Deliveries on time " })));
    expect(await prisma.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({
      projectId,
      name: "Deliveries on time",
      kind: "OUTCOME",
      unit: "%",
      baseline: 84,
      target: 96,
      direction: "INCREASE",
    });

    await expectRecorded(actors.managementColead, "measure.updated", () =>
      updateMeasure(actors.managementColead, { ...measureInput({ name: "Deliveries within the window", target: "" }), measureId }),
    );
    expect(await prisma.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({ name: "Deliveries within the window", target: null });
    const update = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: measureId, action: "measure.updated" } });
    expect(update.before).toMatchObject({ name: "Deliveries on time", target: 96 });
    expect(update.after).toMatchObject({ name: "Deliveries within the window", target: null });

    await addDataPoint(actors.consultant, { measureId, date: "2024-03-04", value: "90" });
    await expectRecorded(actors.consultant, "measure.removed", () => removeMeasure(actors.consultant, { measureId }));
    expect(await prisma.measure.count({ where: { id: measureId } })).toBe(0);
    expect(await prisma.dataPoint.count({ where: { measureId } })).toBe(0);
    const removal = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: measureId, action: "measure.removed" } });
    expect(removal.before).toMatchObject({ name: "Deliveries within the window", dataPoints: 1 });
  });
});

describe("a save that changes nothing", () => {
  it("is not an update: the project keeps its last activity and nothing is audited", async () => {
    const { measureId } = await addMeasure(actors.laborColead, measureInput());
    await prisma.project.update({ where: { id: projectId }, data: { lastActivityAt: new Date("2020-01-01T00:00:00.000Z"), updatedById: null } });
    const before = await footprint();
    // As the edit form sends it: every field, numbers as text.
    await updateMeasure(actors.managementColead, { ...measureInput({ baseline: "84.0", target: " 96 " }), measureId });
    expect(await footprint()).toEqual(before);
  });
});

describe("a measure's name", () => {
  const DUPLICATE = /This project already has a measure named "Deliveries on time"/;

  it("is refused when the project already has it, whatever its capitals, naming the name field", async () => {
    await addMeasure(actors.laborColead, measureInput());
    await expectRefusedWithoutWrites(() => addMeasure(actors.managementColead, measureInput({ name: " deliveries ON time " })), ConflictError, DUPLICATE);
    await expect(addMeasure(actors.managementColead, measureInput())).rejects.toMatchObject({ fieldErrors: { name: [expect.stringMatching(DUPLICATE)] } });
  });

  it("may not be changed to another measure's, but may change its own capitals", async () => {
    await addMeasure(actors.laborColead, measureInput());
    const { measureId } = await addMeasure(actors.laborColead, measureInput({ name: "Late deliveries", target: "", baseline: "" }));
    await expectRefusedWithoutWrites(() => updateMeasure(actors.laborColead, { ...measureInput({ name: "Deliveries On Time" }), measureId }), ConflictError, DUPLICATE);
    await updateMeasure(actors.laborColead, { ...measureInput({ name: "LATE deliveries", target: "", baseline: "" }), measureId });
    expect(await prisma.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({ name: "LATE deliveries" });
  });

  it("may be one another project's measure has: names are unique within a project only", async () => {
    // The seed's couriers route project measures "Deliveries on time" too.
    await prisma.project.findFirstOrThrow({ where: { id: { not: projectId }, measures: { some: { name: "Deliveries on time" } } } });
    await addMeasure(actors.laborColead, measureInput());
    expect(await prisma.measure.count({ where: { projectId } })).toBe(1);
  });

  it("lets only one of two simultaneous measures of the same name through", async () => {
    const results = await Promise.allSettled([addMeasure(actors.laborColead, measureInput()), addMeasure(actors.managementColead, measureInput())]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.measure.count({ where: { projectId } })).toBe(1);
  });
});

describe("data points", () => {
  it("are recorded and removed, each touching the project and audited", async () => {
    const { measureId } = await addMeasure(actors.laborColead, measureInput());
    const { dataPointId } = await expectRecorded(actors.managementColead, "dataPoint.added", () =>
      addDataPoint(actors.managementColead, { measureId, date: "2024-03-04", value: " 91.5 " }),
    );
    expect(await prisma.dataPoint.findUniqueOrThrow({ where: { id: dataPointId } })).toMatchObject({
      measureId,
      date: new Date("2024-03-04T00:00:00.000Z"),
      value: 91.5,
    });
    // Today (the real clock's, which the service checks against) is allowed: only the future is refused.
    await addDataPoint(actors.managementColead, { measureId, date: toDayString(new Date()), value: "92" });

    await expectRecorded(actors.laborColead, "dataPoint.removed", () => removeDataPoint(actors.laborColead, { dataPointId }));
    expect(await prisma.dataPoint.count({ where: { id: dataPointId } })).toBe(0);
    const removal = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: dataPointId, action: "dataPoint.removed" } });
    expect(removal.before).toEqual({ measureId, measure: "Deliveries on time", date: "2024-03-04", value: 91.5 });
  });

  it("hold one value a day: a second is refused, also when both are saved at once", async () => {
    const { measureId } = await measureWithPoint();
    await expectRefusedWithoutWrites(
      () => addDataPoint(actors.consultant, { measureId, date: "2024-03-04", value: "70" }),
      ConflictError,
      /"Deliveries on time" already has a value for 2024-03-04/,
    );

    const results = await Promise.allSettled([
      addDataPoint(actors.laborColead, { measureId, date: "2024-03-11", value: "89" }),
      addDataPoint(actors.managementColead, { measureId, date: "2024-03-11", value: "93" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.dataPoint.count({ where: { measureId, date: new Date("2024-03-11T00:00:00.000Z") } })).toBe(1);
  });
});

describe("invalid input gets a clear error and writes nothing", () => {
  it("a data point dated in the future", async () => {
    const { measureId } = await measureWithPoint();
    await expectRefusedWithoutWrites(
      () => addDataPoint(actors.laborColead, { measureId, date: TOMORROW, value: "90" }),
      InvalidInputError,
      /A data point cannot be dated in the future/,
    );
  });

  it("a value that is not a number", async () => {
    const { measureId } = await measureWithPoint();
    for (const value of ["abc", "", "Infinity", "12,5"]) {
      await expectRefusedWithoutWrites(() => addDataPoint(actors.laborColead, { measureId, date: "2024-04-01", value }), InvalidInputError, /Enter the value as a number/);
    }
    await expectRefusedWithoutWrites(() => addMeasure(actors.laborColead, measureInput({ baseline: "lots" })), InvalidInputError, /baseline must be a number/);
  });

  it("an unknown measure, data point or project", async () => {
    await measureWithPoint();
    await expectRefusedWithoutWrites(() => addDataPoint(actors.laborColead, { measureId: UNKNOWN_ID, date: "2024-04-01", value: "1" }), NotFoundError, /Unknown measure/);
    await expectRefusedWithoutWrites(() => addDataPoint(actors.laborColead, { measureId: "m-1", date: "2024-04-01", value: "1" }), InvalidInputError, /Unknown measure/);
    await expectRefusedWithoutWrites(() => updateMeasure(actors.laborColead, { ...measureInput(), measureId: UNKNOWN_ID }), NotFoundError, /Unknown measure/);
    await expectRefusedWithoutWrites(() => removeMeasure(actors.laborColead, { measureId: UNKNOWN_ID }), NotFoundError, /Unknown measure/);
    await expectRefusedWithoutWrites(() => removeDataPoint(actors.laborColead, { dataPointId: UNKNOWN_ID }), NotFoundError, /Unknown data point/);
    await expectRefusedWithoutWrites(() => addMeasure(actors.laborColead, measureInput({ projectId: UNKNOWN_ID })), NotFoundError, /Unknown project/);
  });

  it("text over its limit", async () => {
    await expectRefusedWithoutWrites(() => addMeasure(actors.laborColead, measureInput({ name: "n".repeat(201) })), InvalidInputError, /name under 200 characters/);
    await expectRefusedWithoutWrites(() => addMeasure(actors.laborColead, measureInput({ unit: "u".repeat(41) })), InvalidInputError, /unit under 40 characters/);
  });

  it("an unknown kind or direction, or a target no better than the baseline", async () => {
    await expectRefusedWithoutWrites(() => addMeasure(actors.laborColead, measureInput({ kind: "RESULT" })), InvalidInputError, /outcome, process or balancing/);
    await expectRefusedWithoutWrites(() => addMeasure(actors.laborColead, measureInput({ direction: "UP" })), InvalidInputError, /increase or decrease/);
    await expectRefusedWithoutWrites(() => addMeasure(actors.laborColead, measureInput({ target: "80" })), InvalidInputError, /target must be better than the baseline/);
  });
});

describe("who may change measures and data points", () => {
  for (const name of EDITORS) {
    it(`${name} may make every change`, async () => {
      const actor = actors[name];
      const { measureId } = await expectRecorded(actor, "measure.added", () => addMeasure(actor, measureInput()));
      await expectRecorded(actor, "measure.updated", () => updateMeasure(actor, { ...measureInput({ unit: "% of deliveries" }), measureId }));
      const { dataPointId } = await expectRecorded(actor, "dataPoint.added", () => addDataPoint(actor, { measureId, date: "2024-05-06", value: "90" }));
      await expectRecorded(actor, "dataPoint.removed", () => removeDataPoint(actor, { dataPointId }));
      await expectRecorded(actor, "measure.removed", () => removeMeasure(actor, { measureId }));
    });
  }

  for (const name of OTHERS) {
    it(`${name} may make none, and nothing is written`, async () => {
      const actor = actors[name];
      const { measureId, dataPointId } = await measureWithPoint();
      await expectRefusedWithoutWrites(() => addMeasure(actor, measureInput()), ForbiddenError, /co-leads and its region's UBT consultants can change the team's projects/);
      await expectRefusedWithoutWrites(() => updateMeasure(actor, { ...measureInput({ name: "Renamed" }), measureId }), ForbiddenError);
      await expectRefusedWithoutWrites(() => removeMeasure(actor, { measureId }), ForbiddenError);
      await expectRefusedWithoutWrites(() => addDataPoint(actor, { measureId, date: "2024-05-06", value: "90" }), ForbiddenError);
      await expectRefusedWithoutWrites(() => removeDataPoint(actor, { dataPointId }), ForbiddenError);
    });
  }
});
