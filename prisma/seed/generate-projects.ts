/** Improvement projects: the featured examples, one or two projects for most teams, and practices spreading. */
import {
  ImprovementTool,
  type DepartmentType,
  type PdsaDecision,
  type ProjectStatus,
  type SavingsStatus,
} from "@/lib/generated/prisma/enums";
import { quarterBounds, type Quarter } from "@/lib/domain/quarter";
import { addDays, addMonths, daysBetween, earliest, latest, randomDayBetween, randomTimeBetween, startOfDay, utcDay } from "./dates";
import { featuredProjectSpecs } from "./featured-projects";
import type { GoalContext, Organisation, TeamContext } from "./generate-organisation";
import type { Staffing } from "./generate-people";
import { groupBy } from "./group-by";
import {
  ProjectBuilder,
  measureSeries,
  type CycleSpec,
  type MeasureSpec,
  type ProjectRecords,
  type ProjectSpec,
  type SavingsSpec,
} from "./project-builder";
import {
  CROSS_DEPARTMENT_TEMPLATES,
  PROJECT_TEMPLATES_BY_TYPE,
  type ProjectTemplate,
  type SavingsTemplate,
} from "./project-templates";
import type { Random } from "./random";

// The tracker's history starts with the first rated quarter.
const EARLIEST_PROJECT_START = utcDay("2019-01-01");

const PROJECTS_PER_TEAM = [
  [0, 18],
  [1, 47],
  [2, 35],
] as const;

/** How projects in each status look. */
interface StatusProfile {
  /** Relative share of projects. */
  weight: number;
  /** How long ago, in days, the project started; null: as early as the tracker goes. */
  startAgeDays: readonly [number, number | null];
  /** How far its measures have moved towards their targets. */
  achieved: number;
  cycleChance: number;
  savingsChance: number;
}

const STATUS_PROFILES: Record<ProjectStatus, StatusProfile> = {
  IDEA: { weight: 8, startAgeDays: [0, 240], achieved: 0, cycleChance: 0, savingsChance: 0 },
  ACTIVE: { weight: 22, startAgeDays: [20, 540], achieved: 0.35, cycleChance: 0.5, savingsChance: 0.1 },
  TESTING: { weight: 15, startAgeDays: [60, 720], achieved: 0.6, cycleChance: 0.85, savingsChance: 0.25 },
  IMPLEMENTED: { weight: 25, startAgeDays: [150, null], achieved: 0.9, cycleChance: 0.6, savingsChance: 0.8 },
  SUSTAINED: { weight: 22, startAgeDays: [300, null], achieved: 1, cycleChance: 0.6, savingsChance: 0.85 },
  ABANDONED: { weight: 8, startAgeDays: [90, null], achieved: 0.1, cycleChance: 0.5, savingsChance: 0.05 },
};

const STATUS_WEIGHTS = Object.entries(STATUS_PROFILES).map(([status, profile]) => [status as ProjectStatus, profile.weight] as const);

const MAX_SAVINGS_ENTRIES = 5;

const REVIEW_OUTCOMES: readonly (readonly [SavingsStatus, number])[] = [
  ["VALIDATED", 78],
  ["REPORTED", 12],
  ["REJECTED", 10],
];

const OPEN_STATUSES: ReadonlySet<ProjectStatus> = new Set(["ACTIVE", "TESTING"]);
const DONE_STATUSES: ReadonlySet<ProjectStatus> = new Set(["IMPLEMENTED", "SUSTAINED"]);

const CYCLE_OUTCOMES: Record<PdsaDecision, { study: string; act: string }> = {
  ADOPT: {
    study: "The measure moved in the right direction and held; staff want to keep the change.",
    act: "Adopt: make it standard work and train the rest of the team.",
  },
  ADAPT: {
    study: "Some improvement, but the change slowed the workflow at peak times; feedback was mixed.",
    act: "Adapt: adjust the change and test it again on another shift.",
  },
  ABANDON: {
    study: "No improvement, and the change added work for staff.",
    act: "Abandon: try a different change idea.",
  },
};

const TEST_SCOPES = ["the day shift", "two shifts", "one module", "the whole team", "weekdays only", "one week of clinics"] as const;

