/**
 * The example projects of DOMAIN.md, on the teams the sources name, plus a
 * quiet safety project for the demo couriers team (its last activity is more
 * than 90 days old, to show the tracker's 90-day rule).
 */
import type { ImprovementTool, PdsaDecision } from "@/lib/generated/prisma/enums";
import { addDays, startOfDay, utcDay } from "./dates";
import type { FeaturedTeamKey, TeamContext } from "./generate-organisation";
import { measureSeries, type CycleSpec, type MeasureSpec, type ProjectSpec, type SavingsSpec } from "./project-builder";
import type { MeasureTemplate } from "./project-templates";
import type { Random } from "./random";

type FeaturedTeams = Record<FeaturedTeamKey, TeamContext>;

const COURIERS_ANNUAL_SAVINGS_CENTS = 375_000_00;

export function featuredProjectSpecs(teams: FeaturedTeams, now: Date, random: Random): ProjectSpec[] {
  const series = (measure: MeasureTemplate, from: string, to: Date, changeStart: string, achieved = 1): MeasureSpec => ({
    template: measure,
    points: measureSeries(random, measure, { from: utcDay(from), to: startOfDay(to), changeStart: utcDay(changeStart), achieved }),
  });
  const gaithersburg = gaithersburgDrills(teams, series);
  return [
    ...couriersProjects(teams, now, series),
    sanJosePharmacy(teams, series),
    gaithersburg,
    ...drillAdopters(teams, gaithersburg, series),
    downeyNicu(teams, series),
    redwoodCityDischarge(teams, series),
  ];
}

type Series = (measure: MeasureTemplate, from: string, to: Date, changeStart: string, achieved?: number) => MeasureSpec;

// ───────────────────────────── builders ─────────────────────────────

function measure(
  kind: MeasureTemplate["kind"],
  name: string,
  unit: string,
  baseline: number,
  target: number | null,
  direction: MeasureTemplate["direction"],
  decimals = 0,
): MeasureTemplate {
  return { name, kind, unit, baseline, target, direction, decimals };
}

function cycle(start: string, end: string | null, plan: string, decision: PdsaDecision | null, study: string | null, actNotes: string | null): CycleSpec {
  return {
    plan,
    prediction: null,
    doNotes: null,
    study,
    decision,
    actNotes,
    startDate: utcDay(start),
    endDate: end ? utcDay(end) : null,
  };
}

function validated(
  amountCents: number,
  category: SavingsSpec["category"],
  reportedOn: string,
  method: string,
  evidence: string,
): SavingsSpec {
  return {
    amountCents,
    category,
    recurrence: "ONE_TIME",
    reportedOn: utcDay(reportedOn),
    periodStart: null,
    periodEnd: null,
    method,
    evidence,
    status: "VALIDATED",
    rejectionReason: null,
    reviewedAt: addDays(utcDay(reportedOn), 18.6),
  };
}

const CORE_TOOLS: readonly ImprovementTool[] = ["RAPID_IMPROVEMENT_MODEL", "PDSA", "RUN_CHART"];

// ───────────────────────────── Colorado couriers ─────────────────────────────

