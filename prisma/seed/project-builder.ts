/**
 * Turns project specifications (what a project is and what happened in it)
 * into records: ids, authors from the team's co-leads, finance reviewers, run
 * chart series, spread links.
 */
import type {
  DataPoint,
  Measure,
  PdsaCycle,
  Project,
  SavingsEntry,
  SpreadLink,
} from "@/lib/generated/prisma/client";
import type {
  CompassPoint,
  ImprovementTool,
  PdsaDecision,
  ProjectStatus,
  SavingsCategory,
  SavingsRecurrence,
  SavingsStatus,
} from "@/lib/generated/prisma/enums";
import { addDays, daysBetween, startOfDay } from "./dates";
import type { TeamContext } from "./generate-organisation";
import { holderAt, type Staffing } from "./generate-people";
import type { MeasureTemplate } from "./project-templates";
import type { Random } from "./random";

export interface MeasureSpec {
  template: MeasureTemplate;
  points: readonly (readonly [Date, number])[];
}

export interface CycleSpec {
  plan: string;
  prediction: string | null;
  doNotes: string | null;
  study: string | null;
  decision: PdsaDecision | null;
  actNotes: string | null;
  startDate: Date;
  endDate: Date | null;
}

export interface SavingsSpec {
  amountCents: number;
  category: SavingsCategory;
  recurrence: SavingsRecurrence;
  reportedOn: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  method: string;
  evidence: string | null;
  status: SavingsStatus;
  rejectionReason: string | null;
  reviewedAt: Date | null;
}

export interface ProjectSpec {
  team: TeamContext;
  title: string;
  aim: string;
  compassPoints: readonly CompassPoint[];
  tools: readonly ImprovementTool[];
  status: ProjectStatus;
  goalId: string | null;
  startDate: Date | null;
  targetDate: Date | null;
  createdAt: Date;
  /** Not before anything recorded in the project. */
  lastActivityAt: Date;
  measures: readonly MeasureSpec[];
  cycles: readonly CycleSpec[];
  savings: readonly SavingsSpec[];
  /** The practice this project adopts; that project must be added first. */
  adoptsFrom?: ProjectSpec;
}

export interface ProjectRecords {
  projects: Project[];
  measures: Measure[];
  dataPoints: DataPoint[];
  pdsaCycles: PdsaCycle[];
  savingsEntries: SavingsEntry[];
  spreadLinks: SpreadLink[];
}

const MAX_SERIES_POINTS = 36;

/**
 * A run chart: points about monthly from `from` to `to`; values move from the
 * baseline towards the target after `changeStart`, by the `achieved` share of
 * the gap, with noise. Balancing measures hover around their baseline.
 */
export function measureSeries(
  random: Random,
  measure: MeasureTemplate,
  range: { from: Date; to: Date; changeStart: Date; achieved: number },
): [Date, number][] {
  const span = Math.max(0, daysBetween(range.from, range.to));
  const count = Math.min(MAX_SERIES_POINTS, span + 1, Math.max(3, Math.floor(span / 30) + 1));
  const stepDays = count > 1 ? span / (count - 1) : 0;
  const ramp = Math.max(45, daysBetween(range.changeStart, range.to) / 2);
  const gap = measure.target === null ? 0 : measure.target - measure.baseline;
  const noise = Math.abs(gap) * 0.12 + Math.abs(measure.baseline) * 0.03;

  return Array.from({ length: count }, (_, index) => {
    const date = addDays(startOfDay(range.from), Math.round(index * stepDays));
    const progress = range.achieved * Math.min(1, Math.max(0, daysBetween(range.changeStart, date) / ramp));
    const value = measure.baseline + gap * progress + random.float(-noise, noise);
    return [date, roundMeasure(measure, value)] as [Date, number];
  });
}

function roundMeasure(measure: MeasureTemplate, value: number): number {
  const bounded = measure.unit === "%" ? Math.min(100, Math.max(0, value)) : Math.max(0, value);
  const factor = 10 ** measure.decimals;
  return Math.round(bounded * factor) / factor;
}

export class ProjectBuilder {
  private readonly output: ProjectRecords = {
    projects: [],
    measures: [],
    dataPoints: [],
    pdsaCycles: [],
    savingsEntries: [],
    spreadLinks: [],
  };
  private readonly projectBySpec = new Map<ProjectSpec, Project>();

  constructor(
    private readonly staffing: Staffing,
    private readonly random: Random,
  ) {}

  records(): ProjectRecords {
    return this.output;
  }

