/** People, demo accounts and who holds which role, where, and when. */
import type { Person, RoleAssignment, TeamMember, User } from "@/lib/generated/prisma/client";
import type { KeyTeamRole, RoleKind } from "@/lib/generated/prisma/enums";
import { quarterBounds, type Quarter } from "@/lib/domain/quarter";
import { addDays, earliest, randomDayBetween, startOfDay, utcDay } from "./dates";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import type { FeaturedTeamKey, Organisation, TeamContext } from "./generate-organisation";
import { groupBy } from "./group-by";
import { createNameGenerator } from "./names";
import type { Random } from "./random";
import { CLINICAL_DEPARTMENT_TYPES } from "./reference";

type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

/** Readable names for the demo accounts; their first names are not in the generated name list. */
const DEMO_DISPLAY_NAMES: Record<DemoEmail, string> = {
  "staff@example.org": "Jordan Ellis",
  "admin@example.org": "Alex Whitman",
  "finance@example.org": "Renee Castellano",
  "consultant.colorado@example.org": "Dana Okoro",
  "sponsor.union@example.org": "Luz Medina",
  "sponsor.mgmt@example.org": "Greg Halvorsen",
  "colead.labor@example.org": "Tony Marquez",
  "colead.mgmt@example.org": "Beth Lindqvist",
};

/** The demo sponsors sponsor the couriers and the Franklin teams: ten teams in all. */
const DEMO_SPONSOR_TEAM_COUNT = 10;
const DEMO_TENURE_START = utcDay("2017-01-09");
/** Before the first rated quarter, so every rating has sponsors to sign it. */
const SPONSORS_APPOINTED = { from: utcDay("2014-01-01"), to: utcDay("2018-12-31") };
const EARLIEST_ROLE_CHANGE = utcDay("2019-01-01");

/** One person holding one role for a period; `end` null while current. */
export interface Tenure {
  personId: string;
  start: Date;
  end: Date | null;
}

export interface TeamStaffing {
  laborColeads: Tenure[];
  managementColeads: Tenure[];
  unionSponsors: Tenure[];
  managementSponsors: Tenure[];
}

export interface Staffing {
  people: Person[];
  users: User[];
  roleAssignments: RoleAssignment[];
  /** Every team's roster, past members included. */
  teamMembers: TeamMember[];
  byTeamId: ReadonlyMap<string, TeamStaffing>;
  consultantsByRegionId: ReadonlyMap<string, Tenure[]>;
  /** Regional reviewers plus the national ones, per region. */
  financeReviewersByRegionId: ReadonlyMap<string, string[]>;
  /** National LMP staff member who published the criteria set. */
  criteriaPublisherId: string;
  /** The demo sponsors' teams, the couriers first. */
  demoSponsorTeamIds: readonly string[];
}

/** Whether the tenure covers the calendar day of `date` (start and end days included). */
export function isActiveOn(tenure: Tenure, date: Date): boolean {
  const day = startOfDay(date);
  return tenure.start <= day && (tenure.end === null || day <= tenure.end);
}

/** Who held the role on `date`: the covering tenure, else the nearest one. */
export function holderAt(tenures: readonly Tenure[], date: Date): string {
  const covering = tenures.find((tenure) => isActiveOn(tenure, date));
  const nearest = covering ?? (date < (tenures[0]?.start ?? date) ? tenures[0] : tenures.at(-1));
  if (!nearest) throw new Error("No one ever held this role");
  return nearest.personId;
}

export interface StaffingOptions {
  now: Date;
  passwordHash: string | null;
  /** Multiplies each region's cap on consultants, as the data set is scaled. */
  scale?: number;
  /** How large the teams' rosters are (the demo seed's small ones unless given). */
  roster?: RosterShape;
}

