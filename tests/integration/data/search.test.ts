import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { searchEverything, SEARCH_RESULTS_PER_KIND } from "@/lib/data/search";
import { prisma } from "@/lib/db";
import { actorFor, actorWithAssignment, couriersTeam, regionalAdminOf } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";

let staff: Actor;
let coloradoConsultant: Actor;
let georgiaConsultant: Actor;
let laborColead: Actor;
let coloradoAdmin: Actor;
let couriers: { id: string; code: string; name: string; regionId: string };
let georgiaCouriers: { id: string };
/** The Colorado consultant herself: a person placed only in Colorado. */
let dana: { id: string; displayName: string };
let project: { id: string; title: string };

const ids = (hits: { id: string }[] | null) => (hits ?? []).map((hit) => hit.id);

beforeAll(async () => {
  await resetToSeed();
  staff = await actorFor("staff@example.org");
  coloradoConsultant = await actorFor("consultant.colorado@example.org");
  laborColead = await actorFor("colead.labor@example.org");
  couriers = await couriersTeam();
  georgiaConsultant = await actorWithAssignment({ role: "CONSULTANT", region: { slug: "georgia" } });
  coloradoAdmin = await regionalAdminOf(couriers.regionId);
  georgiaCouriers = await prisma.team.findFirstOrThrow({ where: { region: { slug: "georgia" }, name: { startsWith: "Couriers" } } });
  dana = await prisma.person.findFirstOrThrow({ where: { email: "consultant.colorado@example.org" } });
  project = await prisma.project.findFirstOrThrow({ where: { teamId: couriers.id, title: { contains: "courier routes" } } });
});

describe("the header search", () => {
  it("finds a team by a misspelt name, within the searcher's scope only", async () => {
    expect(couriers.name).toContain("Couriers");
    const national = await searchEverything(staff, "Curiers");
    expect(ids(national.teams)).toContain(couriers.id);
    expect(ids(national.teams)).toContain(georgiaCouriers.id);
    // A co-lead: their own team only.
    expect(ids((await searchEverything(laborColead, "Curiers")).teams)).toEqual([couriers.id]);
    // A region's consultant and administrator: that region's teams only.
    for (const actor of [coloradoConsultant, coloradoAdmin]) {
      const { teams } = await searchEverything(actor, "Curiers");
      expect(ids(teams)).toContain(couriers.id);
      expect(ids(teams)).not.toContain(georgiaCouriers.id);
      const regions = await prisma.team.findMany({ where: { id: { in: ids(teams) } }, select: { regionId: true } });
      expect(new Set(regions.map((team) => team.regionId))).toEqual(new Set([couriers.regionId]));
    }
    const georgia = await searchEverything(georgiaConsultant, "Curiers");
    expect(ids(georgia.teams)).toContain(georgiaCouriers.id);
    expect(ids(georgia.teams)).not.toContain(couriers.id);
  });

  it("finds a team by its code, and ranks the best match first", async () => {
    const { teams } = await searchEverything(staff, couriers.code);
    expect(teams[0]!.id).toBe(couriers.id);
  });

  it("finds a project by a misspelt or partial title, within scope only", async () => {
    expect(ids((await searchEverything(laborColead, "corier routes")).projects)).toContain(project.id);
    expect(ids((await searchEverything(staff, "dispatch")).projects)).toContain(project.id);
    expect(ids((await searchEverything(georgiaConsultant, "corier routes")).projects)).not.toContain(project.id);
  });

  it("finds a person by part of a name or a misspelling, for those who may see the people directory, within their region", async () => {
    const surname = dana.displayName.split(" ").at(-1)!;
    const part = surname.slice(0, 4);
    for (const actor of [staff, coloradoConsultant, coloradoAdmin]) {
      expect(ids((await searchEverything(actor, part)).people), part).toContain(dana.id);
    }
    const misspelt = `${dana.displayName.split(" ")[0]} ${surname.slice(0, 2)}${surname.slice(3)}`;
    expect(ids((await searchEverything(staff, misspelt)).people), misspelt).toContain(dana.id);
    // Another region's consultant does not see her; a co-lead sees no people at all.
    expect(ids((await searchEverything(georgiaConsultant, part)).people)).not.toContain(dana.id);
    expect((await searchEverything(laborColead, part)).people).toBeNull();
  });

  it("shows nothing to someone whose roles reach nothing, and nothing for a query too short to mean anything", async () => {
    expect(await searchEverything({ grants: [] }, "Curiers")).toEqual({ teams: [], projects: [], people: null });
    expect(await searchEverything(staff, "C")).toEqual({ teams: [], projects: [], people: [] });
  });

  it("returns at most ten of each kind", async () => {
    const { teams } = await searchEverything(staff, "Pharmacy");
    expect(teams).toHaveLength(SEARCH_RESULTS_PER_KIND);
  });

  it("returns the ten nearest of many matches, nearest first, whatever their alphabetical order", async () => {
    // Word similarity to "Quokka huddles", from 1 down to 0.625; the last two are not near enough.
    const titles = [
      "A quokk huddl review", // 0.625
      "B quokka huddle", // 0.867
      "C quokka huddles", // 1
      "D quokka hudles", // 0.8125
      "E quoka huddles", // 0.8125
      "G huddles of quokkas", // 0.778
      "H quokka huddles board", // 1
      "I quokkas huddle", // 0.706
      "J quokka huddling", // 0.8
      "K quokka-huddles", // 1
      "L quok huddles", // 0.75
      "M quokka huddle board", // 0.867
      "N qokka hudles", // 0.5625
      "O the quokka huddles", // 1
      "P quokka hud", // 0.667
    ];
    await prisma.project.createMany({ data: titles.map((title) => ({ teamId: couriers.id, title, aim: "Try it.", compassPoints: ["BEST_SERVICE"] })) });
    const { projects } = await searchEverything(staff, "Quokka huddles");
    expect(projects.map((hit) => hit.title)).toEqual([
      "C quokka huddles",
      "H quokka huddles board",
      "K quokka-huddles",
      "O the quokka huddles",
      "B quokka huddle",
      "M quokka huddle board",
      "D quokka hudles",
      "E quoka huddles",
      "J quokka huddling",
      "G huddles of quokkas",
    ]);
    // Within a co-lead's scope too (their team's projects are read by the team, not the index).
    expect((await searchEverything(laborColead, "Quokka huddles")).projects.map((hit) => hit.title).slice(0, 4)).toEqual([
      "C quokka huddles",
      "H quokka huddles board",
      "K quokka-huddles",
      "O the quokka huddles",
    ]);
  });

  it("treats % and _ as themselves", async () => {
    expect(await searchEverything(staff, "%%")).toEqual({ teams: [], projects: [], people: [] });
  });
});
