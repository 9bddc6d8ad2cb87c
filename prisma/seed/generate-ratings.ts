/** The criteria set and the quarterly ratings with their dimensions, criterion checks and sign-offs. */
import type {
  CriteriaSet,
  Criterion,
  Rating,
  RatingCriterionCheck,
  RatingDimension,
  RatingSignoff,
} from "@/lib/generated/prisma/client";
import { Dimension, type RatingStatus, type SponsorSide } from "@/lib/generated/prisma/enums";
import { compareQuarters, previousQuarter, quarterBounds, quarterOf, quarterRange, type Quarter } from "@/lib/domain/quarter";
import { CRITERIA_SET_V1, PATH_TO_PERFORMANCE_CRITERIA } from "./criteria";
import { addDays, earliest, randomTimeBetween, startOfDay } from "./dates";
import type { Organisation, TeamContext } from "./generate-organisation";
import { holderAt, isActiveOn, type Staffing, type TeamStaffing, type Tenure } from "./generate-people";
import { groupBy } from "./group-by";
import type { Random } from "./random";
import { anchorLevels, linearShare, startingLevels, walkLevels } from "./rating-walk";
import { PUBLISHED_QUARTER, WASHINGTON_FIRST_RATED_QUARTER, type RegionReference } from "./reference";

/** The demo seed's first rated quarter; a generated data set at scale may reach further back. */
const FIRST_RATED_QUARTER: Quarter = "2019-Q1";

const DIMENSIONS = Object.values(Dimension);

/** How far the trend of high-performing shares sits from the published quarter's, at the seed's first quarter and at `now`. */
const SHARE_BEFORE = -0.11;
const SHARE_NOW = +0.06;
/** Washington's new teams: from a tenth to about half high performing. */
const WASHINGTON_SHARE = { first: 0.1, now: 0.55 };

/** Where the current quarter's ratings stand; "NOT_STARTED" teams have no rating row yet. */
type CurrentQuarterState = RatingStatus | "NOT_STARTED";

const CURRENT_QUARTER_STATES: readonly (readonly [CurrentQuarterState, number])[] = [
  ["FINAL", 35],
  ["AWAITING_SIGNOFF", 15],
  ["DRAFT", 10],
  ["DISPUTED", 3],
  ["NOT_STARTED", 37],
];

/** The demo sponsors' teams in the current quarter, in `demoSponsorTeamIds` order (the couriers first). */
const DEMO_CURRENT_QUARTER_STATES: readonly CurrentQuarterState[] = [
  "NOT_STARTED",
  "FINAL",
  "AWAITING_SIGNOFF",
  "NOT_STARTED",
  "NOT_STARTED",
  "DRAFT",
  "NOT_STARTED",
  "FINAL",
  "AWAITING_SIGNOFF",
  "NOT_STARTED",
];

const VERSION_BY_STATUS: Record<RatingStatus, number> = { DRAFT: 1, AWAITING_SIGNOFF: 2, DISPUTED: 2, FINAL: 3 };

const RATING_NOTES = [
  "Union sponsor first disagreed on use of tools; agreed once the team documented its third test of change.",
  "Co-lead change mid-quarter; the new management co-lead has started co-lead training.",
  "Strong quarter: the huddle board is now used at every shift change.",
  "Sponsors met the team on site; attendance at team meetings is back above 80 percent.",
  "Level held until the team's workplace safety goal is written into its charter.",
] as const;

const DISAGREEMENT_REASONS = [
  "The team has run only one test of change this quarter; level 3 in use of tools is not met.",
  "Sponsors have not met the co-leads monthly this quarter, so sponsorship cannot be rated at this level.",
  "Attendance at team meetings fell below half in two of the three months.",
  "The run charts are not annotated yet; I cannot agree to level 5 in team process.",
] as const;