function couriersProjects(teams: FeaturedTeams, now: Date, series: Series): ProjectSpec[] {
  const lastActivityAt = addDays(now, -20);
  const routes: ProjectSpec = {
    team: teams.coloradoCouriers,
    title: "Redesign courier routes and dispatch to keep deliveries in-house",
    aim: "Improve routes, workflows and information systems so the courier service beats the outsourcing bid: deliveries on time above 95 percent and $375,000 a year saved.",
    compassPoints: ["MOST_AFFORDABLE", "BEST_PLACE_TO_WORK"],
    tools: [...CORE_TOOLS, "PROCESS_MAP", "VALUE_STREAM_MAP", "STANDARD_WORK"],
    status: "SUSTAINED",
    goalId: null,
    startDate: utcDay("2019-03-04"),
    targetDate: utcDay("2019-12-20"),
    createdAt: new Date("2019-02-25T16:20:00.000Z"),
    lastActivityAt,
    measures: [
      series(measure("OUTCOME", "Deliveries on time", "%", 84, 96, "INCREASE"), "2019-01-07", lastActivityAt, "2019-04-01"),
      series(measure("PROCESS", "Route miles per day", "miles", 1_420, 1_150, "DECREASE"), "2019-01-07", lastActivityAt, "2019-04-01"),
      series(measure("BALANCING", "Driver overtime", "hours per week", 64, null, "DECREASE"), "2019-01-07", lastActivityAt, "2019-04-01"),
    ],
    cycles: [
      cycle("2019-03-11", "2019-04-05", "Test consolidated routes on the north metro loop for four weeks.", "ADAPT", "Miles fell 9 percent but two clinics got afternoon deliveries too late for their labs.", "Adapt: move the lab pickups to a dedicated midday run."),
      cycle("2019-04-15", "2019-05-10", "Add a dedicated midday lab run and a dispatch board in the dock office.", "ADOPT", "On-time deliveries rose from 84 to 91 percent; drivers like seeing the whole day on the board.", "Adopt: make the board and the lab run standard work."),
      cycle("2019-06-03", "2019-07-26", "Pilot route-planning software on three routes, drivers choosing the stop order.", "ADAPT", "Software saved miles but mis-handled loading-dock hours at two hospitals.", "Adapt: load dock hours into the software and test again."),
      cycle("2019-08-12", "2019-10-04", "Run the software with dock hours on all routes.", "ADOPT", "Miles per day down 19 percent; overtime down by a third; no late lab runs.", "Adopt: all routes planned in the software; the team reviews the routes every quarter."),
    ],
    savings: couriersSavings(now),
  };
  return [routes, couriersSafety(teams, now, series)];
}

/** $375,000 for each full year since the redesign, reported each January; finance validates within weeks. */
function couriersSavings(now: Date): SavingsSpec[] {
  const entries: SavingsSpec[] = [];
  for (let year = 2020; utcDay(`${year + 1}-01-15`) <= now; year++) {
    const reportedOn = utcDay(`${year + 1}-01-15`);
    const reviewedAt = addDays(reportedOn, 21.3);
    const isValidated = reviewedAt <= now;
    entries.push({
      amountCents: COURIERS_ANNUAL_SAVINGS_CENTS,
      category: "HARD_SAVINGS",
      recurrence: "RECURRING",
      reportedOn,
      periodStart: utcDay(`${year}-01-01`),
      periodEnd: utcDay(`${year}-12-31`),
      method: "The outsourcing bid for the year minus the in-house courier budget, confirmed with regional finance.",
      evidence: `Regional finance comparison of bid and budget, ${year}`,
      status: isValidated ? "VALIDATED" : "REPORTED",
      rejectionReason: null,
      reviewedAt: isValidated ? reviewedAt : null,
    });
  }
  return entries;
}

function couriersSafety(teams: FeaturedTeams, now: Date, series: Series): ProjectSpec {
  const startDate = startOfDay(addDays(now, -200));
  const lastActivityAt = addDays(now, -104);
  const injuries = measure("OUTCOME", "Lifting injuries loading vans", "per quarter", 3, 1, "DECREASE");
  const startDay = startDate.toISOString().slice(0, 10);
  return {
    team: teams.coloradoCouriers,
    title: "Safe lifting when loading courier vans",
    aim: "Cut lifting injuries while loading vans from three a quarter to one.",
    compassPoints: ["BEST_PLACE_TO_WORK"],
    tools: ["RAPID_IMPROVEMENT_MODEL", "PDSA", "FIVE_WHYS"],
    status: "ACTIVE",
    goalId: null,
    startDate,
    targetDate: addDays(startDate, 180),
    createdAt: addDays(startDate, -4.3),
    lastActivityAt,
    measures: [series(injuries, startDay, lastActivityAt, startDay, 0.2)],
    cycles: [
      {
        plan: "Test team lifts for totes over 35 pounds on the morning load for two weeks.",
        prediction: "No strains reported during the test.",
        doNotes: "Eleven drivers took part; the morning load ran eight minutes longer.",
        study: "No injuries, but the longer load made two routes late.",
        decision: "ADAPT",
        actNotes: "Adapt: try a powered lift gate on the two heaviest routes.",
        startDate: addDays(startDate, 7),
        endDate: addDays(startDate, 21),
      },
    ],
    savings: [],
  };
}

