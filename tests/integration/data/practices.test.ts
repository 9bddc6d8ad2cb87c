import { beforeAll, describe, expect, it } from "vitest";
import { getAdoptableTeams, getSpread, PRACTICES_COUNTED, PRACTICES_PAGE_SIZE, searchPractices, type PracticeSummary } from "@/lib/data/practices";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CompassPoint, ProjectStatus, SavingsStatus } from "@/lib/generated/prisma/enums";
import { practiceSearchSchema } from "@/lib/validation/practices";
import { actorFor, actorWithAssignment } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";

// Practices made for these tests carry a word no seeded project uses, so every
// expectation below is exact.
const WORD = "Zephyrquill";

type TeamRef = { id: string; name: string; regionId: string };
let couriers: TeamRef;
let georgiaPharmacy: TeamRef;
let projects: Record<"routes" | "labels" | "percent" | "testing" | "abandoned", string>;

/** A search as the page runs it: the URL's parameters through the shared schema. */
function search(params: Record<string, string>) {
  return searchPractices(practiceSearchSchema.parse(params));
}

async function titlesFound(params: Record<string, string>): Promise<string[]> {
  return (await search(params)).practices.map((practice) => practice.title);
}

async function createProject(team: TeamRef, title: string, status: ProjectStatus, compassPoints: CompassPoint[], aim = "Better work for members.") {
  const project = await prisma.project.create({ data: { teamId: team.id, title, aim, status, compassPoints }, select: { id: true } });
  return project.id;
}

async function addSavings(projectId: string, team: TeamRef, entries: [number, SavingsStatus][]) {
  await prisma.savingsEntry.createMany({
    data: entries.map(([amountCents, status]) => ({
      projectId,
      teamId: team.id,
      amountCents,
      status,
      category: "HARD_SAVINGS" as const,
      recurrence: "ONE_TIME" as const,
      reportedOn: new Date("2024-03-01"),
      method: "Budget comparison",
      rejectionReason: status === "REJECTED" ? "No evidence of the saving" : null,
    })),
  });
}

async function teamWhere(where: Prisma.TeamWhereInput): Promise<TeamRef> {
  return prisma.team.findFirstOrThrow({ where, select: { id: true, name: true, regionId: true }, orderBy: { code: "asc" } });
}

beforeAll(async () => {
  await resetToSeed();
  couriers = await teamWhere({ roleAssignments: { some: { person: { email: "colead.labor@example.org" }, role: "LABOR_COLEAD" } } });
  georgiaPharmacy = await teamWhere({ region: { slug: "georgia" }, department: { type: "PHARMACY" } });
  const adopter = await teamWhere({ region: { slug: "georgia" }, department: { type: "SURGERY" } });

  projects = {
    // Colorado couriers (transport and logistics): $15,000 validated; reported and rejected entries do not count.
    routes: await createProject(couriers, `${WORD} route huddles`, "SUSTAINED", ["MOST_AFFORDABLE"]),
    // Georgia pharmacy: $40,000 validated.
    labels: await createProject(georgiaPharmacy, `${WORD} pharmacy labels`, "IMPLEMENTED", ["BEST_QUALITY", "PATIENT_AND_MEMBER_FOCUS"]),
    // The word only in the aim, in lower case, next to a literal "%": no savings.
    percent: await createProject(georgiaPharmacy, "Refill reminders", "IMPLEMENTED", ["BEST_SERVICE"], `Cut missed refills by 50% with ${WORD.toLowerCase()} texts.`),
    // Not completed: never in the library.
    testing: await createProject(couriers, `${WORD} van checklist`, "TESTING", ["MOST_AFFORDABLE"]),
    abandoned: await createProject(couriers, `${WORD} night dispatch`, "ABANDONED", ["MOST_AFFORDABLE"]),
  };
  await addSavings(projects.routes, couriers, [
    [1_200_000, "VALIDATED"],
    [300_000, "VALIDATED"],
    [5_000_000, "REPORTED"],
    [9_900_000, "REJECTED"],
  ]);
  await addSavings(projects.labels, georgiaPharmacy, [[4_000_000, "VALIDATED"]]);
  // One team adopted the routes practice: it ranks first despite smaller savings.
  const adoption = await prisma.project.create({ data: { teamId: adopter.id, title: "Huddles, our way", aim: "Adopted.", compassPoints: ["MOST_AFFORDABLE"] } });
  await prisma.spreadLink.create({ data: { originProjectId: projects.routes, adopterProjectId: adoption.id, adopterTeamId: adopter.id } });
});

