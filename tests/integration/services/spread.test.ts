import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getSpread, searchPractices } from "@/lib/data/practices";
import { prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import * as spread from "@/lib/services/spread";
import { adoptPracticeSchema, practiceSearchSchema } from "@/lib/validation/practices";
import { asSubmitted } from "@/tests/support/as-submitted";
import { couriersTeam, demoCast } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { expectRefusedWithoutWrites as expectRefusedWithoutWritesTo } from "@/tests/support/refusals";

const adoptPractice = asSubmitted(adoptPracticeSchema, spread.adoptPractice);

const DRILL_TITLE = "Malignant hyperthermia drills";

let couriersId: string;
let actors: Record<string, PersonActor>;
/** The seed's featured practices: the Gaithersburg drills (sustained, spread to three teams) and the San Jose pharmacy (validated savings). */
let drills: { id: string; aim: string; tools: string[] };
let sanJoseId: string;

/** Row counts of everything an adoption writes: "writes nothing" means these stay put. */
async function spreadFootprint() {
  const [projects, links, audit] = await Promise.all([prisma.project.count(), prisma.spreadLink.count(), prisma.auditEntry.count()]);
  return { projects, links, audit };
}

function expectRefusedWithoutWrites(action: () => Promise<unknown>, errorType: new (...args: never[]) => Error, message?: RegExp) {
  return expectRefusedWithoutWritesTo(spreadFootprint, action, errorType, message);
}

/** A completed practice of some team outside Colorado, made for one test so adoptions never collide. */
async function freshPractice(title = "Bedside shift report") {
  const team = await prisma.team.findFirstOrThrow({ where: { region: { slug: "georgia" } }, orderBy: { code: "asc" } });
  return prisma.project.create({ data: { teamId: team.id, title, aim: "Report at the bedside with the patient.", status: "IMPLEMENTED", compassPoints: ["BEST_SERVICE"] } });
}

async function validatedCents(where: { teamId?: string; projectId?: string } = {}): Promise<number> {
  const total = await prisma.savingsEntry.aggregate({ where: { ...where, status: "VALIDATED" }, _sum: { amountCents: true } });
  return total._sum.amountCents ?? 0;
}

beforeAll(async () => {
  await resetToSeed();
  const couriers = await couriersTeam();
  couriersId = couriers.id;
  drills = await prisma.project.findFirstOrThrow({
    where: { title: DRILL_TITLE, team: { name: { contains: "Gaithersburg" } } },
    select: { id: true, aim: true, tools: true },
  });
  sanJoseId = (await prisma.project.findFirstOrThrow({ where: { title: "Review high-cost prescribing patterns with physicians" } })).id;
  actors = await demoCast(couriers);
});

describe("adopting a practice", () => {
  it("gives the adopting team its own new project linked to the origin, audited, and the origin lists the adopter", async () => {
    const adoption = await adoptPractice(actors.laborColead!, { originProjectId: drills.id, adopterTeamId: couriersId });

    const project = await prisma.project.findUniqueOrThrow({ where: { id: adoption.projectId } });
    expect(project).toMatchObject({
      teamId: couriersId,
      status: "IDEA",
      title: `Adopted: ${DRILL_TITLE}`,
      aim: drills.aim,
      compassPoints: ["BEST_QUALITY"],
      tools: drills.tools,
      goalId: null,
      createdById: actors.laborColead!.personId,
      updatedById: actors.laborColead!.personId,
    });
    const link = await prisma.spreadLink.findUniqueOrThrow({ where: { id: adoption.spreadLinkId } });
    expect(link).toMatchObject({ originProjectId: drills.id, adopterProjectId: project.id, adopterTeamId: couriersId, createdById: actors.laborColead!.personId });

    const audit = await prisma.auditEntry.findMany({ where: { entityType: "Project", entityId: project.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: "practice.adopted",
        actorId: actors.laborColead!.personId,
        after: { title: project.title, teamId: couriersId, spreadLinkId: link.id, originProjectId: drills.id, originTeamId: expect.any(String) },
      }),
    ]);

    const originSpread = await getSpread(drills.id);
    expect(originSpread.adopters).toHaveLength(4);
    expect(originSpread.adopters.at(-1)).toMatchObject({ projectId: project.id, teamId: couriersId, projectTitle: project.title });
    expect((await getSpread(project.id)).adoptedFrom).toMatchObject({ projectId: drills.id, projectTitle: DRILL_TITLE });
  });

  it("lets the region's consultant adopt for the team, with the team's own title and aim", async () => {
    const practice = await freshPractice();
    const adoption = await adoptPractice(actors.consultant!, {
      originProjectId: practice.id,
      adopterTeamId: couriersId,
      title: "  Courier handoffs at the dock ",
      aim: "Hand over parcels with the receiving nurse present.",
    });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: adoption.projectId } })).toMatchObject({
      title: "Courier handoffs at the dock",
      aim: "Hand over parcels with the receiving nurse present.",
      compassPoints: ["BEST_SERVICE"],
      createdById: actors.consultant!.personId,
    });
  });

  it("shortens the default title to fit when the practice's title is long", async () => {
    const practice = await freshPractice("L".repeat(200));
    const adoption = await adoptPractice(actors.managementColead!, { originProjectId: practice.id, adopterTeamId: couriersId });
    const { title } = await prisma.project.findUniqueOrThrow({ where: { id: adoption.projectId } });
    expect(title).toHaveLength(200);
    expect(title).toBe(`Adopted: ${"L".repeat(190)}…`);
  });
});

