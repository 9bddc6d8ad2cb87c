/**
 * The whole demo data set as plain records, deterministic for a given `now`:
 * every id and choice comes from one seeded generator, forked per part. The same
 * generators, scaled, make the large data sets of `npm run db:generate`.
 */
import { addQuarters, quarterBounds, quarterOf } from "@/lib/domain/quarter";
import { generateEngagement, LatestFinalLevels } from "./generate-engagement";
import { generateOrganisation, type Organisation } from "./generate-organisation";
import { generateStaffing, SCALED_ROSTER, type Staffing } from "./generate-people";
import { generateProjects, generateProjectsByYear } from "./generate-projects";
import { generateRatings, generateRatingsByQuarter } from "./generate-ratings";
import { groupBy } from "./group-by";
import { createRandom } from "./random";
import type { SeedData } from "./types";

const SEED = 20_210_630;

export interface GenerateOptions {
  /** The seed's present: nothing is dated after it, and its quarter is the one being rated. */
  now: Date;
  /**
   * Stored for every demo account. Hashing is slow and salted (so not
   * deterministic): the loader hashes once and passes it in. Null: no password.
   */
  passwordHash?: string | null;
}

/** The organisation, its people and their roles and rosters, as rows. */
function organisationAndPeople(organisation: Organisation, staffing: Staffing) {
  return {
    regions: organisation.regions,
    facilities: organisation.facilities,
    departments: organisation.departments,
    internationals: organisation.internationals,
    unionLocals: organisation.unionLocals,
    teams: organisation.teams.map((context) => context.team),
    goals: organisation.goals.map((context) => context.goal),
    people: staffing.people,
    users: staffing.users,
    roleAssignments: staffing.roleAssignments,
    teamMembers: staffing.teamMembers,
  } satisfies Partial<SeedData>;
}

export function generateSeedData({ now, passwordHash = null }: GenerateOptions): SeedData {
  const random = createRandom(SEED);
  const organisation = generateOrganisation(random.fork("organisation"));
  const staffing = generateStaffing(organisation, { now, passwordHash }, random.fork("people"));
  const ratings = generateRatings(organisation, staffing, now, random.fork("ratings"));
  const projects = generateProjects(organisation, staffing, now, random.fork("projects"));
  const rosters = groupBy(staffing.teamMembers, (member) => member.teamId);
  const engagement = generateEngagement(projects, rosters, new LatestFinalLevels().add(ratings.ratings), random.fork("engagement"));

  return {
    ...organisationAndPeople(organisation, staffing),
    ...ratings,
    ...projects,
    ...engagement,
  };
}

/**
 * The fixed present of a data set at scale, so that every run makes the same data:
 * in a quarter under way when this was written (its ratings partly done), and in
 * the past, so nothing is dated in the future.
 */
export const SCALED_DATA_NOW = new Date("2026-11-16T12:00:00.000Z");
/** Quarters of rating history in a data set at scale, the present one included. */
export const SCALED_RATED_QUARTERS = 40;
/** Projects started per team and year: the partnership's teams ran more than 15,000 in 2018 (DOMAIN.md). */
export const PROJECTS_PER_TEAM_YEAR = 4.1;

export interface ScaledBatch {
  /** What the batch is part of, for timing the load by phase. */
  phase: "organisation and people" | "ratings" | "projects";
  rows: Partial<SeedData>;
}

/**
 * `scale` times the partnership (3,651 teams at 1), with rosters, ten years of
 * ratings and projects at the real pace, in batches in the order real use would
 * have written them: the organisation and its people, then each quarter's
 * ratings together in quarter order, then the projects team after team.
 * Deterministic for a given `now` and `scale`; only one batch is held at a time.
 */
export function* generateScaledData({ now, passwordHash = null, scale }: GenerateOptions & { scale: number }): Generator<ScaledBatch> {
  if (!(scale > 0)) throw new RangeError(`The scale must be positive, got ${scale}`);
  const random = createRandom(SEED, { uniqueIds: true });
  const organisation = generateOrganisation(random.fork("organisation"), scale);
  const staffing = generateStaffing(organisation, { now, passwordHash, scale, roster: SCALED_ROSTER }, random.fork("people"));
  yield {
    phase: "organisation and people",
    rows: organisationAndPeople(organisation, staffing),
  };

  const firstRatedQuarter = addQuarters(quarterOf(now), 1 - SCALED_RATED_QUARTERS);
  const levels = new LatestFinalLevels();
  for (const rows of generateRatingsByQuarter(organisation, staffing, now, firstRatedQuarter, random.fork("ratings"))) {
    levels.add(rows.ratings ?? []);
    yield { phase: "ratings", rows };
  }
  const projectOptions = { since: quarterBounds(firstRatedQuarter).start, perTeamYear: PROJECTS_PER_TEAM_YEAR };
  const rosters = groupBy(staffing.teamMembers, (member) => member.teamId);
  const naming = random.fork("engagement");
  for (const rows of generateProjectsByYear(organisation, staffing, now, projectOptions, random.fork("projects"))) {
    yield { phase: "projects", rows: { ...rows, ...generateEngagement(rows, rosters, levels, naming) } };
  }
}