describe("searching the practice library", () => {
  it("finds completed practices by a word in the title or the aim, in any case, most adopted first", async () => {
    const results = await search({ q: WORD.toUpperCase() });
    expect(results.practices.map((practice) => practice.projectId)).toEqual([projects.routes, projects.labels, projects.percent]);
    expect(results).toMatchObject({ total: 3, page: 1, pageCount: 1 });
  });

  it("shows each practice's library fields: origin, validated savings of its own entries, adopters", async () => {
    const [routes] = (await search({ q: `${WORD} route` })).practices;
    const adopterTeamIds = (await prisma.spreadLink.findMany({ where: { originProjectId: projects.routes } })).map((link) => link.adopterTeamId);
    expect(routes).toEqual<PracticeSummary>({
      projectId: projects.routes,
      title: `${WORD} route huddles`,
      aim: "Better work for members.",
      compassPoints: ["MOST_AFFORDABLE"],
      team: { id: couriers.id, name: couriers.name },
      region: { name: "Colorado", slug: "colorado" },
      departmentType: "TRANSPORT_LOGISTICS",
      validatedSavingsCents: 1_500_000,
      adopterCount: 1,
      adopterTeamIds,
    });
  });

  it("requires every word, anywhere in the title or aim", async () => {
    expect(await titlesFound({ q: `labels ${WORD.toLowerCase()}` })).toEqual([`${WORD} pharmacy labels`]);
    expect(await titlesFound({ q: `${WORD} lorry` })).toEqual([]);
  });

  it("matches % and _ literally, not as wildcards", async () => {
    expect(await titlesFound({ q: `${WORD} 50%` })).toEqual(["Refill reminders"]);
    expect(await titlesFound({ q: `${WORD} %` })).toEqual(["Refill reminders"]);
    expect(await titlesFound({ q: `${WORD}_` })).toEqual([]);
  });

  it("filters by Value Compass point", async () => {
    expect(await titlesFound({ q: WORD, compass: "BEST_QUALITY" })).toEqual([`${WORD} pharmacy labels`]);
    expect(await titlesFound({ q: WORD, compass: "PATIENT_AND_MEMBER_FOCUS" })).toEqual([`${WORD} pharmacy labels`]);
    expect(await titlesFound({ q: WORD, compass: "BEST_PLACE_TO_WORK" })).toEqual([]);
  });

  it("filters by department type and by region", async () => {
    expect(await titlesFound({ q: WORD, department: "TRANSPORT_LOGISTICS" })).toEqual([`${WORD} route huddles`]);
    expect(await titlesFound({ q: WORD, department: "PHARMACY" })).toEqual([`${WORD} pharmacy labels`, "Refill reminders"]);
    expect(await titlesFound({ q: WORD, region: "georgia" })).toEqual([`${WORD} pharmacy labels`, "Refill reminders"]);
    expect(await titlesFound({ q: WORD, region: "georgia", department: "TRANSPORT_LOGISTICS" })).toEqual([]);
    expect(await titlesFound({ q: WORD, region: "no-such-region" })).toEqual([]);
  });

  it("filters by minimum validated savings in dollars, counting only validated entries", async () => {
    expect(await titlesFound({ q: WORD, minSavings: "15,000" })).toEqual([`${WORD} route huddles`, `${WORD} pharmacy labels`]);
    expect(await titlesFound({ q: WORD, minSavings: "15000.01" })).toEqual([`${WORD} pharmacy labels`]);
    // The $50,000 reported (not validated) on the routes practice does not lift it over $20,000.
    expect(await titlesFound({ q: WORD, minSavings: "$20,000" })).toEqual([`${WORD} pharmacy labels`]);
    expect(await titlesFound({ q: WORD, minSavings: "40,000.01" })).toEqual([]);
  });

  it("never lists projects that are not implemented or sustained", async () => {
    const withWord = { OR: [{ title: { contains: WORD, mode: "insensitive" as const } }, { aim: { contains: WORD, mode: "insensitive" as const } }] };
    const completed = await prisma.project.count({ where: { status: { in: ["IMPLEMENTED", "SUSTAINED"] }, ...withWord } });
    expect(await prisma.project.count({ where: withWord })).toBeGreaterThan(completed);
    expect((await search({ q: WORD })).total).toBe(completed);
    expect(await titlesFound({ q: "checklist" })).not.toContain(`${WORD} van checklist`);
    expect(await titlesFound({ q: "dispatch" })).not.toContain(`${WORD} night dispatch`);
  });

  it("ranks the seed's most spread practice, the Gaithersburg drills, first", async () => {
    const [first] = (await search({})).practices;
    expect(first).toMatchObject({ title: "Malignant hyperthermia drills", team: { name: expect.stringContaining("Gaithersburg") }, adopterCount: 3 });
  });

  it("pages by 20 in a stable order, and an empty page past the end", async () => {
    const [first, second, completed] = await Promise.all([search({}), search({ page: "2" }), prisma.project.count({ where: { status: { in: ["IMPLEMENTED", "SUSTAINED"] } } })]);
    // The seed has more completed practices than are counted: the first thousand are paged.
    const total = Math.min(completed, PRACTICES_COUNTED);
    expect(first.practices).toHaveLength(PRACTICES_PAGE_SIZE);
    expect(first).toMatchObject({ total, totalIsCapped: completed > PRACTICES_COUNTED, pageCount: Math.ceil(total / PRACTICES_PAGE_SIZE) });
    const firstIds = new Set(first.practices.map((practice) => practice.projectId));
    expect(second.practices.some((practice) => firstIds.has(practice.projectId))).toBe(false);
    const ranks = [...first.practices, ...second.practices].map((practice) => [practice.adopterCount, practice.validatedSavingsCents]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!));

    const beyond = await search({ page: String(first.pageCount + 1) });
    expect(beyond).toMatchObject({ practices: [], total, page: first.pageCount + 1 });
  });

  it(`counts matches up to ${PRACTICES_COUNTED} and says when there are more`, async () => {
    const word = "Quorbleflax";
    const make = (count: number, from: number) =>
      prisma.project.createMany({
        data: Array.from({ length: count }, (_, index) => ({ teamId: couriers.id, title: `${word} huddle ${from + index}`, aim: "Many alike.", status: "SUSTAINED" as const, compassPoints: ["BEST_SERVICE" as const] })),
      });
    await make(PRACTICES_COUNTED, 0);
    expect(await search({ q: word })).toMatchObject({ total: PRACTICES_COUNTED, totalIsCapped: false, pageCount: PRACTICES_COUNTED / PRACTICES_PAGE_SIZE });
    await make(1, PRACTICES_COUNTED);
    const capped = await search({ q: word, page: String(PRACTICES_COUNTED / PRACTICES_PAGE_SIZE) });
    expect(capped).toMatchObject({ total: PRACTICES_COUNTED, totalIsCapped: true, pageCount: PRACTICES_COUNTED / PRACTICES_PAGE_SIZE });
    expect(capped.practices).toHaveLength(PRACTICES_PAGE_SIZE);
    await prisma.project.deleteMany({ where: { title: { startsWith: word } } });
  });
});