// ───────────────────────────── San Jose inpatient pharmacy ─────────────────────────────

function sanJosePharmacy(teams: FeaturedTeams, series: Series): ProjectSpec {
  const lastActivityAt = new Date("2021-05-20T18:05:00.000Z");
  const method = "Spend on the targeted drug list before and after, priced at contract rates by pharmacy finance.";
  return {
    team: teams.sanJoseInpatientPharmacy,
    title: "Review high-cost prescribing patterns with physicians",
    aim: "Analyse prescription patterns with physicians and switch to equally effective, lower-cost drugs, saving at least $500,000 in the first year.",
    compassPoints: ["MOST_AFFORDABLE"],
    tools: [...CORE_TOOLS, "PARETO"],
    status: "SUSTAINED",
    goalId: null,
    startDate: utcDay("2019-05-06"),
    targetDate: utcDay("2020-04-30"),
    createdAt: new Date("2019-04-22T17:40:00.000Z"),
    lastActivityAt,
    measures: [
      series(measure("OUTCOME", "Spend on targeted high-cost drugs", "$ per month", 182_000, 128_000, "DECREASE"), "2019-03-01", lastActivityAt, "2019-06-01"),
      series(measure("PROCESS", "Orders reviewed with the prescribing physician", "%", 20, 85, "INCREASE"), "2019-03-01", lastActivityAt, "2019-06-01"),
    ],
    cycles: [
      cycle("2019-05-20", "2019-06-28", "Pareto the top 25 drugs by spend and review the top five with the hospitalists.", "ADOPT", "Three of the five had equally effective lower-cost alternatives the physicians agreed to.", "Adopt: review the list with each department monthly."),
      cycle("2019-07-08", "2019-08-30", "Pharmacists call the prescriber on every new order of a listed drug.", "ADAPT", "Calls worked but interrupted rounds.", "Adapt: batch the reviews into a daily 10-minute huddle with each service."),
      cycle("2019-09-09", "2019-11-15", "Daily prescribing huddles with medicine and surgery.", "ADOPT", "Monthly spend on the list down 27 percent.", "Adopt: huddles become standard work."),
    ],
    savings: [
      validated(412_300_00, "HARD_SAVINGS", "2020-02-14", method, "Pharmacy finance report, May 2019 – January 2020"),
      validated(226_150_00, "HARD_SAVINGS", "2020-09-10", method, "Pharmacy finance report, February – August 2020"),
    ],
  };
}

// ───────────────────────────── Gaithersburg ambulatory surgery ─────────────────────────────

const DRILL_TIME = measure("OUTCOME", "Drill response time to dantrolene at the bedside", "minutes", 8.5, 6.5, "DECREASE", 1);
const DRILL_AIM = "Run regular malignant-hyperthermia drills so the team gets dantrolene to the bedside two minutes faster.";

