import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { exportProjectRows, getProjectDetail, listTeamProjects } from "@/lib/data/projects";
import { prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as projectService from "@/lib/services/projects";
import { changeProjectStatusSchema, createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";
import { asSubmitted } from "@/tests/support/as-submitted";
import { couriersTeam, demoCast } from "@/tests/support/actors";
import { readAll } from "@/tests/support/csv-pages";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites as expectRefusedWithoutWritesTo } from "@/tests/support/refusals";

const createProject = asSubmitted(createProjectSchema, projectService.createProject);
const updateProject = asSubmitted(updateProjectSchema, projectService.updateProject);
const changeProjectStatus = asSubmitted(changeProjectStatusSchema, projectService.changeProjectStatus);

let couriersId: string;
let actors: Record<string, PersonActor>;

function projectInput(overrides: Record<string, unknown> = {}) {
  return {
    teamId: couriersId,
    title: "Shorter loading dock turnaround",
    aim: "Cut the average dock turnaround from 40 to 25 minutes by June 30",
    compassPoints: ["MOST_AFFORDABLE", "BEST_PLACE_TO_WORK"],
    tools: ["PDSA", "RUN_CHART"],
    startDate: "2026-10-01",
    targetDate: "2027-06-30",
    ...overrides,
  };
}

async function footprint() {
  const [projects, audit] = await Promise.all([prisma.project.count(), prisma.auditEntry.count()]);
  const versions = await prisma.project.aggregate({ _sum: { version: true } });
  return { projects, audit, versions: versions._sum.version };
}

function expectRefusedWithoutWrites(action: () => Promise<unknown>, errorType: new (...args: never[]) => Error, message?: RegExp) {
  return expectRefusedWithoutWritesTo(footprint, action, errorType, message);
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  couriersId = couriers.id;
  actors = await demoCast(couriers);
});

describe("who may create and change a team's projects", () => {
  const MAY_EDIT = ["laborColead", "managementColead", "consultant"];
  const REFUSED = ["unionSponsor", "managementSponsor", "staff", "admin", "finance", "otherColoradoColead", "georgiaConsultant"];

  for (const name of MAY_EDIT) {
    it(`${name} may create, edit and move a project, and is named as its author`, async () => {
      const actor = actors[name]!;
      const created = await createProject(actor, projectInput());
      const updated = await updateProject(actor, { ...projectInput(), projectId: created.projectId, expectedVersion: 1, title: "Dock turnaround, take two" });
      await changeProjectStatus(actor, { projectId: created.projectId, expectedVersion: updated.version, status: "ACTIVE" });
      const project = await prisma.project.findUniqueOrThrow({ where: { id: created.projectId } });
      expect(project).toMatchObject({ title: "Dock turnaround, take two", status: "ACTIVE", version: 3, createdById: actor.personId, updatedById: actor.personId });
      const audit = await prisma.auditEntry.findMany({ where: { entityId: created.projectId }, orderBy: { id: "asc" } });
      expect(audit.map((entry) => entry.action)).toEqual(["project.created", "project.updated", "project.statusChanged"]);
    });
  }

  for (const name of REFUSED) {
    it(`${name} is refused and nothing is written`, async () => {
      const existing = await prisma.project.findFirstOrThrow({ where: { teamId: couriersId } });
      await expectRefusedWithoutWrites(() => createProject(actors[name]!, projectInput()), ForbiddenError);
      await expectRefusedWithoutWrites(
        () => updateProject(actors[name]!, { ...projectInput(), projectId: existing.id, expectedVersion: existing.version }),
        ForbiddenError,
      );
      await expectRefusedWithoutWrites(
        () => changeProjectStatus(actors[name]!, { projectId: existing.id, expectedVersion: existing.version, status: "ABANDONED" }),
        ForbiddenError,
      );
    });
  }

  it("both co-leads own the record: one edits what the other created", async () => {
    const created = await createProject(actors.laborColead!, projectInput());
    await updateProject(actors.managementColead!, { ...projectInput(), projectId: created.projectId, expectedVersion: 1, aim: "Cut it to 20 minutes" });
    const project = await prisma.project.findUniqueOrThrow({ where: { id: created.projectId }, include: { createdBy: true, updatedBy: true } });
    expect(project.createdBy?.email).toBe("colead.labor@example.org");
    expect(project.updatedBy?.email).toBe("colead.mgmt@example.org");
  });
});