  /** The records built since the last call, handed over and forgotten (so are their specs: adopt only from projects of the same batch). */
  takeRecords(): ProjectRecords {
    this.projectBySpec.clear();
    const output = this.output;
    return {
      projects: output.projects.splice(0),
      measures: output.measures.splice(0),
      dataPoints: output.dataPoints.splice(0),
      pdsaCycles: output.pdsaCycles.splice(0),
      savingsEntries: output.savingsEntries.splice(0),
      spreadLinks: output.spreadLinks.splice(0),
    };
  }

  add(spec: ProjectSpec): Project {
    const { team } = spec.team;
    const createdById = this.coLeadAt(team.id, spec.createdAt);
    const project: Project = {
      id: this.random.uuid(),
      teamId: team.id,
      title: spec.title,
      aim: spec.aim,
      compassPoints: [...spec.compassPoints],
      goalId: spec.goalId,
      tools: [...spec.tools],
      status: spec.status,
      startDate: spec.startDate,
      targetDate: spec.targetDate,
      lastActivityAt: spec.lastActivityAt,
      version: 1 + spec.cycles.length + spec.measures.length + spec.savings.length + this.random.int(0, 3),
      createdById,
      updatedById: this.coLeadAt(team.id, spec.lastActivityAt),
      createdAt: spec.createdAt,
      updatedAt: spec.lastActivityAt,
      // Made from the loaded links and savings once the load is in (practice_rank_refresh).
      adopterCount: 0,
      validatedSavingsCents: 0n,
    };
    this.output.projects.push(project);
    this.projectBySpec.set(spec, project);

    for (const measure of spec.measures) this.addMeasure(project, measure);
    spec.cycles.forEach((cycle, index) => this.addCycle(project, cycle, index + 1));
    for (const savings of spec.savings) this.addSavings(project, spec.team, savings);
    if (spec.adoptsFrom) this.addSpreadLink(project, spec.adoptsFrom);
    return project;
  }

  private addMeasure(project: Project, { template, points }: MeasureSpec): void {
    const measure: Measure = {
      id: this.random.uuid(),
      projectId: project.id,
      name: template.name,
      kind: template.kind,
      unit: template.unit,
      baseline: template.baseline,
      target: template.target,
      direction: template.direction,
      createdAt: project.createdAt,
    };
    this.output.measures.push(measure);
    for (const [date, value] of points) {
      this.output.dataPoints.push({ id: this.random.uuid(), measureId: measure.id, date, value, collectedById: null });
    }
  }

  private addCycle(project: Project, cycle: CycleSpec, number: number): void {
    this.output.pdsaCycles.push({
      id: this.random.uuid(),
      projectId: project.id,
      teamId: project.teamId,
      number,
      ...cycle,
      createdAt: cycle.startDate,
    });
  }

  private addSavings(project: Project, { team, region }: TeamContext, savings: SavingsSpec): void {
    const reviewers = this.staffing.financeReviewersByRegionId.get(team.regionId) ?? [];
    const reviewed = savings.reviewedAt !== null;
    const createdAt = savings.reportedOn;
    if (reviewed && reviewers.length === 0) throw new Error(`No finance reviewer in ${region.name}`);
    this.output.savingsEntries.push({
      id: this.random.uuid(),
      projectId: project.id,
      teamId: team.id,
      amountCents: savings.amountCents,
      category: savings.category,
      recurrence: savings.recurrence,
      reportedOn: savings.reportedOn,
      periodStart: savings.periodStart,
      periodEnd: savings.periodEnd,
      method: savings.method,
      evidence: savings.evidence,
      status: savings.status,
      rejectionReason: savings.rejectionReason,
      version: reviewed ? 2 : 1,
      reportedById: this.coLeadAt(team.id, savings.reportedOn),
      reviewedById: reviewed ? this.random.pick(reviewers) : null,
      reviewedAt: savings.reviewedAt,
      createdAt,
      updatedAt: savings.reviewedAt ?? createdAt,
    });
  }

  private addSpreadLink(adopter: Project, originSpec: ProjectSpec): void {
    const origin = this.projectBySpec.get(originSpec);
    if (!origin) throw new Error(`"${adopter.title}" adopts a practice that was not added first`);
    this.output.spreadLinks.push({
      id: this.random.uuid(),
      originProjectId: origin.id,
      adopterProjectId: adopter.id,
      adopterTeamId: adopter.teamId,
      createdById: adopter.createdById,
      createdAt: adopter.createdAt,
    });
  }

  /** The labor or the management co-lead in post on that day: both sides own the record. */
  private coLeadAt(teamId: string, date: Date): string {
    const staff = this.staffing.byTeamId.get(teamId);
    if (!staff) throw new Error(`Team ${teamId} has no co-leads`);
    return holderAt(this.random.chance(0.5) ? staff.laborColeads : staff.managementColeads, date);
  }
}
