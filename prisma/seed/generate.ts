/**
 * The whole demo data set as plain records, deterministic for a given `now`:
 * every id and choice comes from one seeded generator, forked per part.
 */
import { generateEngagement } from "./generate-engagement";
import { generateOrganisation } from "./generate-organisation";
import { generateStaffing } from "./generate-people";
import { generateProjects } from "./generate-projects";
import { generateRatings } from "./generate-ratings";
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

export function generateSeedData({ now, passwordHash = null }: GenerateOptions): SeedData {
  const random = createRandom(SEED);
  const organisation = generateOrganisation(random.fork("organisation"));
  const staffing = generateStaffing(organisation, { now, passwordHash }, random.fork("people"));
  const ratings = generateRatings(organisation, staffing, now, random.fork("ratings"));
  const projects = generateProjects(organisation, staffing, now, random.fork("projects"));
  const engagement = generateEngagement(projects, staffing.teamMembers, ratings.ratings, random.fork("engagement"));

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
    ...ratings,
    ...projects,
    ...engagement,
  };
}