describe("refusals write nothing", () => {
  it("refuses a practice that is not implemented or sustained", async () => {
    const unfinished = await prisma.project.findFirstOrThrow({ where: { status: { in: ["IDEA", "ACTIVE", "TESTING", "ABANDONED"] }, teamId: { not: couriersId } } });
    await expectRefusedWithoutWrites(
      () => adoptPractice(actors.laborColead!, { originProjectId: unfinished.id, adopterTeamId: couriersId }),
      InvalidInputError,
      /^Only implemented or sustained practices can be adopted$/,
    );
  });

  it("refuses a team adopting its own practice", async () => {
    const own = await prisma.project.findFirstOrThrow({ where: { teamId: couriersId, status: "SUSTAINED" } });
    await expectRefusedWithoutWrites(
      () => adoptPractice(actors.laborColead!, { originProjectId: own.id, adopterTeamId: couriersId }),
      InvalidInputError,
      /cannot adopt its own practice/,
    );
  });

  it("refuses adopting the same practice twice for a team", async () => {
    const practice = await freshPractice();
    await adoptPractice(actors.laborColead!, { originProjectId: practice.id, adopterTeamId: couriersId });
    await expectRefusedWithoutWrites(
      () => adoptPractice(actors.managementColead!, { originProjectId: practice.id, adopterTeamId: couriersId }),
      ConflictError,
      /has already adopted this practice/,
    );
  });

  it("lets only one of two simultaneous adoptions for a team through", async () => {
    const practice = await freshPractice();
    const before = await spreadFootprint();
    const outcomes = await Promise.allSettled([
      adoptPractice(actors.laborColead!, { originProjectId: practice.id, adopterTeamId: couriersId }),
      adoptPractice(actors.managementColead!, { originProjectId: practice.id, adopterTeamId: couriersId }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(ConflictError);
    expect(await spreadFootprint()).toEqual({ projects: before.projects + 1, links: before.links + 1, audit: before.audit + 1 });
  });

  it.each(["unionSponsor", "managementSponsor", "staff", "admin", "finance", "otherColoradoColead", "georgiaConsultant"])(
    "refuses %s adopting for the couriers",
    async (who) => {
      const practice = await freshPractice();
      await expectRefusedWithoutWrites(() => adoptPractice(actors[who]!, { originProjectId: practice.id, adopterTeamId: couriersId }), ForbiddenError);
    },
  );

  it("refuses an unauthorised adopter before saying anything about the practice", async () => {
    const unfinished = await prisma.project.findFirstOrThrow({ where: { status: "TESTING" } });
    await expectRefusedWithoutWrites(() => adoptPractice(actors.staff!, { originProjectId: unfinished.id, adopterTeamId: couriersId }), ForbiddenError);
  });

  it("refuses an unknown practice, an unknown team and a missing team", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expectRefusedWithoutWrites(() => adoptPractice(actors.laborColead!, { originProjectId: unknown, adopterTeamId: couriersId }), NotFoundError);
    await expectRefusedWithoutWrites(() => adoptPractice(actors.laborColead!, { originProjectId: drills.id, adopterTeamId: unknown }), NotFoundError);
    await expectRefusedWithoutWrites(
      () => adoptPractice(actors.laborColead!, { originProjectId: drills.id, adopterTeamId: "" }),
      InvalidInputError,
      /Choose the team that adopts the practice/,
    );
  });
});

describe("savings stay with the team that achieved them", () => {
  it("copies no savings: the adopter's and the organisation's validated totals do not change, the origin keeps its own", async () => {
    const searchSanJose = async () =>
      (await searchPractices(practiceSearchSchema.parse({ q: "high-cost prescribing patterns" }))).practices.find((practice) => practice.projectId === sanJoseId)!;
    const before = { origin: await searchSanJose(), couriers: await validatedCents({ teamId: couriersId }), all: await validatedCents() };
    expect(before.origin.validatedSavingsCents).toBe(await validatedCents({ projectId: sanJoseId }));
    expect(before.origin.validatedSavingsCents).toBeGreaterThan(0);

    const adoption = await adoptPractice(actors.laborColead!, { originProjectId: sanJoseId, adopterTeamId: couriersId });

    expect(await prisma.savingsEntry.count({ where: { projectId: adoption.projectId } })).toBe(0);
    expect(await validatedCents({ teamId: couriersId })).toBe(before.couriers);
    expect(await validatedCents()).toBe(before.all);
    expect(await searchSanJose()).toMatchObject({ validatedSavingsCents: before.origin.validatedSavingsCents, adopterCount: before.origin.adopterCount + 1 });
  });
});
