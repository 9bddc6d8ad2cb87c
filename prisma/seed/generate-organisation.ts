/** Regions, facilities, departments, unions, teams and goals. */
import type { DepartmentType } from "@/lib/generated/prisma/enums";
import type {
  Department,
  Facility,
  Goal,
  International,
  Region,
  Team,
  UnionLocal,
} from "@/lib/generated/prisma/client";
import { makeQuarter, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { FACILITIES, type FacilityReference } from "./facilities";
import type { Random } from "./random";
import {
  DEPARTMENT_TEMPLATES,
  INTERNATIONALS,
  ORGANISATION_GOALS,
  PUBLISHED_QUARTER,
  REGIONAL_GOALS,
  REGIONS,
  type DepartmentTemplate,
  type GoalReference,
  type RegionReference,
  type RegionSlug,
} from "./reference";

/** Teams the demo data and the example projects need, created before any other team of their region. */
export const FEATURED_TEAM_SLOTS = {
  coloradoCouriers: { region: "colorado", facility: "Colorado Regional Distribution Center", department: "Couriers" },
  franklinPharmacy: { region: "colorado", facility: "Franklin Medical Offices", department: "Pharmacy" },
  sanJoseInpatientPharmacy: { region: "northern-california", facility: "San Jose Medical Center", department: "Inpatient Pharmacy" },
  redwoodCityDischargeAssistants: {
    region: "northern-california",
    facility: "Redwood City Medical Center",
    department: "Discharge Assistants",
  },
  oaklandAmbulatorySurgery: { region: "northern-california", facility: "Oakland Medical Center", department: "Ambulatory Surgery" },
  gaithersburgAmbulatorySurgery: {
    region: "mid-atlantic-states",
    facility: "Gaithersburg Medical Center",
    department: "Ambulatory Surgery",
  },
  largoAmbulatorySurgery: { region: "mid-atlantic-states", facility: "Largo Medical Center", department: "Ambulatory Surgery" },
  tysonsCornerAmbulatorySurgery: {
    region: "mid-atlantic-states",
    facility: "Tysons Corner Medical Center",
    department: "Ambulatory Surgery",
  },
  downeyNicu: { region: "southern-california", facility: "Downey Medical Center", department: "Neonatal Intensive Care Unit" },
} as const satisfies Record<string, { region: RegionSlug; facility: string; department: string }>;

export type FeaturedTeamKey = keyof typeof FEATURED_TEAM_SLOTS;

/** The Colorado couriers' union. */
const COURIERS_LOCAL = "Teamsters Local 455";

/** A team with what the rest of the seed needs to know about it. */
export interface TeamContext {
  team: Team;
  region: RegionReference;
  facilityName: string;
  departmentName: string;
  departmentType: DepartmentType;
}

export interface GoalContext {
  goal: Goal;
  compassPoint: GoalReference["compassPoint"];
}

export interface Organisation {
  regions: Region[];
  facilities: Facility[];
  departments: Department[];
  internationals: International[];
  unionLocals: UnionLocal[];
  teams: TeamContext[];
  goals: GoalContext[];
  regionIdBySlug: ReadonlyMap<RegionSlug, string>;
  featuredTeams: Record<FeaturedTeamKey, TeamContext>;
}

/**
 * The partnership's organisation. `scale` multiplies every region's teams (the
 * published counts at 1); beyond 1 each facility gets sister sites, so there are
 * department slots for all of them.
 */
export function generateOrganisation(random: Random, scale = 1): Organisation {
  const regions = REGIONS.map((reference) => regionRecord(reference, random));
  const regionIdBySlug = new Map(REGIONS.map((reference, index) => [reference.slug, (regions[index] as Region).id]));
  const { internationals, unionLocals, localsByRegion } = generateUnions(regionIdBySlug, random.fork("unions"));

  const facilities: Facility[] = [];
  const departments: Department[] = [];
  const teams: TeamContext[] = [];
  for (const reference of REGIONS) {
    const regionRandom = random.fork(`teams:${reference.slug}`);
    const built = generateRegionTeams(reference, scale, regionIdBySlug.get(reference.slug) as string, localsByRegion, regionRandom);
    facilities.push(...built.facilities);
    departments.push(...built.departments);
    teams.push(...built.teams);
  }

  return {
    regions,
    facilities,
    departments,
    internationals,
    unionLocals,
    teams,
    goals: generateGoals(regionIdBySlug, random.fork("goals")),
    regionIdBySlug,
    featuredTeams: findFeaturedTeams(teams),
  };
}

function regionRecord(reference: RegionReference, random: Random): Region {
  return {
    id: random.uuid(),
    slug: reference.slug,
    name: reference.name,
    membersServed: reference.membersServed,
    councilSinceQuarter: reference.councilSinceQuarter,
    sortOrder: reference.sortOrder,
  };
}

type WeightedLocal = readonly [UnionLocal, number];

function generateUnions(regionIdBySlug: ReadonlyMap<RegionSlug, string>, random: Random) {
  const internationals: International[] = [];
  const unionLocals: UnionLocal[] = [];
  const localsByRegion = new Map<RegionSlug, WeightedLocal[]>([...regionIdBySlug.keys()].map((slug) => [slug, []]));
  for (const reference of INTERNATIONALS) {
    const international: International = {
      id: random.uuid(),
      abbreviation: reference.abbreviation,
      name: reference.name,
      memberCount: reference.memberCount,
    };
    internationals.push(international);
    for (const localReference of reference.locals) {
      const local: UnionLocal = { id: random.uuid(), internationalId: international.id, name: localReference.name };
      unionLocals.push(local);
      for (const slug of localReference.regions) localsByRegion.get(slug)?.push([local, localReference.weight]);
    }
  }
  return { internationals, unionLocals, localsByRegion };
}

// ───────────────────────────── teams ─────────────────────────────

/** A place for one team: a department template at a facility, and a unit within it. */
interface TeamSlot {
  facilityIndex: number;
  facility: FacilityReference;
  templateIndex: number;
  template: DepartmentTemplate;
  unitIndex: number;
  unit: string | null;
}

function generateRegionTeams(
  region: RegionReference,
  scale: number,
  regionId: string,
  localsByRegion: ReadonlyMap<RegionSlug, WeightedLocal[]>,
  random: Random,
) {
  const facilityReferences = facilitiesAtScale(region, scale);
  const facilities: Facility[] = facilityReferences.map((facility) => ({ id: random.uuid(), regionId, name: facility.name, retiredQuarter: null }));
  const departmentsByKey = new Map<string, Department>();
  const locals = localsByRegion.get(region.slug) ?? [];
  const teamCount = Math.round(region.teamCount * scale);

  const teams = selectTeamSlots(region, facilityReferences, teamCount, random).map((slot, index): TeamContext => {
    const facility = facilities[slot.facilityIndex] as Facility;
    const departmentKey = `${slot.facilityIndex}:${slot.template.name}`;
    let department = departmentsByKey.get(departmentKey);
    if (!department) {
      department = { id: random.uuid(), facilityId: facility.id, regionId, name: slot.template.name, type: slot.template.type };
      departmentsByKey.set(departmentKey, department);
    }
    const local = unionLocalFor(slot.template, locals, random);
    const unitLabel = slot.unit ? ` (${slot.unit})` : "";
    return {
      team: {
        id: random.uuid(),
        code: `${region.code}-${String(index + 1).padStart(4, "0")}`,
        name: `${slot.template.name}${unitLabel} — ${slot.facility.name}`,
        regionId,
        departmentId: department.id,
        unionLocalId: local?.id ?? null,
        charteredQuarter: charterQuarter(region, random),
        retiredQuarter: null,
      },
      region,
      facilityName: slot.facility.name,
      departmentName: slot.template.name,
      departmentType: slot.template.type,
    };
  });
  return { facilities, departments: [...departmentsByKey.values()], teams };
}

/** The region's facilities, and beyond scale 1 numbered sister sites of each ("Franklin Medical Offices (site 2)"). */
function facilitiesAtScale(region: RegionReference, scale: number): FacilityReference[] {
  const sites = Math.max(1, Math.ceil(scale));
  return Array.from({ length: sites }, (_, site) =>
    FACILITIES[region.slug].map((facility) => (site === 0 ? facility : { ...facility, name: `${facility.name} (site ${site + 1})` })),
  ).flat();
}

/** Couriers are Teamsters where the region has the Teamsters local; other teams follow the locals' shares. */
function unionLocalFor(template: DepartmentTemplate, locals: readonly WeightedLocal[], random: Random): UnionLocal | null {
  const teamsters = template.name === "Couriers" ? locals.find(([local]) => local.name === COURIERS_LOCAL) : undefined;
  if (teamsters) return teamsters[0];
  return locals.length > 0 ? random.weighted(locals) : null;
}

/**
 * Exactly `teamCount` slots (at least the featured ones): the featured ones first, then round-robin over the
 * region's facilities so every facility gets its share, each facility's
 * departments in a random order (first units before second units). Sorted back
 * into facility/department order so team codes run through a facility.
 */
function selectTeamSlots(
  region: RegionReference,
  facilities: readonly FacilityReference[],
  teamCount: number,
  random: Random,
): TeamSlot[] {
  const allSlots = facilities.map((facility, facilityIndex) => facilitySlots(facility, facilityIndex));
  const featured = featuredSlots(region, allSlots.flat());
  const queues = allSlots.map((slots) => {
    const remaining = slots.filter((slot) => !featured.includes(slot));
    const firstUnits = random.shuffle(remaining.filter((slot) => slot.unitIndex === 0));
    return [...firstUnits, ...random.shuffle(remaining.filter((slot) => slot.unitIndex > 0))];
  });

  const chosen = [...featured];
  while (chosen.length < teamCount) {
    const before = chosen.length;
    for (const queue of queues) {
      const slot = queue.shift();
      if (slot && chosen.length < teamCount) chosen.push(slot);
    }
    if (chosen.length === before) throw new Error(`Not enough department slots for ${teamCount} teams in ${region.name}`);
  }
  return chosen.sort(
    (a, b) => a.facilityIndex - b.facilityIndex || a.templateIndex - b.templateIndex || a.unitIndex - b.unitIndex,
  );
}

function facilitySlots(facility: FacilityReference, facilityIndex: number): TeamSlot[] {
  return DEPARTMENT_TEMPLATES[facility.kind].flatMap((template, templateIndex) =>
    (template.units ?? [null]).map((unit, unitIndex) => ({ facilityIndex, facility, templateIndex, template, unitIndex, unit })),
  );
}

function featuredSlots(region: RegionReference, slots: readonly TeamSlot[]): TeamSlot[] {
  return Object.values(FEATURED_TEAM_SLOTS)
    .filter((featured) => featured.region === region.slug)
    .map((featured) => {
      const slot = slots.find(
        ({ facility, template, unitIndex }) =>
          facility.name === featured.facility && template.name === featured.department && unitIndex === 0,
      );
      if (!slot) throw new Error(`Featured team ${featured.department} — ${featured.facility} has no slot`);
      return slot;
    });
}

/** Charter years (first, last) with their share of teams. */
const CHARTER_ERAS: readonly (readonly [readonly [number, number], number])[] = [
  [[2006, 2008], 40],
  [[2009, 2012], 35],
  [[2013, 2018], 25],
];

/**
 * Most teams were chartered in the years after the 2005 agreement; every team of a
 * published region existed before the seed's first rated quarter (2019-Q1).
 * Washington's teams start with its council (2019-Q2) and by the published quarter.
 */
function charterQuarter(region: RegionReference, random: Random): Quarter {
  if (region.councilSinceQuarter) return random.pick(quarterRange(region.councilSinceQuarter, PUBLISHED_QUARTER));
  const [fromYear, toYear] = random.weighted(CHARTER_ERAS);
  return makeQuarter(random.int(fromYear, toYear), random.int(1, 4));
}

function findFeaturedTeams(teams: readonly TeamContext[]): Record<FeaturedTeamKey, TeamContext> {
  const entries = Object.entries(FEATURED_TEAM_SLOTS).map(([key, slot]) => {
    const found = teams.find(
      (context) =>
        context.region.slug === slot.region && context.facilityName === slot.facility && context.departmentName === slot.department,
    );
    if (!found) throw new Error(`Featured team ${key} was not generated`);
    return [key, found] as const;
  });
  return Object.fromEntries(entries) as Record<FeaturedTeamKey, TeamContext>;
}

// ───────────────────────────── goals ─────────────────────────────

function generateGoals(regionIdBySlug: ReadonlyMap<RegionSlug, string>, random: Random): GoalContext[] {
  const goal = (regionId: string | null, reference: GoalReference): GoalContext => ({
    goal: { id: random.uuid(), regionId, title: reference.title },
    compassPoint: reference.compassPoint,
  });
  const organisationGoals = ORGANISATION_GOALS.map((reference) => goal(null, reference));
  const regionalGoals = [...regionIdBySlug.values()].flatMap((regionId) =>
    random.sample(REGIONAL_GOALS, random.int(2, 3)).map((reference) => goal(regionId, reference)),
  );
  return [...organisationGoals, ...regionalGoals];
}

