import { beforeAll, describe, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { InvalidInputError } from "@/lib/errors";
import * as measureService from "@/lib/services/measures";
import * as organisation from "@/lib/services/organisation";
import * as projectService from "@/lib/services/projects";
import * as savingsService from "@/lib/services/savings";
import { addDataPointSchema, addMeasureSchema } from "@/lib/validation/measures";
import { createTeamSchema } from "@/lib/validation/organisation";
import { createProjectSchema } from "@/lib/validation/projects";
import { reportSavingsSchema } from "@/lib/validation/savings";
import { actorFor, couriersTeam } from "@/tests/support/actors";
import { asSubmitted } from "@/tests/support/as-submitted";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites } from "@/tests/support/refusals";

// Each kind of bound (lib/domain/plausible.ts), met through a service as a form reaches it:
// the implausible value is refused with a message naming the bounds, and nothing is written.

const createProject = asSubmitted(createProjectSchema, projectService.createProject);
const createTeam = asSubmitted(createTeamSchema, organisation.createTeam);
const reportSavings = asSubmitted(reportSavingsSchema, savingsService.reportSavings);
const addMeasure = asSubmitted(addMeasureSchema, measureService.addMeasure);
const addDataPoint = asSubmitted(addDataPointSchema, measureService.addDataPoint);

let colead: PersonActor;
let admin: PersonActor;
let couriers: { id: string; departmentId: string };
let projectId: string;
let measureId: string;

async function footprint() {
  const [projects, teams, savings, measures, dataPoints, audit] = await Promise.all([
    prisma.project.count(),
    prisma.team.count(),
    prisma.savingsEntry.count(),
    prisma.measure.count(),
    prisma.dataPoint.count(),
    prisma.auditEntry.count(),
  ]);
  return { projects, teams, savings, measures, dataPoints, audit };
}

const refused = (action: () => Promise<unknown>, message: RegExp) => expectRefusedWithoutWrites(footprint, action, InvalidInputError, message);

beforeAll(async () => {
  await resetToSeed();
  couriers = await couriersTeam();
  colead = await actorFor("colead.labor@example.org");
  admin = await actorFor("admin@example.org");
  projectId = (await createProject(colead, { teamId: couriers.id, title: "Route sheets", aim: "Print route sheets faster", compassPoints: ["MOST_AFFORDABLE"] })).projectId;
  measureId = (await addMeasure(colead, { projectId, name: "Print time", kind: "PROCESS", unit: "minutes", direction: "DECREASE" })).measureId;
});

describe("implausible values are refused with nothing written", () => {
  it("a date in year 0001 or 9999", async () => {
    const project = { teamId: couriers.id, title: "Dock turnaround", aim: "Cut the dock turnaround", compassPoints: ["MOST_AFFORDABLE"] };
    await refused(() => createProject(colead, { ...project, startDate: "0001-01-01" }), /^Enter a date from 1990-01-01 to \d{4}-\d{2}-\d{2}/);
    await refused(() => createProject(colead, { ...project, targetDate: "9999-12-31" }), /^Enter a date from 1990-01-01 to/);
  });

  it("a quarter such as 9999-Q4", async () => {
    const team = { departmentId: couriers.departmentId, code: "CO-9400", name: "Far Future", unionLocalId: "", charteredQuarter: "9999-Q4" };
    await refused(() => createTeam(admin, team), /^Enter a quarter from 1990-Q1 to \d{4}-Q[1-4]/);
  });

  it("savings of $0.00", async () => {
    const entry = { projectId, category: "HARD_SAVINGS", recurrence: "ONE_TIME", reportedOn: "2025-01-15", method: "Invoices before and after" };
    await refused(() => reportSavings(colead, { ...entry, amount: "$0.00" }), /^Enter an amount of at least \$0\.01/);
  });

  it("a measure value, baseline or target of 1e308", async () => {
    const RANGE = /Enter a number between -1,000,000,000,000 and 1,000,000,000,000/;
    await refused(() => addDataPoint(colead, { measureId, date: "2026-11-02", value: "1e308" }), RANGE);
    await refused(() => addMeasure(colead, { projectId, name: "Huge", kind: "OUTCOME", unit: "x", direction: "INCREASE", baseline: "1e308" }), RANGE);
    await refused(() => addMeasure(colead, { projectId, name: "Huge", kind: "OUTCOME", unit: "x", direction: "DECREASE", baseline: "5", target: "-1e308" }), RANGE);
  });
});