const EVIDENCE: Record<Dimension, readonly string[]> = {
  SPONSORSHIP: ["Sponsor meeting notes on the team site", "Charter signed by both sponsors", "Monthly check-in calendar"],
  LEADERSHIP: ["Co-lead training certificates", "Meeting minutes show both co-leads facilitating", "Safety champion named in minutes"],
  TRAINING: ["Training roster from the LMP learning system", "RIM class attendance sheet", "Business literacy session sign-in"],
  TEAM_PROCESS: ["Agendas and minutes for the last three meetings", "Photo of the huddle board", "Ground rules posted in the break room"],
  TEAM_MEMBER_ENGAGEMENT: ["Idea board with 14 staff suggestions", "Project roster with front-line leads", "Engagement survey summary"],
  USE_OF_TOOLS: ["PDSA worksheets in the tracker", "Process map from the last workshop", "Run chart reviewed at the team meeting"],
  GOALS_AND_PERFORMANCE: ["Team goals aligned to the Value Compass", "Scorecard with targets met", "Quarterly results report"],
};

export interface RatingRecords {
  criteriaSets: CriteriaSet[];
  criteria: Criterion[];
  ratings: Rating[];
  ratingDimensions: RatingDimension[];
  criterionChecks: RatingCriterionCheck[];
  signoffs: RatingSignoff[];
}

/** The demo seed's ratings, team after team from one generator, all in memory. */
export function generateRatings(organisation: Organisation, staffing: Staffing, now: Date, random: Random): RatingRecords {
  const plan = planRatings(organisation, staffing, now, FIRST_RATED_QUARTER, random);
  const sharedRandom = random.fork("ratings");
  for (const { teams, quarters, levels } of plan.regions) {
    teams.forEach((context, teamIndex) => {
      const rater = plan.builder.startTeam(context, sharedRandom);
      quarters.forEach((quarter, quarterIndex) => plan.builder.addQuarter(rater, quarter, levels[quarterIndex]?.[teamIndex] as number));
    });
  }
  return { criteriaSets: [plan.criteriaSet], criteria: plan.criteria, ...plan.builder.takeRecords() };
}

/**
 * The same ratings from `firstRatedQuarter`, one quarter at a time in quarter
 * order (the way they arrive in real use), each team drawing from a generator of
 * its own so the order does not change the data. The first batch holds the criteria.
 */
export function* generateRatingsByQuarter(
  organisation: Organisation,
  staffing: Staffing,
  now: Date,
  firstRatedQuarter: Quarter,
  random: Random,
): Generator<RatingRecords> {
  const plan = planRatings(organisation, staffing, now, firstRatedQuarter, random);
  const raters = plan.regions.map(({ teams }) =>
    teams.map((context) => plan.builder.startTeam(context, random.fork(`ratings:${context.team.code}`))),
  );
  yield { criteriaSets: [plan.criteriaSet], criteria: plan.criteria, ...plan.builder.takeRecords() };
  for (const quarter of quarterRange(firstRatedQuarter, plan.currentQuarter)) {
    plan.regions.forEach(({ quarters, levels }, regionIndex) => {
      const quarterIndex = quarters.indexOf(quarter);
      if (quarterIndex < 0) return;
      raters[regionIndex]?.forEach((rater, teamIndex) =>
        plan.builder.addQuarter(rater, quarter, levels[quarterIndex]?.[teamIndex] as number),
      );
    });
    yield { criteriaSets: [], criteria: [], ...plan.builder.takeRecords() };
  }
}

/** The criteria set, and every region's teams with their level in each quarter from the first rated one. */
function planRatings(organisation: Organisation, staffing: Staffing, now: Date, firstRatedQuarter: Quarter, random: Random) {
  const currentQuarter = quarterOfNow(now);
  const { criteriaSet, criteria } = criteriaSetV1(staffing.criteriaPublisherId, random.fork("criteria"));
  const builder = new RatingBuilder({ now, currentQuarter, criteriaSet, criteria, staffing });
  const regions = [...groupBy(organisation.teams, (context) => context.region)].map(([region, teams]) => {
    const quarters = quarterRange(region.published ? firstRatedQuarter : WASHINGTON_FIRST_RATED_QUARTER, currentQuarter);
    const levels = regionLevels(region, teams.length, quarters, firstRatedQuarter, currentQuarter, random.fork(`levels:${region.slug}`));
    return { teams, quarters, levels };
  });
  return { currentQuarter, criteriaSet, criteria, builder, regions };
}