export function generateStaffing(organisation: Organisation, options: StaffingOptions, random: Random): Staffing {
  const builder = new StaffingBuilder(random, options.now, options.scale ?? 1);
  const demo = builder.addDemoPeople(options.passwordHash);
  const criteriaPublisherId = builder.addNationalStaff(demo);
  const demoTeams = demoSponsorTeams(organisation);

  for (const context of organisation.teams) builder.addCoLeads(context, demo, organisation.featuredTeams);
  const teamsByRegionId = groupBy(organisation.teams, (context) => context.team.regionId);
  for (const [slug, regionId] of organisation.regionIdBySlug) {
    const regionTeams = teamsByRegionId.get(regionId) ?? [];
    const groups = sponsorGroups(regionTeams, slug === "colorado" ? demoTeams : [], random);
    groups.forEach((group, index) => builder.addSponsors(group, index === 0 && slug === "colorado" ? demo : null));
    builder.addRegionalStaff(regionId, regionTeams.length, slug === "colorado" ? demo : null);
  }
  // Last, so that adding rosters leaves every earlier person, name and id as it was.
  for (const context of organisation.teams) builder.addRoster(context, options.roster ?? SEED_ROSTER);

  return { ...builder.result(), criteriaPublisherId, demoSponsorTeamIds: demoTeams.map((context) => context.team.id) };
}

/** The couriers team and the first nine teams of Franklin Medical Offices. */
function demoSponsorTeams(organisation: Organisation): TeamContext[] {
  const couriers = organisation.featuredTeams.coloradoCouriers;
  const franklin = organisation.teams.filter(
    (context) => context.facilityName === organisation.featuredTeams.franklinPharmacy.facilityName,
  );
  return [couriers, ...franklin.slice(0, DEMO_SPONSOR_TEAM_COUNT - 1)];
}

/** How many front-line members a roster has, and whether they hold key roles. */
export type RosterShape = { members: { min: number; max: number }; keyRoles: boolean };
/** The demo seed's small rosters. */
const SEED_ROSTER: RosterShape = { members: { min: 1, max: 3 }, keyRoles: false };
/** Data at scale: rosters the size of real teams', with key roles. */
export const SCALED_ROSTER: RosterShape = { members: { min: 5, max: 16 }, keyRoles: true };
const MAX_CONSULTANTS_PER_REGION = 20;

const MIN_SPONSORED = 5;
const MAX_SPONSORED = 12;

/** Consecutive teams (so mostly one facility) in groups of 5–12, the demo group first. */
function sponsorGroups(regionTeams: readonly TeamContext[], demoTeams: readonly TeamContext[], random: Random): TeamContext[][] {
  const rest = regionTeams.filter((context) => !demoTeams.includes(context));
  const groups: TeamContext[][] = demoTeams.length > 0 ? [[...demoTeams]] : [];
  for (let index = 0; index < rest.length; ) {
    const size = sponsorGroupSize(rest.length - index, random);
    groups.push(rest.slice(index, index + size));
    index += size;
  }
  return groups;
}

function sponsorGroupSize(remaining: number, random: Random): number {
  const size = random.int(MIN_SPONSORED, MAX_SPONSORED);
  const left = remaining - size;
  if (left <= 0 || left >= MIN_SPONSORED) return size;
  // A tail of fewer than five teams is folded in, or made five by taking fewer now.
  return size + left <= MAX_SPONSORED ? size + left : size - (MIN_SPONSORED - left);
}

type DemoPeople = Record<DemoEmail, string>;

class StaffingBuilder {
  private readonly people: Person[] = [];
  private readonly users: User[] = [];
  private readonly roleAssignments: RoleAssignment[] = [];
  private readonly teamMembers: TeamMember[] = [];
  private readonly byTeamId = new Map<string, TeamStaffing>();
  private readonly consultantsByRegionId = new Map<string, Tenure[]>();
  private readonly financeReviewersByRegionId = new Map<string, string[]>();
  private readonly nationalFinanceReviewerIds: string[] = [];
  private readonly nextName: () => string;