const REJECTION_REASONS = [
  "The savings were already in the budget before the project started, so they cannot be credited to the team.",
  "No baseline was supplied; please resubmit with the before-and-after figures.",
  "Duplicate of an entry already reported for this project.",
  "The cost-avoidance estimate relies on assumptions finance cannot verify.",
] as const;

const SAVINGS_EVIDENCE = [
  "Report extract from the cost centre ledger",
  "Before-and-after spreadsheet reviewed by the department administrator",
  "Purchasing data for the same months of both years",
] as const;

/** Teams whose projects make one batch of records when projects are generated at scale. */
const TEAMS_PER_BATCH = 250;

/** The demo seed's projects: one or two for most teams over the tracker's history, all in memory. */
export function generateProjects(organisation: Organisation, staffing: Staffing, now: Date, random: Random): ProjectRecords {
  const { builder, planner, teams } = startProjects(organisation, staffing, now, random);
  const projects = teams.flatMap((context) => planner.teamProjects(context));
  for (const spec of projects) builder.add(spec);
  for (const spec of planner.spreadAdoptions(projects)) builder.add(spec);
  return builder.records();
}

/**
 * Projects at the partnership's real pace: about `perTeamYear` started by every
 * team in each year since `since` (and since its charter), their practices
 * spreading as they finish. Yields the records in batches of teams; every
 * project, measure, data point, cycle, savings entry and spread link is made by
 * ProjectBuilder.add.
 */
export function* generateProjectsByYear(
  organisation: Organisation,
  staffing: Staffing,
  now: Date,
  options: { since: Date; perTeamYear: number },
  random: Random,
): Generator<ProjectRecords> {
  const { builder, planner, teams } = startProjects(organisation, staffing, now, random);
  for (let index = 0; index < teams.length; index++) {
    const projects = planner.teamProjectsByYear(teams[index] as TeamContext, options.since, options.perTeamYear);
    for (const spec of projects) builder.add(spec);
    const adoptions = planner.spreadAdoptions(projects);
    for (const spec of adoptions) builder.add(spec);
    planner.forget([...projects, ...adoptions]);
    if ((index + 1) % TEAMS_PER_BATCH === 0) yield builder.takeRecords();
  }
  yield builder.takeRecords();
}

/** The featured projects, added first, and the planner for everyone else's. */
function startProjects(organisation: Organisation, staffing: Staffing, now: Date, random: Random) {
  const builder = new ProjectBuilder(staffing, random.fork("project-records"));
  for (const spec of featuredProjectSpecs(organisation.featuredTeams, now, random.fork("featured"))) builder.add(spec);
  const planner = new ProjectPlanner(organisation, now, random.fork("projects"));
  // The couriers' projects are all featured, so the demo team's record is predictable.
  const teams = organisation.teams.filter((context) => context !== organisation.featuredTeams.coloradoCouriers);
  return { builder, planner, teams };
}

class ProjectPlanner {
  private readonly templateBySpec = new Map<ProjectSpec, ProjectTemplate>();
  private readonly teamsByType: ReadonlyMap<DepartmentType, TeamContext[]>;
  private readonly goalsByRegionId: ReadonlyMap<string | null, GoalContext[]>;

  constructor(
    organisation: Organisation,
    private readonly now: Date,
    private readonly random: Random,
  ) {
    this.teamsByType = groupBy(organisation.teams, (context) => context.departmentType);
    this.goalsByRegionId = groupBy(organisation.goals, (goal) => goal.goal.regionId);
  }

  /** None to two projects, mostly from the department's own templates. */
  teamProjects(context: TeamContext): ProjectSpec[] {
    const ownTemplates = PROJECT_TEMPLATES_BY_TYPE[context.departmentType];
    const templates: ProjectTemplate[] = [];
    for (let count = this.random.weighted(PROJECTS_PER_TEAM); templates.length < count; ) {
      const template = this.random.pick(this.random.chance(0.6) ? ownTemplates : CROSS_DEPARTMENT_TEMPLATES);
      if (!templates.includes(template)) templates.push(template);
    }
    return templates.map((template) => this.plan(context, template, this.random.weighted(STATUS_WEIGHTS)));
  }