function gaithersburgDrills(teams: FeaturedTeams, series: Series): ProjectSpec {
  const lastActivityAt = new Date("2021-04-12T15:30:00.000Z");
  return {
    team: teams.gaithersburgAmbulatorySurgery,
    title: "Malignant hyperthermia drills",
    aim: DRILL_AIM,
    compassPoints: ["BEST_QUALITY"],
    tools: [...CORE_TOOLS, "STANDARD_WORK"],
    status: "SUSTAINED",
    goalId: null,
    startDate: utcDay("2019-09-09"),
    targetDate: utcDay("2020-03-31"),
    createdAt: new Date("2019-08-30T14:10:00.000Z"),
    lastActivityAt,
    measures: [
      series(DRILL_TIME, "2019-07-15", lastActivityAt, "2019-10-01"),
      series(measure("PROCESS", "Staff who took part in a drill this quarter", "%", 25, 90, "INCREASE"), "2019-07-15", lastActivityAt, "2019-10-01"),
    ],
    cycles: [
      cycle("2019-09-16", "2019-09-16", "Unannounced drill in operating room 2 with the full team.", "ADAPT", "8 minutes 40 seconds to dantrolene; the cart was behind the stretcher bay.", "Adapt: move the cart and test again."),
      cycle("2019-10-21", "2019-10-21", "Drill with the cart at the core desk and roles on lanyard cards.", "ADAPT", "7 minutes 10 seconds; mixing the dantrolene took two people too long.", "Adapt: switch to the faster-mixing formulation."),
      cycle("2019-12-02", "2019-12-02", "Drill with the new formulation and a mixing role.", "ADOPT", "6 minutes 20 seconds: two minutes faster than the first drill.", "Adopt: quarterly drills for every shift; share the practice."),
      cycle("2020-03-09", "2020-03-09", "First quarterly drill run by the labor co-lead alone.", "ADOPT", "6 minutes 30 seconds with a new team; the gain holds.", "Adopt: drills stay quarterly."),
    ],
    savings: [],
  };
}

/** Other surgery teams adopt the Gaithersburg drills: the practice spreading. */
function drillAdopters(teams: FeaturedTeams, origin: ProjectSpec, series: Series): ProjectSpec[] {
  const adopters = [
    { team: teams.largoAmbulatorySurgery, start: "2020-06-08", status: "SUSTAINED", lastActivity: "2021-03-22T16:00:00Z" },
    { team: teams.tysonsCornerAmbulatorySurgery, start: "2020-10-05", status: "IMPLEMENTED", lastActivity: "2021-05-03T17:45:00Z" },
    { team: teams.oaklandAmbulatorySurgery, start: "2021-01-11", status: "IMPLEMENTED", lastActivity: "2021-06-14T21:10:00Z" },
  ] as const;
  return adopters.map(({ team, start, status, lastActivity }) => {
    const lastActivityAt = new Date(lastActivity);
    return {
      team,
      title: "Malignant hyperthermia drills",
      aim: `Adopted from ${origin.team.team.name}: ${DRILL_AIM}`,
      compassPoints: ["BEST_QUALITY"],
      tools: [...CORE_TOOLS, "STANDARD_WORK"],
      status,
      goalId: null,
      startDate: utcDay(start),
      targetDate: addDays(utcDay(start), 120),
      createdAt: addDays(utcDay(start), -6.4),
      lastActivityAt,
      measures: [series(DRILL_TIME, start, lastActivityAt, start)],
      cycles: [
        cycle(start, start, "Run the Gaithersburg drill as written, with their cart layout and lanyard roles.", "ADOPT", "Under seven minutes on the first drill.", "Adopt: quarterly drills on every shift."),
      ],
      savings: [],
      adoptsFrom: origin,
    };
  });
}

// ───────────────────────────── Downey NICU ─────────────────────────────