function quarterOfNow(now: Date): Quarter {
  const quarter = quarterOf(now);
  if (compareQuarters(quarter, PUBLISHED_QUARTER) <= 0) {
    throw new RangeError(`The seed needs "now" after ${PUBLISHED_QUARTER}, so that its ratings are final`);
  }
  return quarter;
}

function criteriaSetV1(publisherId: string, random: Random): { criteriaSet: CriteriaSet; criteria: Criterion[] } {
  const criteriaSet: CriteriaSet = {
    id: random.uuid(),
    version: CRITERIA_SET_V1.version,
    name: CRITERIA_SET_V1.name,
    status: "PUBLISHED",
    publishedAt: new Date("2015-10-01T17:00:00.000Z"),
    publishedById: publisherId,
    createdAt: new Date("2015-09-14T16:00:00.000Z"),
  };
  const criteria = DIMENSIONS.flatMap((dimension) =>
    PATH_TO_PERFORMANCE_CRITERIA[dimension].flatMap((texts, levelIndex) =>
      texts.map((text, position) => ({
        id: random.uuid(),
        setId: criteriaSet.id,
        dimension,
        level: levelIndex + 1,
        position: position + 1,
        text,
      })),
    ),
  );
  return { criteriaSet, criteria };
}

/**
 * Every team's level in every quarter. A published region is anchored on its
 * exact 2021-Q2 figures; Washington starts from new teams' levels at its first
 * rated quarter.
 */
function regionLevels(
  region: RegionReference,
  teamCount: number,
  quarters: readonly Quarter[],
  firstRatedQuarter: Quarter,
  currentQuarter: Quarter,
  random: Random,
): number[][] {
  const published = region.published;
  const publishedShare = published ? published.highPerforming / published.ubts : 0;
  const { anchorQuarter, anchor, trend } = published
    ? {
        anchorQuarter: PUBLISHED_QUARTER,
        // The published count, or its share of the teams when the data set is scaled.
        anchor: anchorLevels(teamCount, Math.round((published.highPerforming * teamCount) / published.ubts), random),
        trend: linearShare([
          [firstRatedQuarter, publishedShare + SHARE_BEFORE],
          [PUBLISHED_QUARTER, publishedShare],
          [currentQuarter, publishedShare + SHARE_NOW],
        ]),
      }
    : {
        anchorQuarter: WASHINGTON_FIRST_RATED_QUARTER,
        anchor: startingLevels(teamCount, random),
        trend: linearShare([
          [WASHINGTON_FIRST_RATED_QUARTER, WASHINGTON_SHARE.first],
          [currentQuarter, WASHINGTON_SHARE.now],
        ]),
      };
  // A little noise, so that regions do not rise in straight lines.
  const targetShare = (quarter: Quarter) => Math.min(0.96, Math.max(0.05, trend(quarter) + random.float(-0.01, 0.01)));
  return walkLevels({ quarters, anchorQuarter, anchor, targetShare, random });
}

interface RatingContext {
  now: Date;
  currentQuarter: Quarter;
  criteriaSet: CriteriaSet;
  criteria: readonly Criterion[];
  staffing: Staffing;
}

/** One team being rated quarter after quarter, with the generator its choices come from. */
interface TeamRater {
  team: TeamContext["team"];
  staff: TeamStaffing;
  /** Each team is stronger in some dimensions than others, quarter after quarter. */
  strengths: readonly number[];
  isDemoSponsorTeam: boolean;
  random: Random;
}

class RatingBuilder {
  private readonly ratings: Rating[] = [];
  private readonly ratingDimensions: RatingDimension[] = [];
  private readonly criterionChecks: RatingCriterionCheck[] = [];
  private readonly signoffs: RatingSignoff[] = [];
  private readonly criteriaByCell: ReadonlyMap<string, Criterion[]>;
  private readonly lastQuarter: Quarter;
  private readonly demoStates: ReadonlyMap<string, CurrentQuarterState>;
  private readonly activeConsultants = new Map<string, readonly Tenure[]>();