  /**
   * Projects started in each calendar year from `since` (or the team's charter)
   * to now: `perTeamYear` on average, pro rata for part years. Each status is
   * drawn among those whose usual age fits the year (no year-old ideas).
   */
  teamProjectsByYear(context: TeamContext, since: Date, perTeamYear: number): ProjectSpec[] {
    const { random, now } = this;
    const chartered = quarterBounds(context.team.charteredQuarter as Quarter).start;
    const ownTemplates = PROJECT_TEMPLATES_BY_TYPE[context.departmentType];
    const specs: ProjectSpec[] = [];
    for (let year = since.getUTCFullYear(); year <= now.getUTCFullYear(); year++) {
      const from = latest(utcDay(`${year}-01-01`), since, chartered);
      const to = earliest(utcDay(`${year}-12-31`), now);
      if (from > to) continue;
      const statuses = STATUS_WEIGHTS.filter(([status]) => this.canStartBetween(status, from, to));
      const expected = (perTeamYear * (daysBetween(from, to) + 1)) / 365;
      for (let count = random.int(0, Math.round(2 * expected)); count > 0 && statuses.length > 0; count--) {
        const template = random.pick(random.chance(0.6) ? ownTemplates : CROSS_DEPARTMENT_TEMPLATES);
        specs.push(this.plan(context, template, random.weighted(statuses), from, to));
      }
    }
    return specs;
  }

  /** Whether a project in `status` may have started between the two days, by the status's usual age. */
  private canStartBetween(status: ProjectStatus, from: Date, to: Date): boolean {
    const [minAge, maxAge] = STATUS_PROFILES[status].startAgeDays;
    return addDays(this.now, -minAge) >= from && (maxAge === null || addDays(this.now, -maxAge) <= to);
  }

  /** Lets go of projects whose practices can no longer spread (they were offered to spreadAdoptions already). */
  forget(specs: readonly ProjectSpec[]): void {
    for (const spec of specs) this.templateBySpec.delete(spec);
  }

  /** A few finished projects are adopted by one or two teams of the same kind, most often in the same region. */
  spreadAdoptions(origins: readonly ProjectSpec[]): ProjectSpec[] {
    return origins
      .filter((origin) => DONE_STATUSES.has(origin.status) && origin.startDate && this.random.chance(0.03))
      .flatMap((origin) => {
        const template = this.templateBySpec.get(origin);
        if (!template || !origin.startDate) return [];
        const sameKind = (this.teamsByType.get(origin.team.departmentType) ?? []).filter((context) => context !== origin.team);
        const sameRegion = sameKind.filter((context) => context.region === origin.team.region);
        const pool = sameRegion.length > 0 && this.random.chance(0.7) ? sameRegion : sameKind;
        return this.random.sample(pool, this.random.int(1, 2)).map((adopter) => {
          const status = this.random.weighted(STATUS_WEIGHTS.filter(([status]) => status !== "IDEA" && status !== "ABANDONED"));
          const spec = this.plan(adopter, template, status, addDays(origin.startDate as Date, 60));
          return { ...spec, aim: `Adopted from ${origin.team.team.name}: ${template.aim}`, adoptsFrom: origin };
        });
      });
  }

  private plan(
    context: TeamContext,
    template: ProjectTemplate,
    status: ProjectStatus,
    earliestStart = EARLIEST_PROJECT_START,
    latestStart?: Date,
  ): ProjectSpec {
    const timeline = this.timeline(status, earliestStart, latestStart);
    const measures = this.measures(template, status, timeline);
    const cycles = this.cycles(template, status, timeline);
    const spec: ProjectSpec = {
      team: context,
      title: template.title,
      aim: template.aim,
      compassPoints: template.compassPoints,
      tools: toolsUsed(template, measures, cycles),
      status,
      goalId: this.goalFor(context, template),
      ...timeline,
      measures,
      cycles,
      savings: this.savings(template, status, timeline),
    };
    this.templateBySpec.set(spec, template);
    return spec;
  }

