import type { Actor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import type { CompassPoint, DepartmentType, ProjectStatus, RatingKind, RatingStatus, SavingsRecurrence, SavingsStatus } from "@/lib/generated/prisma/enums";
import { truncateAllTables } from "@/tests/support/database";

/**
 * A small hand-made world for the overview pages, small enough that every figure
 * the tests expect can be worked out by hand (tests/integration/data/overview.test.ts).
 *
 * Regions, facilities, departments and teams (chartered quarter; all active unless noted):
 *
 *   Alpha (sortOrder 1, 1,000 members)
 *     Alpha East   (no departments, no teams)
 *     Alpha North  Pharmacy    A1 "North Pharmacy"           2024-Q1
 *                  Surgery     A2 "North Surgery"            2024-Q1
 *     Alpha South  Laboratory  A3 "South Lab"                2024-Q1
 *                  Imaging     A4 "South Imaging"            2024-Q1
 *                  Imaging     A5 "South Imaging Nights"     2024-Q1, retired from 2025-Q2
 *   Beta (sortOrder 2, 500 members)
 *     Beta Central Emergency        B1 "Central Emergency"          2024-Q1
 *                  Emergency        B3 "Central Emergency Nights"   2026-Q2 (chartered in the later quarter only)
 *                  Member Services  B2 "Central Member Services"    2024-Q1
 *   Gamma (sortOrder 3, no membership published): a new region
 *     Gamma Clinic Primary Care     G1 "Gamma Primary Care"         2026-Q2, never rated, no projects
 *
 * Final quarterly ratings (— none; other kinds and statuses noted, they must never count):
 *
 *          24Q4 25Q1 25Q2 25Q3 25Q4 26Q1 26Q2 26Q3
 *   A1      —    2    3    3    3    3    3    3        stuck at 3 for 5 quarters by 2026-Q2
 *   A2      —    5    5    5    5    5    5    DRAFT    at 5 for 6 quarters: not stuck
 *   A3      —    5    5    5    5    5    4    —        moved down in 2026-Q2
 *   A4      —    —    —    1    2    3    4    —        moved up in 2026-Q2
 *   A5      —    2    —    —    —    —    —    —        retired from 2025-Q2
 *   B1      3    3    3    4    4    4    4    SELF_ASSESSMENT FINAL 4   stuck at 4 for 4 quarters
 *   B2      —    —    —    —    2    2    AWAITING_SIGNOFF 3 + SELF_ASSESSMENT FINAL 4
 *   B3      —    —    —    —    —    —    1    —        newly rated
 *
 * A final rating cannot be "below level 1": the CHECK Rating_final_has_level refuses
 * a FINAL rating without a level, so no such rating exists here.
 *
 * Projects (start; `createdAt` is set explicitly; last activity at noon UTC):
 *
 *   P1 A1 "Huddle board"                   BEST_QUALITY+MOST_AFFORDABLE        SUSTAINED   2025-02-01  last 2025-11-15
 *   P2 A2 "Huddle board (theatres)"        BEST_SERVICE                        ACTIVE      2026-01-15  last 2026-04-01  adopts P5 (link 2026-05-01)
 *   P3 A3 "Huddle board (lab)"             BEST_QUALITY                        IMPLEMENTED 2026-02-01  last 2026-06-20  adopts P1 (link 2026-03-01)
 *   P4 A4 "Imaging queue"                  BEST_SERVICE+BEST_PLACE_TO_WORK     IDEA        null (created 2026-05-20)  last 2026-05-20
 *   P5 B1 "Huddle board (ED)"              MOST_AFFORDABLE+PATIENT_AND_MEMBER_FOCUS TESTING 2025-06-01 last 2026-03-01  adopts P1 (link 2026-04-10)
 *   P6 B2 "Huddle board (member services)" MOST_AFFORDABLE                     ACTIVE      2026-04-01  last 2026-07-20  adopts P1 (link 2026-07-05, after 2026-Q2)
 *   P7 B2 "Call scripts"                   BEST_SERVICE                        ABANDONED   2025-03-01  last 2025-05-01
 *   P8 A1 "Stock rotation"                 MOST_AFFORDABLE                     ACTIVE      2026-07-15  last 2026-08-01
 *
 * PDSA cycles (start): P1 #1 2025-06-30, #2 2025-07-01, #3 2025-10-01; P3 #1 2026-02-15; P5 #1 2026-07-01.
 *
 * Savings entries (cents; reported on):
 *
 *   E1 P1/A1 100000 VALIDATED ONE_TIME  2026-05-10
 *   E2 P1/A1  50000 REPORTED  RECURRING 2026-06-30
 *   E3 P3/A3  30000 REJECTED  ONE_TIME  2026-04-15
 *   E4 P5/B1 200000 VALIDATED RECURRING 2026-04-01   (recurring entries cover 2026)
 *   E5 P5/B1  70000 VALIDATED ONE_TIME  2025-08-20
 *   E6 P2/A2  25000 REPORTED  ONE_TIME  2026-02-10
 *   E7 P1/A1  40000 VALIDATED ONE_TIME  2025-05-15
 *   E8 P6/B2  15000 VALIDATED ONE_TIME  2026-07-02
 *   E9 P4/A4  12346 VALIDATED ONE_TIME  2026-01-05
 */

export const TEAM_CODES = ["A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "G1"] as const;
export type TeamCode = (typeof TEAM_CODES)[number];
export const PROJECT_KEYS = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"] as const;
export type ProjectKey = (typeof PROJECT_KEYS)[number];

export type OverviewFixture = {
  criteriaSetId: string;
  regions: Record<"alpha" | "beta" | "gamma", string>;
  facilities: Record<"alphaEast" | "alphaNorth" | "alphaSouth" | "betaCentral" | "gammaClinic", string>;
  teams: Record<TeamCode, string>;
  projects: Record<ProjectKey, string>;
};

const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const day = (value: string) => new Date(`${value}T00:00:00Z`);

export async function loadOverviewFixture(): Promise<OverviewFixture> {
  await truncateAllTables();
  const criteriaSet = await prisma.criteriaSet.create({
    data: { version: 1, name: "Overview test criteria", status: "PUBLISHED", publishedAt: noon("2024-01-01") },
  });

  const region = (slug: string, name: string, sortOrder: number, membersServed: number | null) =>
    prisma.region.create({ data: { slug, name, sortOrder, membersServed } }).then((created) => created.id);
  const regions = {
    alpha: await region("alpha", "Alpha", 1, 1000),
    beta: await region("beta", "Beta", 2, 500),
    gamma: await region("gamma", "Gamma", 3, null),
  };

  const facility = (regionId: string, name: string) => prisma.facility.create({ data: { regionId, name } }).then((created) => created.id);
  const facilities = {
    alphaEast: await facility(regions.alpha, "Alpha East"),
    alphaNorth: await facility(regions.alpha, "Alpha North"),
    alphaSouth: await facility(regions.alpha, "Alpha South"),
    betaCentral: await facility(regions.beta, "Beta Central"),
    gammaClinic: await facility(regions.gamma, "Gamma Clinic"),
  };

  const department = (facilityId: string, regionId: string, name: string, type: DepartmentType) =>
    prisma.department.create({ data: { facilityId, regionId, name, type } }).then((created) => created.id);
  const departments = {
    pharmacy: await department(facilities.alphaNorth, regions.alpha, "Pharmacy", "PHARMACY"),
    surgery: await department(facilities.alphaNorth, regions.alpha, "Surgery", "SURGERY"),
    laboratory: await department(facilities.alphaSouth, regions.alpha, "Laboratory", "LABORATORY"),
    imaging: await department(facilities.alphaSouth, regions.alpha, "Imaging", "IMAGING"),
    emergency: await department(facilities.betaCentral, regions.beta, "Emergency", "EMERGENCY"),
    memberServices: await department(facilities.betaCentral, regions.beta, "Member Services", "MEMBER_SERVICES"),
    primaryCare: await department(facilities.gammaClinic, regions.gamma, "Primary Care", "PRIMARY_CARE"),
  };

  const team = (code: TeamCode, name: string, regionId: string, departmentId: string, charteredQuarter: string, retiredQuarter: string | null = null) =>
    prisma.team.create({ data: { code, name, regionId, departmentId, charteredQuarter, retiredQuarter } }).then((created) => created.id);
  const teams: Record<TeamCode, string> = {
    A1: await team("A1", "North Pharmacy", regions.alpha, departments.pharmacy, "2024-Q1"),
    A2: await team("A2", "North Surgery", regions.alpha, departments.surgery, "2024-Q1"),
    A3: await team("A3", "South Lab", regions.alpha, departments.laboratory, "2024-Q1"),
    A4: await team("A4", "South Imaging", regions.alpha, departments.imaging, "2024-Q1"),
    A5: await team("A5", "South Imaging Nights", regions.alpha, departments.imaging, "2024-Q1", "2025-Q2"),
    B1: await team("B1", "Central Emergency", regions.beta, departments.emergency, "2024-Q1"),
    B2: await team("B2", "Central Member Services", regions.beta, departments.memberServices, "2024-Q1"),
    B3: await team("B3", "Central Emergency Nights", regions.beta, departments.emergency, "2026-Q2"),
    G1: await team("G1", "Gamma Primary Care", regions.gamma, departments.primaryCare, "2026-Q2"),
  };

  // ── ratings ──
  const QUARTERS = ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"] as const;
  const FINAL_LEVELS: Partial<Record<TeamCode, (number | null)[]>> = {
    A1: [null, 2, 3, 3, 3, 3, 3, 3],
    A2: [null, 5, 5, 5, 5, 5, 5, null],
    A3: [null, 5, 5, 5, 5, 5, 4, null],
    A4: [null, null, null, 1, 2, 3, 4, null],
    A5: [null, 2, null, null, null, null, null, null],
    B1: [3, 3, 3, 4, 4, 4, 4, null],
    B2: [null, null, null, null, 2, 2, null, null],
    B3: [null, null, null, null, null, null, 1, null],
  };
  type RatingRow = { teamId: string; quarter: string; level: number | null; kind: RatingKind; status: RatingStatus; criteriaSetId: string };
  const ratings: RatingRow[] = [];
  for (const [code, levels] of Object.entries(FINAL_LEVELS) as [TeamCode, (number | null)[]][]) {
    levels.forEach((level, index) => {
      if (level !== null) ratings.push({ teamId: teams[code], quarter: QUARTERS[index]!, level, kind: "QUARTERLY", status: "FINAL", criteriaSetId: criteriaSet.id });
    });
  }
  // Ratings that are not a team's status and must never count:
  ratings.push(
    { teamId: teams.A2, quarter: "2026-Q3", level: null, kind: "QUARTERLY", status: "DRAFT", criteriaSetId: criteriaSet.id },
    { teamId: teams.B1, quarter: "2026-Q3", level: 4, kind: "SELF_ASSESSMENT", status: "FINAL", criteriaSetId: criteriaSet.id },
    { teamId: teams.B2, quarter: "2026-Q2", level: 3, kind: "QUARTERLY", status: "AWAITING_SIGNOFF", criteriaSetId: criteriaSet.id },
    { teamId: teams.B2, quarter: "2026-Q2", level: 4, kind: "SELF_ASSESSMENT", status: "FINAL", criteriaSetId: criteriaSet.id },
  );
  await prisma.rating.createMany({ data: ratings.map((rating) => ({ ...rating, finalizedAt: rating.status === "FINAL" ? noon("2026-01-01") : null })) });

  // ── projects ──
  const project = (
    teamId: string,
    title: string,
    compassPoints: CompassPoint[],
    status: ProjectStatus,
    startDate: string | null,
    createdAt: string,
    lastActivityAt: string,
  ) =>
    prisma.project
      .create({
        data: {
          teamId,
          title,
          aim: "Better work for members.",
          compassPoints,
          status,
          startDate: startDate ? day(startDate) : null,
          createdAt: noon(createdAt),
          lastActivityAt: noon(lastActivityAt),
        },
      })
      .then((created) => created.id);
  const projects: Record<ProjectKey, string> = {
    P1: await project(teams.A1, "Huddle board", ["BEST_QUALITY", "MOST_AFFORDABLE"], "SUSTAINED", "2025-02-01", "2025-01-20", "2025-11-15"),
    P2: await project(teams.A2, "Huddle board (theatres)", ["BEST_SERVICE"], "ACTIVE", "2026-01-15", "2026-01-10", "2026-04-01"),
    P3: await project(teams.A3, "Huddle board (lab)", ["BEST_QUALITY"], "IMPLEMENTED", "2026-02-01", "2026-01-25", "2026-06-20"),
    P4: await project(teams.A4, "Imaging queue", ["BEST_SERVICE", "BEST_PLACE_TO_WORK"], "IDEA", null, "2026-05-20", "2026-05-20"),
    P5: await project(teams.B1, "Huddle board (ED)", ["MOST_AFFORDABLE", "PATIENT_AND_MEMBER_FOCUS"], "TESTING", "2025-06-01", "2025-05-20", "2026-03-01"),
    P6: await project(teams.B2, "Huddle board (member services)", ["MOST_AFFORDABLE"], "ACTIVE", "2026-04-01", "2026-03-20", "2026-07-20"),
    P7: await project(teams.B2, "Call scripts", ["BEST_SERVICE"], "ABANDONED", "2025-03-01", "2025-02-20", "2025-05-01"),
    P8: await project(teams.A1, "Stock rotation", ["MOST_AFFORDABLE"], "ACTIVE", "2026-07-15", "2026-07-10", "2026-08-01"),
  };

  const owner: Record<ProjectKey, TeamCode> = { P1: "A1", P2: "A2", P3: "A3", P4: "A4", P5: "B1", P6: "B2", P7: "B2", P8: "A1" };
  const cycles: [ProjectKey, number, string][] = [
    ["P1", 1, "2025-06-30"], // the day before the 2026-Q2 linkage window opens
    ["P1", 2, "2025-07-01"], // its first day
    ["P1", 3, "2025-10-01"],
    ["P3", 1, "2026-02-15"],
    ["P5", 1, "2026-07-01"], // the day the window closes (exclusive)
  ];
  await prisma.pdsaCycle.createMany({
    data: cycles.map(([key, number, startDate]) => ({ projectId: projects[key], teamId: teams[owner[key]], number, plan: `Test ${number}`, startDate: day(startDate) })),
  });

  // ── savings ──
  const entries: [ProjectKey, number, SavingsStatus, SavingsRecurrence, string][] = [
    ["P1", 100000, "VALIDATED", "ONE_TIME", "2026-05-10"], // E1
    ["P1", 50000, "REPORTED", "RECURRING", "2026-06-30"], // E2
    ["P3", 30000, "REJECTED", "ONE_TIME", "2026-04-15"], // E3
    ["P5", 200000, "VALIDATED", "RECURRING", "2026-04-01"], // E4
    ["P5", 70000, "VALIDATED", "ONE_TIME", "2025-08-20"], // E5
    ["P2", 25000, "REPORTED", "ONE_TIME", "2026-02-10"], // E6
    ["P1", 40000, "VALIDATED", "ONE_TIME", "2025-05-15"], // E7
    ["P6", 15000, "VALIDATED", "ONE_TIME", "2026-07-02"], // E8
    ["P4", 12346, "VALIDATED", "ONE_TIME", "2026-01-05"], // E9
  ];
  await prisma.savingsEntry.createMany({
    data: entries.map(([key, amountCents, status, recurrence, reportedOn]) => ({
      projectId: projects[key],
      teamId: teams[owner[key]],
      amountCents,
      status,
      recurrence,
      category: "HARD_SAVINGS" as const,
      reportedOn: day(reportedOn),
      periodStart: recurrence === "RECURRING" ? day("2026-01-01") : null,
      periodEnd: recurrence === "RECURRING" ? day("2026-12-31") : null,
      method: "Budget comparison",
      rejectionReason: status === "REJECTED" ? "No evidence of the saving" : null,
    })),
  });

  // ── spread: origin → adopter project (its team), created ──
  const links: [ProjectKey, ProjectKey, string][] = [
    ["P1", "P3", "2026-03-01"],
    ["P1", "P5", "2026-04-10"],
    ["P1", "P6", "2026-07-05"], // after 2026-Q2 ends
    ["P5", "P2", "2026-05-01"],
  ];
  await prisma.spreadLink.createMany({
    data: links.map(([origin, adopter, createdAt]) => ({
      originProjectId: projects[origin],
      adopterProjectId: projects[adopter],
      adopterTeamId: teams[owner[adopter]],
      createdAt: noon(createdAt),
    })),
  });

  return { criteriaSetId: criteriaSet.id, regions, facilities, teams, projects };
}

type ActorName = "staff" | "alphaConsultant" | "gammaConsultant" | "sponsor" | "newTeamsSponsor" | "colead";

/** The actors of the overview tests, built on the fixture's ids. */
export function overviewActors(fixture: OverviewFixture): Record<ActorName, Actor> {
  const { regions, teams } = fixture;
  return {
    staff: { grants: [{ role: "LMP_STAFF", teamId: null, regionId: null }] },
    alphaConsultant: { grants: [{ role: "CONSULTANT", teamId: null, regionId: regions.alpha }] },
    gammaConsultant: { grants: [{ role: "CONSULTANT", teamId: null, regionId: regions.gamma }] },
    // Union sponsor of A1 and of B2 (in two regions).
    sponsor: {
      grants: [
        { role: "UNION_SPONSOR", teamId: teams.A1, regionId: regions.alpha },
        { role: "UNION_SPONSOR", teamId: teams.B2, regionId: regions.beta },
      ],
    },
    // Management sponsor of B3 and of G1 (never rated).
    newTeamsSponsor: {
      grants: [
        { role: "MANAGEMENT_SPONSOR", teamId: teams.B3, regionId: regions.beta },
        { role: "MANAGEMENT_SPONSOR", teamId: teams.G1, regionId: regions.gamma },
      ],
    },
    colead: { grants: [{ role: "LABOR_COLEAD", teamId: teams.A1, regionId: regions.alpha }] },
  };
}