  constructor(private readonly context: RatingContext) {
    this.criteriaByCell = groupBy(context.criteria, (criterion) => cellKey(criterion.dimension, criterion.level));
    this.lastQuarter = previousQuarter(context.currentQuarter);
    this.demoStates = new Map(
      context.staffing.demoSponsorTeamIds.map((teamId, index) => [teamId, DEMO_CURRENT_QUARTER_STATES[index] ?? "NOT_STARTED"]),
    );
  }

  /** The records built since the last call, handed over and forgotten. */
  takeRecords() {
    return {
      ratings: this.ratings.splice(0),
      ratingDimensions: this.ratingDimensions.splice(0),
      criterionChecks: this.criterionChecks.splice(0),
      signoffs: this.signoffs.splice(0),
    };
  }

  startTeam({ team }: TeamContext, random: Random): TeamRater {
    const staff = this.context.staffing.byTeamId.get(team.id);
    if (!staff) throw new Error(`Team ${team.code} has no staff`);
    const strengths = DIMENSIONS.map(() => random.weighted([[0, 45], [1, 40], [2, 15]] as const));
    return { team, staff, strengths, isDemoSponsorTeam: this.demoStates.has(team.id), random };
  }

  /** The team's rating of `quarter` at `level`, unless the team was not chartered yet or has not started this quarter's. */
  addQuarter(rater: TeamRater, quarter: Quarter, level: number): void {
    const { team, staff, strengths, random } = rater;
    const { currentQuarter } = this.context;
    if (compareQuarters(quarter, team.charteredQuarter as Quarter) < 0) return;
    const state = quarter === currentQuarter ? this.currentQuarterState(team.id, random) : "FINAL";
    if (state === "NOT_STARTED") return;
    const rating = this.addRating(random, team.id, team.regionId, quarter, level, state, staff);
    const dimensionLevels = this.addDimensions(random, rating.id, level, strengths);
    if (quarter === currentQuarter || (rater.isDemoSponsorTeam && quarter === this.lastQuarter)) {
      this.addChecks(random, rating.id, dimensionLevels);
    }
  }

  private currentQuarterState(teamId: string, random: Random): CurrentQuarterState {
    return this.demoStates.get(teamId) ?? random.weighted(CURRENT_QUARTER_STATES);
  }

  private addRating(
    random: Random,
    teamId: string,
    regionId: string,
    quarter: Quarter,
    level: number,
    status: RatingStatus,
    staff: TeamStaffing,
  ): Rating {
    const { now, currentQuarter } = this.context;
    const bounds = quarterBounds(quarter);
    // Past quarters are rated in their last weeks and signed off early in the next one.
    const createdAt =
      quarter === currentQuarter
        ? randomTimeBetween(random, bounds.start, now)
        : randomTimeBetween(random, addDays(bounds.end, -21), addDays(bounds.end, -1));
    const finalizedAt =
      status !== "FINAL"
        ? null
        : quarter === currentQuarter
          ? randomTimeBetween(random, createdAt, now)
          : randomTimeBetween(random, bounds.end, earliest(addDays(bounds.end, 45), now));
    const id = random.uuid();
    const signed = this.addSignoffs(random, id, level, status, staff, createdAt, finalizedAt ?? now);
    const creatorId = this.consultantAt(random, regionId, createdAt);
    const lastSignoff = signed.at(-1);
    const rating: Rating = {
      id,
      teamId,
      quarter,
      kind: "QUARTERLY",
      criteriaSetId: this.context.criteriaSet.id,
      level,
      status,
      note: status === "FINAL" && random.chance(0.02) ? random.pick(RATING_NOTES) : null,
      version: VERSION_BY_STATUS[status],
      createdById: creatorId,
      updatedById: lastSignoff?.personId ?? creatorId,
      createdAt,
      updatedAt: lastSignoff?.createdAt ?? createdAt,
      finalizedAt,
    };
    this.ratings.push(rating);
    return rating;
  }