  /** When the project started (between `earliestStart` and `latestStart`, by its status's usual age), and when it was last touched. */
  private timeline(status: ProjectStatus, earliestStart: Date, latestStart?: Date) {
    const { random, now } = this;
    const [minAge, maxAge] = STATUS_PROFILES[status].startAgeDays;
    const from = maxAge === null ? earliestStart : latest(earliestStart, addDays(now, -maxAge));
    const notAfter = (date: Date) => (latestStart ? earliest(date, latestStart) : date);
    if (status === "IDEA") {
      const createdAt = randomTimeBetween(random, from, notAfter(now));
      const startDate = random.chance(0.3) ? startOfDay(createdAt) : null;
      return {
        createdAt,
        startDate,
        targetDate: startDate && random.chance(0.6) ? addDays(startDate, random.int(120, 365)) : null,
        lastActivityAt: randomTimeBetween(random, createdAt, earliest(addDays(createdAt, 30), now)),
      };
    }
    const startDate = randomDayBetween(random, from, latest(from, notAfter(addDays(now, -minAge))));
    const createdAt = randomTimeBetween(random, addDays(startDate, -21), startDate);
    const lastActivityAt = this.lastActivity(status, startDate);
    const plannedTarget = addDays(startDate, random.int(90, 365));
    return {
      createdAt,
      startDate,
      // Open projects may aim at a date still ahead (a plan, not an event); finished ones finished by their target.
      targetDate: OPEN_STATUSES.has(status) ? plannedTarget : earliest(plannedTarget, startOfDay(lastActivityAt)),
      lastActivityAt,
    };
  }

  /** Open projects are mostly touched in the last 90 days, a fifth have gone quiet; finished ones settle. */
  private lastActivity(status: ProjectStatus, startDate: Date): Date {
    const { random, now } = this;
    const after = (days: number) => earliest(addDays(startDate, days), now);
    if (OPEN_STATUSES.has(status)) {
      const stale = random.chance(0.2) && addDays(now, -91) > after(14);
      return stale
        ? randomTimeBetween(random, after(14), addDays(now, -91))
        : randomTimeBetween(random, latest(after(1), addDays(now, -80)), now);
    }
    if (status === "ABANDONED") return randomTimeBetween(random, after(30), after(240));
    return randomTimeBetween(random, after(status === "SUSTAINED" ? 240 : 90), now);
  }

  private measures(template: ProjectTemplate, status: ProjectStatus, timeline: Timeline): MeasureSpec[] {
    const { startDate, lastActivityAt } = timeline;
    if (status === "IDEA" || !startDate || !this.random.chance(0.55)) return [];
    // A baseline period before the first change, then the project's life.
    const range = {
      from: addDays(startDate, -60),
      to: startOfDay(lastActivityAt),
      changeStart: startDate,
      achieved: STATUS_PROFILES[status].achieved,
    };
    return template.measures.map((measure) => ({ template: measure, points: measureSeries(this.random, measure, range) }));
  }

  private cycles(template: ProjectTemplate, status: ProjectStatus, timeline: Timeline): CycleSpec[] {
    const { random } = this;
    const { startDate, lastActivityAt } = timeline;
    if (!startDate || !random.chance(STATUS_PROFILES[status].cycleChance)) return [];
    const lastDay = startOfDay(lastActivityAt);
    const count = random.int(1, status === "ACTIVE" ? 2 : 4);
    const cycles: CycleSpec[] = [];
    for (let cursor = addDays(startDate, random.int(3, 21)); cycles.length < count && cursor <= lastDay; ) {
      const isLast = cycles.length === count - 1;
      const idea = template.changeIdeas[cycles.length % template.changeIdeas.length] as string;
      const open = isLast && OPEN_STATUSES.has(status);
      const endDate = open ? null : earliest(addDays(cursor, random.int(7, 35)), lastDay);
      const decision: PdsaDecision | null = open
        ? null
        : isLast && DONE_STATUSES.has(status)
          ? "ADOPT"
          : isLast && status === "ABANDONED"
            ? "ABANDON"
            : random.weighted([["ADAPT", 60], ["ADOPT", 25], ["ABANDON", 15]] as const);
      cycles.push({
        plan: `Test ${idea} for ${random.int(2, 4)} weeks${cycles.length > 0 ? ", adjusted from the last cycle" : ""}.`,
        prediction: `${template.measures[0]?.name ?? "The measure"} improves within the test period.`,
        doNotes: `Ran the test with ${random.pick(TEST_SCOPES)}; ${random.int(4, 18)} team members took part.`,
        study: decision ? CYCLE_OUTCOMES[decision].study : null,
        decision,
        actNotes: decision ? CYCLE_OUTCOMES[decision].act : null,
        startDate: cursor,
        endDate,
      });
      cursor = addDays(endDate ?? lastDay, random.int(2, 20));
    }
    return cycles;
  }