  constructor(
    private readonly random: Random,
    private readonly now: Date,
    private readonly scale: number,
  ) {
    this.nextName = createNameGenerator(random.fork("names"));
  }

  result() {
    return {
      people: this.people,
      users: this.users,
      roleAssignments: this.roleAssignments,
      teamMembers: this.teamMembers,
      byTeamId: this.byTeamId,
      consultantsByRegionId: this.consultantsByRegionId,
      financeReviewersByRegionId: this.financeReviewersByRegionId,
    };
  }

  addDemoPeople(passwordHash: string | null): DemoPeople {
    const entries = DEMO_ACCOUNTS.map(({ email }, index) => {
      const personId = this.addPerson(DEMO_DISPLAY_NAMES[email], { email });
      this.users.push({
        id: this.random.uuid(),
        personId,
        email,
        passwordHash,
        disabled: false,
        createdAt: new Date(Date.UTC(2019, 0, 7, 15, index)),
        lastSignInAt: null,
      });
      return [email, personId] as const;
    });
    return Object.fromEntries(entries) as DemoPeople;
  }

  /** The national office: the demo staff member, administrator and finance reviewer, plus colleagues. */
  addNationalStaff(demo: DemoPeople): string {
    const since = utcDay("2015-01-05");
    this.assign(demo["staff@example.org"], "LMP_STAFF", { start: since });
    this.assign(demo["admin@example.org"], "ADMIN", { start: since });
    this.assign(demo["finance@example.org"], "FINANCE_REVIEWER", { start: since });
    this.nationalFinanceReviewerIds.push(demo["finance@example.org"]);

    const publisher = this.addPersonWithRole("LMP_STAFF", {});
    this.addPersonWithRole("LMP_STAFF", {});
    this.addPersonWithRole("ADMIN", {});
    return publisher.personId;
  }

  addCoLeads(context: TeamContext, demo: DemoPeople, featured: Record<FeaturedTeamKey, TeamContext>): void {
    const { team } = context;
    const chartered = this.dayInFirstMonths(team.charteredQuarter as Quarter, 60);
    const isDemoTeam = team.id === featured.coloradoCouriers.team.id;
    if (isDemoTeam) this.joinLocal(demo["colead.labor@example.org"], team.unionLocalId);
    const laborColeads = isDemoTeam
      ? [this.demoTenure(demo["colead.labor@example.org"], team.id, "LABOR_COLEAD")]
      : this.staffRole(team.id, "LABOR_COLEAD", chartered, 0.25, team.unionLocalId);
    const managementColeads = isDemoTeam
      ? [this.demoTenure(demo["colead.mgmt@example.org"], team.id, "MANAGEMENT_COLEAD")]
      : this.staffRole(team.id, "MANAGEMENT_COLEAD", chartered, 0.3, null);
    if (CLINICAL_DEPARTMENT_TYPES.has(context.departmentType) && this.random.chance(0.3)) {
      const start = randomDayBetween(this.random, chartered, earliest(addDays(chartered, 720), this.now));
      this.addPersonWithRole("PHYSICIAN_COLEAD", { teamId: team.id, start }, `${this.nextName()}, MD`);
    }
    this.byTeamId.set(team.id, { laborColeads, managementColeads, unionSponsors: [], managementSponsors: [] });
  }