  /** FINAL: both sides signed; AWAITING_SIGNOFF: one side; DISPUTED: one side disagreed, the other maybe signed. */
  private addSignoffs(
    random: Random,
    ratingId: string,
    level: number,
    status: RatingStatus,
    staff: TeamStaffing,
    from: Date,
    until: Date,
  ): RatingSignoff[] {
    const sides: SponsorSide[] = random.chance(0.5) ? ["UNION", "MANAGEMENT"] : ["MANAGEMENT", "UNION"];
    const firstAt = randomTimeBetween(random, from, until);
    const sponsorAt = (side: SponsorSide, date: Date) =>
      holderAt(side === "UNION" ? staff.unionSponsors : staff.managementSponsors, date);
    const signoff = (side: SponsorSide, at: Date, reason: string | null): RatingSignoff => ({
      id: random.uuid(),
      ratingId,
      side,
      personId: sponsorAt(side, at),
      decision: reason ? "DISAGREED" : "SIGNED",
      level,
      reason,
      createdAt: at,
      voidedAt: null,
    });

    const [first, second] = sides as [SponsorSide, SponsorSide];
    let added: RatingSignoff[] = [];
    if (status === "FINAL") added = [signoff(first, firstAt, null), signoff(second, until, null)];
    if (status === "AWAITING_SIGNOFF") added = [signoff(first, firstAt, null)];
    if (status === "DISPUTED") {
      added = [signoff(first, firstAt, random.pick(DISAGREEMENT_REASONS))];
      if (random.chance(0.5)) added.push(signoff(second, randomTimeBetween(random, firstAt, until), null));
    }
    this.signoffs.push(...added);
    return added;
  }

  /** The rating's level is its lowest dimension; the others sit at or above it. */
  private addDimensions(random: Random, ratingId: string, level: number, strengths: readonly number[]): number[] {
    const levels = strengths.map((strength) => Math.min(5, level + Math.max(0, strength - (random.chance(0.3) ? 1 : 0))));
    levels[random.int(0, levels.length - 1)] = level;
    DIMENSIONS.forEach((dimension, index) => this.ratingDimensions.push({ ratingId, dimension, level: levels[index] as number }));
    return levels;
  }

  /** Every criterion up to the dimension's level met; the next level's partly met, never wholly. */
  private addChecks(random: Random, ratingId: string, dimensionLevels: readonly number[]): void {
    const { criteriaSet } = this.context;
    DIMENSIONS.forEach((dimension, index) => {
      const level = dimensionLevels[index] as number;
      for (let cellLevel = 1; cellLevel <= Math.min(5, level + 1); cellLevel++) {
        const cell = this.criteriaByCell.get(cellKey(dimension, cellLevel)) ?? [];
        const unmet = cellLevel > level ? random.int(0, cell.length - 1) : -1;
        cell.forEach((criterion, position) => {
          const met = cellLevel <= level || (position !== unmet && random.chance(0.5));
          this.criterionChecks.push({
            ratingId,
            criterionId: criterion.id,
            criteriaSetId: criteriaSet.id,
            met,
            evidence: met && random.chance(0.12) ? random.pick(EVIDENCE[dimension]) : null,
          });
        });
      }
    });
  }

  /** One of the consultants working in the region on that day. */
  private consultantAt(random: Random, regionId: string, date: Date): string {
    const consultants: readonly Tenure[] = this.context.staffing.consultantsByRegionId.get(regionId) ?? [];
    // Worked out once per region and day: a region at scale has hundreds of consultants.
    const key = `${regionId}:${startOfDay(date).getTime()}`;
    let active = this.activeConsultants.get(key);
    if (!active) {
      active = consultants.filter((tenure) => isActiveOn(tenure, date));
      this.activeConsultants.set(key, active);
    }
    return active.length > 0 ? random.pick(active).personId : holderAt(consultants, date);
  }
}

function cellKey(dimension: Dimension, level: number): string {
  return `${dimension}:${level}`;
}