  /**
   * Affordability work that got somewhere reports savings: a first report once
   * results show, then about yearly while the project goes on. Recurring
   * savings cover the twelve months before each report.
   */
  private savings(template: ProjectTemplate, status: ProjectStatus, timeline: Timeline): SavingsSpec[] {
    const { random } = this;
    const savings = template.savings;
    if (!savings || !timeline.startDate || !random.chance(STATUS_PROFILES[status].savingsChance)) return [];
    const lastDay = startOfDay(timeline.lastActivityAt);
    const recurring = random.chance(savings.recurringShare);
    const entries: SavingsSpec[] = [];
    let reportedOn = addDays(timeline.startDate, recurring ? random.int(180, 300) : random.int(60, 150));
    while (reportedOn <= lastDay && entries.length < MAX_SAVINGS_ENTRIES) {
      const period = recurring ? this.savingsPeriod(timeline.startDate, reportedOn) : null;
      entries.push(this.savingsEntry(savings, reportedOn, period));
      reportedOn = recurring ? addMonths(reportedOn, 12) : addDays(reportedOn, random.int(270, 400));
    }
    return entries;
  }

  private savingsPeriod(projectStart: Date, reportedOn: Date): { start: Date; end: Date } {
    const end = addDays(reportedOn, -this.random.int(1, 20));
    return { start: latest(projectStart, addDays(addMonths(end, -12), 1)), end };
  }

  /** Finance reviews entries older than six weeks: most are validated, some rejected with a reason. */
  private savingsEntry(savings: SavingsTemplate, reportedOn: Date, period: { start: Date; end: Date } | null): SavingsSpec {
    const { random, now } = this;
    const decided = reportedOn < addDays(now, -42);
    const status: SavingsStatus = decided ? random.weighted(REVIEW_OUTCOMES) : "REPORTED";
    return {
      amountCents: dollarsToCents(logUniform(random, savings.minDollars, savings.maxDollars)),
      category: savings.category,
      recurrence: period ? "RECURRING" : "ONE_TIME",
      reportedOn,
      periodStart: period?.start ?? null,
      periodEnd: period?.end ?? null,
      method: savings.method,
      evidence: random.chance(0.5) ? random.pick(SAVINGS_EVIDENCE) : null,
      status,
      rejectionReason: status === "REJECTED" ? random.pick(REJECTION_REASONS) : null,
      reviewedAt:
        status === "REPORTED" ? null : randomTimeBetween(random, addDays(reportedOn, 3), earliest(addDays(reportedOn, 60), now)),
    };
  }

  /** About a third of projects serve a regional or organisational goal on one of their compass points. */
  private goalFor(context: TeamContext, template: ProjectTemplate): string | null {
    if (!this.random.chance(0.35)) return null;
    const goals = [...(this.goalsByRegionId.get(null) ?? []), ...(this.goalsByRegionId.get(context.team.regionId) ?? [])];
    const candidates = goals.filter((goal) => template.compassPoints.includes(goal.compassPoint));
    return candidates.length > 0 ? this.random.pick(candidates).goal.id : null;
  }
}

type Timeline = Pick<ProjectSpec, "startDate" | "lastActivityAt">;

/** The template's tools plus what the project visibly used, in the enum's order. */
function toolsUsed(template: ProjectTemplate, measures: readonly MeasureSpec[], cycles: readonly CycleSpec[]): ImprovementTool[] {
  const used = new Set<ImprovementTool>([...template.tools, "RAPID_IMPROVEMENT_MODEL"]);
  if (cycles.length > 0) used.add("PDSA");
  if (measures.length > 0) used.add("RUN_CHART");
  return Object.values(ImprovementTool).filter((tool) => used.has(tool));
}

/** Savings are spread over orders of magnitude: many small, a few large. */
function logUniform(random: Random, min: number, max: number): number {
  return Math.exp(random.float(Math.log(min), Math.log(max)));
}

function dollarsToCents(dollars: number): number {
  return Math.round(dollars / 10) * 10 * 100;
}
