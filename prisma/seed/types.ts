/**
 * The seed as plain records, one array per table, typed by the generated
 * Prisma models so that every column is present and correctly typed.
 */
import type {
  CriteriaSet,
  Criterion,
  DataPoint,
  Department,
  Facility,
  Goal,
  International,
  Measure,
  PdsaCycle,
  Person,
  Project,
  Rating,
  RatingCriterionCheck,
  RatingDimension,
  RatingSignoff,
  Region,
  RoleAssignment,
  SavingsEntry,
  SpreadLink,
  Team,
  TeamMember,
  UnionLocal,
  User,
} from "@/lib/generated/prisma/client";

export interface SeedData {
  regions: Region[];
  facilities: Facility[];
  departments: Department[];
  internationals: International[];
  unionLocals: UnionLocal[];
  teams: Team[];
  goals: Goal[];
  people: Person[];
  users: User[];
  roleAssignments: RoleAssignment[];
  teamMembers: TeamMember[];
  criteriaSets: CriteriaSet[];
  criteria: Criterion[];
  ratings: Rating[];
  ratingDimensions: RatingDimension[];
  criterionChecks: RatingCriterionCheck[];
  signoffs: RatingSignoff[];
  projects: Project[];
  measures: Measure[];
  dataPoints: DataPoint[];
  pdsaCycles: PdsaCycle[];
  savingsEntries: SavingsEntry[];
  spreadLinks: SpreadLink[];
}

/** Tables in the order they can be inserted (every foreign key points backwards). */
export const SEED_TABLES: readonly (readonly [keyof SeedData, string])[] = [
  ["regions", "Region"],
  ["facilities", "Facility"],
  ["departments", "Department"],
  ["internationals", "International"],
  ["unionLocals", "UnionLocal"],
  ["teams", "Team"],
  ["goals", "Goal"],
  ["people", "Person"],
  ["users", "User"],
  ["roleAssignments", "RoleAssignment"],
  ["teamMembers", "TeamMember"],
  ["criteriaSets", "CriteriaSet"],
  ["criteria", "Criterion"],
  ["ratings", "Rating"],
  ["ratingDimensions", "RatingDimension"],
  ["criterionChecks", "RatingCriterionCheck"],
  ["signoffs", "RatingSignoff"],
  ["projects", "Project"],
  ["measures", "Measure"],
  ["dataPoints", "DataPoint"],
  ["pdsaCycles", "PdsaCycle"],
  ["savingsEntries", "SavingsEntry"],
  ["spreadLinks", "SpreadLink"],
];