describe("invalid input gets a clear error and writes nothing", () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["no compass point", { compassPoints: [] }, /at least one Value Compass point/],
    ["an unknown compass point", { compassPoints: ["BEST_VIBES"] }, /Unknown Value Compass point/],
    ["a blank title", { title: "  " }, /Give the project a title/],
    ["a title over 200 characters", { title: "x".repeat(201) }, /under 200 characters/],
    ["an aim over 2,000 characters", { aim: "x".repeat(2001) }, /under 2,000 characters/],
    ["a target before the start", { startDate: "2026-10-01", targetDate: "2026-09-30" }, /cannot be before the start date/],
    ["an impossible date", { startDate: "2026-02-30" }, /does not exist/],
    ["an unknown tool", { tools: ["CRYSTAL_BALL"] }, /Unknown improvement tool/],
  ];
  for (const [what, change, message] of cases) {
    it(what, async () => {
      await expectRefusedWithoutWrites(() => createProject(actors.laborColead!, projectInput(change)), InvalidInputError, message);
    });
  }

  it("an unknown team", async () => {
    await expectRefusedWithoutWrites(() => createProject(actors.laborColead!, projectInput({ teamId: "00000000-0000-4000-8000-000000000000" })), NotFoundError);
  });

  it("a goal of another region", async () => {
    const georgiaGoal = await prisma.goal.findFirstOrThrow({ where: { region: { name: "Georgia" } } });
    await expectRefusedWithoutWrites(() => createProject(actors.laborColead!, projectInput({ goalId: georgiaGoal.id })), InvalidInputError, /not one of this team's/);
  });

  it("an illegal status jump names the allowed steps", async () => {
    const created = await createProject(actors.laborColead!, projectInput());
    await expectRefusedWithoutWrites(
      () => changeProjectStatus(actors.laborColead!, { projectId: created.projectId, expectedVersion: 1, status: "SUSTAINED" }),
      InvalidInputError,
      /cannot go from Idea to Sustained. Next steps: Active or Abandoned/,
    );
  });

  it("a stale version", async () => {
    const created = await createProject(actors.laborColead!, projectInput());
    await updateProject(actors.managementColead!, { ...projectInput(), projectId: created.projectId, expectedVersion: 1, title: "Theirs" });
    await expectRefusedWithoutWrites(
      () => updateProject(actors.laborColead!, { ...projectInput(), projectId: created.projectId, expectedVersion: 1, title: "Mine" }),
      ConflictError,
      /Someone else changed this project/,
    );
  });
});