describe("a project's spread", () => {
  it("lists the teams that adopted the Gaithersburg drills, and each adoption names its origin", async () => {
    const origin = await prisma.project.findFirstOrThrow({ where: { title: "Malignant hyperthermia drills", team: { name: { contains: "Gaithersburg" } } } });
    const spread = await getSpread(origin.id);
    expect(spread.adoptedFrom).toBeNull();
    expect(spread.adopters.map((adopter) => adopter.teamName)).toEqual([
      expect.stringContaining("Largo"),
      expect.stringContaining("Tysons Corner"),
      expect.stringContaining("Oakland"),
    ]);

    const adoption = await getSpread(spread.adopters[0]!.projectId);
    expect(adoption.adoptedFrom).toMatchObject({ projectId: origin.id, projectTitle: "Malignant hyperthermia drills", teamName: expect.stringContaining("Gaithersburg") });
    expect(adoption.adopters).toEqual([]);
  });
});

describe("the teams someone may adopt a practice for", () => {
  it("are a co-lead's own team and a consultant's region's active teams", async () => {
    expect(await getAdoptableTeams(await actorFor("colead.labor@example.org"))).toEqual([{ id: couriers.id, name: couriers.name }]);
    const colorado = await prisma.team.findMany({ where: { regionId: couriers.regionId, retiredQuarter: null }, select: { id: true } });
    const consultantTeams = await getAdoptableTeams(await actorFor("consultant.colorado@example.org"));
    expect(consultantTeams.map((team) => team.id).sort()).toEqual(colorado.map((team) => team.id).sort());
  });

  it("are none for sponsors, staff, administrators and finance", async () => {
    for (const email of ["sponsor.union@example.org", "staff@example.org", "admin@example.org", "finance@example.org"]) {
      expect(await getAdoptableTeams(await actorFor(email)), email).toEqual([]);
    }
  });

  it("for a Georgia consultant are Georgia's teams, not Colorado's", async () => {
    const teams = await getAdoptableTeams(await actorWithAssignment({ role: "CONSULTANT", region: { slug: "georgia" } }));
    expect(teams.map((team) => team.id)).toContain(georgiaPharmacy.id);
    expect(teams.map((team) => team.id)).not.toContain(couriers.id);
  });
});