  /**
   * The team's roster: its labor and management co-leads for their tenures, and front-line
   * members who joined since the charter, some of whom have since left; at scale, one
   * facilitates, one records, and many teams have a health and safety champion (names stay
   * distinct in the demo seed: the name lists hold about 21,000 and it uses about 19,000).
   */
  addRoster({ team }: TeamContext, shape: RosterShape): void {
    const staffing = this.byTeamId.get(team.id);
    if (!staffing) throw new Error(`Team ${team.code} has no co-leads`);
    for (const tenure of [...staffing.laborColeads, ...staffing.managementColeads]) this.addMember(team.id, tenure);
    const chartered = quarterBounds(team.charteredQuarter as Quarter).start;
    const lastJoin = addDays(this.now, -30);
    if (chartered >= lastJoin) return;
    const keyRoles: KeyTeamRole[][] = shape.keyRoles ? [["FACILITATOR"], ["RECORDER"], this.random.chance(0.7) ? ["HEALTH_AND_SAFETY_CHAMPION"] : []] : [];
    for (let index = 0, count = this.random.int(shape.members.min, shape.members.max); index < count; index++) {
      const start = randomDayBetween(this.random, chartered, lastJoin);
      const leaves = this.random.chance(0.2) && addDays(start, 90) < this.now && index >= keyRoles.length;
      const end = leaves ? randomDayBetween(this.random, addDays(start, 90), addDays(this.now, -1)) : null;
      const personId = this.addPerson(this.nextName(), { unionLocalId: team.unionLocalId });
      this.addMember(team.id, { personId, start, end }, keyRoles[index] ?? []);
    }
  }

  private addMember(teamId: string, { personId, start, end }: Tenure, keyRoles: KeyTeamRole[] = []): void {
    this.teamMembers.push({ id: this.random.uuid(), teamId, personId, joinedOn: start, leftOn: end, keyRoles });
  }

  /** One union and one management sponsor for every team of the group. */
  addSponsors(group: readonly TeamContext[], demo: DemoPeople | null): void {
    const first = group[0];
    if (!first) return;
    const appointed = first.region.councilSinceQuarter
      ? this.dayInFirstMonths(first.region.councilSinceQuarter as Quarter, 90)
      : randomDayBetween(this.random, SPONSORS_APPOINTED.from, SPONSORS_APPOINTED.to);
    if (demo) this.joinLocal(demo["sponsor.union@example.org"], first.team.unionLocalId);
    const unionSponsors = demo
      ? [{ personId: demo["sponsor.union@example.org"], start: DEMO_TENURE_START, end: null }]
      : this.tenures(appointed, 0.2, () => this.addPerson(this.nextName(), { unionLocalId: first.team.unionLocalId }));
    const managementSponsors = demo
      ? [{ personId: demo["sponsor.mgmt@example.org"], start: DEMO_TENURE_START, end: null }]
      : this.tenures(appointed, 0.2, () => this.addPerson(this.nextName(), {}));

    for (const { team } of group) {
      for (const tenure of unionSponsors) this.assign(tenure.personId, "UNION_SPONSOR", { ...tenure, teamId: team.id });
      for (const tenure of managementSponsors) this.assign(tenure.personId, "MANAGEMENT_SPONSOR", { ...tenure, teamId: team.id });
      const staffing = this.byTeamId.get(team.id);
      if (!staffing) throw new Error(`Team ${team.code} has no co-leads`);
      staffing.unionSponsors = unionSponsors;
      staffing.managementSponsors = managementSponsors;
    }
  }

  /** Consultants (3–20, by team count, some former), regional LMP staff and a finance reviewer. */
  addRegionalStaff(regionId: string, teamCount: number, demo: DemoPeople | null): void {
    const consultantCount = Math.min(
      Math.round(MAX_CONSULTANTS_PER_REGION * Math.max(1, this.scale)),
      Math.max(3, Math.round(teamCount / 70)),
    );
    const consultants: Tenure[] = [];
    if (demo) {
      const demoConsultant = demo["consultant.colorado@example.org"];
      consultants.push(this.assign(demoConsultant, "CONSULTANT", { regionId, start: utcDay("2016-03-07") }));
    }
    while (consultants.length < consultantCount) {
      const start = randomDayBetween(this.random, utcDay("2012-01-01"), utcDay("2020-12-31"));
      consultants.push(this.addPersonWithRole("CONSULTANT", { regionId, start }));
    }
    for (let former = 0; former < Math.ceil(consultantCount / 4); former++) {
      const start = randomDayBetween(this.random, utcDay("2011-01-01"), utcDay("2016-12-31"));
      const end = randomDayBetween(this.random, utcDay("2019-06-01"), utcDay("2024-06-30"));
      consultants.push(this.addPersonWithRole("CONSULTANT", { regionId, start, end: this.notAfterNow(end) }));
    }
    this.consultantsByRegionId.set(regionId, consultants);

    for (let count = this.random.int(1, 2); count > 0; count--) this.addPersonWithRole("LMP_STAFF", { regionId });
    const regionalReviewer = this.addPersonWithRole("FINANCE_REVIEWER", { regionId }).personId;
    this.financeReviewersByRegionId.set(regionId, [regionalReviewer, ...this.nationalFinanceReviewerIds]);
  }