describe("the 90-day rule on the team's list", () => {
  it("flags open projects not updated for 90 days, first", async () => {
    const created = await createProject(actors.laborColead!, projectInput({ title: "Quiet project" }));
    // 91 days before the real now, on purpose: the list judges the rule by the real clock, as updateProject stamps it.
    await prisma.project.update({ where: { id: created.projectId }, data: { lastActivityAt: new Date(Date.now() - 91 * 24 * 60 * 60 * 1000) } });
    const rows = await listTeamProjects(actors.laborColead!, couriersId);
    const quiet = rows.find((row) => row.id === created.projectId)!;
    expect(quiet.needsUpdate).toBe(true);
    expect(rows.findIndex((row) => row.id === created.projectId)).toBeLessThan(rows.findIndex((row) => !row.needsUpdate));

    await updateProject(actors.laborColead!, { ...projectInput({ title: "Quiet project, documented" }), projectId: created.projectId, expectedVersion: 1 });
    expect((await listTeamProjects(actors.laborColead!, couriersId)).find((row) => row.id === created.projectId)!.needsUpdate).toBe(false);
  });

  it("does not count a save that changes nothing as an update", async () => {
    const created = await createProject(actors.laborColead!, projectInput({ title: "Unchanged project" }));
    const longAgo = new Date(Date.now() - 91 * 24 * 60 * 60 * 1000);
    await prisma.project.update({ where: { id: created.projectId }, data: { lastActivityAt: longAgo, updatedById: null } });
    const before = await footprint();

    const saved = await updateProject(actors.managementColead!, { ...projectInput({ title: "Unchanged project" }), projectId: created.projectId, expectedVersion: 1 });
    await changeProjectStatus(actors.managementColead!, { projectId: created.projectId, expectedVersion: 1, status: "IDEA" });

    expect(saved).toMatchObject({ projectId: created.projectId, version: 1 });
    expect(await footprint()).toEqual(before);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: created.projectId } })).toMatchObject({ lastActivityAt: longAgo, updatedById: null, version: 1 });
    expect((await listTeamProjects(actors.laborColead!, couriersId)).find((row) => row.id === created.projectId)!.needsUpdate).toBe(true);
  });

  it("is read only by those who may see the team", async () => {
    await expect(listTeamProjects(actors.otherColoradoColead!, couriersId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listTeamProjects(actors.georgiaConsultant!, couriersId)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the projects CSV export", () => {
  it("honours the user's scope and the filters", async () => {
    const { headers, rows } = await readAll(exportProjectRows(actors.laborColead!, {}));
    expect(headers[1]).toBe("team code");
    const couriers = await prisma.team.findUniqueOrThrow({ where: { id: couriersId } });
    expect(rows.length).toBe(await prisma.project.count({ where: { teamId: couriersId } }));
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set([couriers.code]));

    const consultantRows = (await readAll(exportProjectRows(actors.consultant!, { compass: "MOST_AFFORDABLE" }))).rows;
    expect(consultantRows.length).toBe(
      await prisma.project.count({ where: { team: { region: { name: "Colorado" } }, compassPoints: { has: "MOST_AFFORDABLE" } } }),
    );
    expect(consultantRows.every((row) => row[3] === "Colorado" && String(row[7]).includes("Most Affordable"))).toBe(true);

    expect((await readAll(exportProjectRows(actors.georgiaConsultant!, { team: couriersId }))).rows).toEqual([]);

    const sustainedInGeorgia = (await readAll(exportProjectRows(actors.staff!, { region: "georgia", status: "SUSTAINED" }))).rows;
    expect(sustainedInGeorgia.length).toBe(await prisma.project.count({ where: { team: { region: { slug: "georgia" } }, status: "SUSTAINED" } }));
    expect(sustainedInGeorgia.length).toBeGreaterThan(0);
    expect(sustainedInGeorgia.every((row) => row[3] === "Georgia" && row[6] === "Sustained")).toBe(true);

    // The last column names the practice a project adopted, and is empty for the rest.
    const adoption = await prisma.spreadLink.findFirstOrThrow({ select: { originProjectId: true, adopterProjectId: true } });
    const everyRow = (await readAll(exportProjectRows(actors.staff!, {}))).rows;
    expect(everyRow.find((row) => row[0] === adoption.adopterProjectId)?.[11]).toBe(adoption.originProjectId);
    expect(everyRow.filter((row) => row[11] !== null).length).toBe(await prisma.spreadLink.count());
  });
});

describe("reading a project", () => {
  it("is full for the team's people, practice-only for others once completed, refused before", async () => {
    const created = await createProject(actors.laborColead!, projectInput({ title: "Practice in the making" }));
    expect((await getProjectDetail(actors.managementSponsor!, created.projectId)).access).toBe("full");
    await expect(getProjectDetail(actors.georgiaConsultant!, created.projectId)).rejects.toBeInstanceOf(ForbiddenError);

    let version = created.version;
    for (const status of ["ACTIVE", "TESTING", "IMPLEMENTED"]) {
      version = (await changeProjectStatus(actors.laborColead!, { projectId: created.projectId, expectedVersion: version, status })).version;
    }
    const seenFromGeorgia = await getProjectDetail(actors.georgiaConsultant!, created.projectId);
    expect(seenFromGeorgia).toMatchObject({ access: "practice", mayEdit: false });
  });
});