function downeyNicu(teams: FeaturedTeams, series: Series): ProjectSpec {
  const lastActivityAt = new Date("2021-02-26T19:15:00.000Z");
  return {
    team: teams.downeyNicu,
    title: "Parents listen in on shift-change handoffs",
    aim: "Invite parents to listen in on bedside shift-change handoffs so they hear the plan of care first-hand.",
    compassPoints: ["BEST_SERVICE", "PATIENT_AND_MEMBER_FOCUS"],
    tools: [...CORE_TOOLS, "VOICE_OF_CUSTOMER", "STANDARD_WORK"],
    status: "IMPLEMENTED",
    goalId: null,
    startDate: utcDay("2020-02-03"),
    targetDate: utcDay("2020-09-30"),
    createdAt: new Date("2020-01-21T20:00:00.000Z"),
    lastActivityAt,
    measures: [
      series(measure("PROCESS", "Handoffs with a parent present", "%", 10, 60, "INCREASE"), "2019-12-02", lastActivityAt, "2020-02-17"),
      series(measure("OUTCOME", "Parents rating communication as excellent", "%", 61, 85, "INCREASE"), "2019-12-02", lastActivityAt, "2020-02-17"),
      series(measure("BALANCING", "Handoff duration", "minutes", 12, null, "DECREASE"), "2019-12-02", lastActivityAt, "2020-02-17"),
    ],
    cycles: [
      cycle("2020-02-17", "2020-03-06", "Invite parents who are at the bedside at 7 a.m. to listen to the handoff, one pod only.", "ADAPT", "Parents loved it; handoffs ran three minutes longer.", "Adapt: a handoff script that keeps the parent part to two minutes."),
      cycle("2020-03-16", "2020-04-24", "Scripted bedside handoff with parents in two pods, day and night shifts.", "ADOPT", "Handoff time back to baseline; parent ratings up 15 points.", "Adopt: all pods, both shift changes."),
      cycle("2020-06-01", "2020-07-10", "Text parents 30 minutes before handoff so they can call in.", "ADOPT", "Parent presence, in person or by phone, passed 55 percent.", "Adopt: texting becomes standard work."),
    ],
    savings: [],
  };
}

// ───────────────────────────── Redwood City discharge assistants ─────────────────────────────

function redwoodCityDischarge(teams: FeaturedTeams, series: Series): ProjectSpec {
  const lastActivityAt = new Date("2021-06-01T16:50:00.000Z");
  return {
    team: teams.redwoodCityDischargeAssistants,
    title: "Book the follow-up appointment before the patient goes home",
    aim: "Discharge assistants book every patient's follow-up appointment before discharge, to cut 30-day readmissions from 12 to 9 percent.",
    compassPoints: ["BEST_QUALITY", "MOST_AFFORDABLE"],
    tools: [...CORE_TOOLS, "PROCESS_MAP", "STANDARD_WORK"],
    status: "SUSTAINED",
    goalId: null,
    startDate: utcDay("2019-07-15"),
    targetDate: utcDay("2020-06-30"),
    createdAt: new Date("2019-07-02T18:30:00.000Z"),
    lastActivityAt,
    measures: [
      series(measure("PROCESS", "Patients leaving with a follow-up appointment booked", "%", 41, 92, "INCREASE"), "2019-05-06", lastActivityAt, "2019-08-01"),
      series(measure("OUTCOME", "30-day readmissions", "%", 12, 9, "DECREASE", 1), "2019-05-06", lastActivityAt, "2019-08-01"),
    ],
    cycles: [
      cycle("2019-07-22", "2019-08-16", "Discharge assistants book follow-ups for medicine patients on one unit.", "ADAPT", "Booked rate rose to 70 percent; clinics lacked open slots within 7 days.", "Adapt: reserve two post-discharge slots per primary care team each day."),
      cycle("2019-09-03", "2019-10-25", "Reserved post-discharge slots, all medical units.", "ADOPT", "88 percent booked before discharge.", "Adopt: protocol written into discharge standard work."),
      cycle("2020-01-13", "2020-02-21", "Reminder call two days before the follow-up visit.", "ADOPT", "No-shows for follow-ups halved; readmissions trending to 9 percent.", "Adopt: reminder calls continue."),
    ],
    savings: [
      validated(
        286_000_00,
        "COST_AVOIDANCE",
        "2020-08-17",
        "Readmissions avoided against the 2018 rate, times the average cost of a readmission, from the regional finance model.",
        "Regional finance readmission cost model, FY2019–2020",
      ),
    ],
  };
}