  // ─── helpers ───

  private dayInFirstMonths(quarter: Quarter, days: number): Date {
    const { start } = quarterBounds(quarter);
    return randomDayBetween(this.random, start, addDays(start, days));
  }

  private joinLocal(personId: string, unionLocalId: string | null): void {
    const person = this.people.find((candidate) => candidate.id === personId);
    if (person) person.unionLocalId = unionLocalId;
  }

  private demoTenure(personId: string, teamId: string, role: RoleKind): Tenure {
    return this.assign(personId, role, { teamId, start: DEMO_TENURE_START });
  }

  /** A role held by a chain of people: usually one, sometimes a predecessor who left. */
  private staffRole(teamId: string, role: RoleKind, from: Date, changeChance: number, unionLocalId: string | null): Tenure[] {
    const tenures = this.tenures(from, changeChance, () => this.addPerson(this.nextName(), { unionLocalId }));
    for (const tenure of tenures) this.assign(tenure.personId, role, { ...tenure, teamId });
    return tenures;
  }

  private tenures(from: Date, changeChance: number, newPerson: () => string): Tenure[] {
    const changeFrom = from > EARLIEST_ROLE_CHANGE ? addDays(from, 365) : EARLIEST_ROLE_CHANGE;
    const changeTo = addDays(this.now, -90);
    if (changeFrom >= changeTo || !this.random.chance(changeChance)) return [{ personId: newPerson(), start: from, end: null }];
    const handover = randomDayBetween(this.random, changeFrom, changeTo);
    return [
      { personId: newPerson(), start: from, end: handover },
      { personId: newPerson(), start: addDays(handover, 1), end: null },
    ];
  }

  private addPerson(displayName: string, details: { email?: string; unionLocalId?: string | null }): string {
    const id = this.random.uuid();
    // Employee ids in the order people are generated, so the demo data keys imports as an employer's would.
    const employeeId = `E${String(this.people.length + 1).padStart(7, "0")}`;
    this.people.push({ id, displayName, email: details.email ?? null, employeeId, unionLocalId: details.unionLocalId ?? null, unsubscribedAt: null });
    return id;
  }

  private addPersonWithRole(
    role: RoleKind,
    scope: { teamId?: string; regionId?: string; start?: Date; end?: Date | null },
    displayName = this.nextName(),
  ): Tenure {
    const start = scope.start ?? randomDayBetween(this.random, utcDay("2012-01-01"), utcDay("2018-12-31"));
    return this.assign(this.addPerson(displayName, {}), role, { ...scope, start });
  }

  private assign(
    personId: string,
    role: RoleKind,
    scope: { teamId?: string; regionId?: string; start: Date; end?: Date | null },
  ): Tenure {
    const end = scope.end ?? null;
    this.roleAssignments.push({
      id: this.random.uuid(),
      personId,
      role,
      teamId: scope.teamId ?? null,
      regionId: scope.regionId ?? null,
      startDate: scope.start,
      endDate: end,
    });
    return { personId, start: scope.start, end };
  }

  private notAfterNow(date: Date): Date {
    return date > this.now ? randomDayBetween(this.random, addDays(this.now, -180), addDays(this.now, -1)) : date;
  }
}
