/**
 * Improvement-project templates: what a team of each department type typically
 * works on, with its measures, change ideas to test and, for affordability
 * work, how savings are counted. Cross-department templates (safety, waste,
 * engagement) apply to every team.
 */
import type {
  CompassPoint,
  DepartmentType,
  ImprovementDirection,
  ImprovementTool,
  MeasureKind,
  SavingsCategory,
} from "@/lib/generated/prisma/enums";

export interface MeasureTemplate {
  name: string;
  kind: MeasureKind;
  unit: string;
  baseline: number;
  /** Null for balancing measures, which should simply not get worse. */
  target: number | null;
  direction: ImprovementDirection;
  decimals: number;
}

export interface SavingsTemplate {
  category: SavingsCategory;
  minDollars: number;
  maxDollars: number;
  /** Share of entries reported as a recurring yearly saving. */
  recurringShare: number;
  method: string;
}

export interface ProjectTemplate {
  title: string;
  aim: string;
  compassPoints: readonly CompassPoint[];
  tools: readonly ImprovementTool[];
  measures: readonly MeasureTemplate[];
  /** What the team tests in its PDSA cycles. */
  changeIdeas: readonly string[];
  savings?: SavingsTemplate;
}

function improve(kind: MeasureKind, name: string, unit: string, baseline: number, target: number, decimals = 0): MeasureTemplate {
  return { name, kind, unit, baseline, target, direction: target < baseline ? "DECREASE" : "INCREASE", decimals };
}
const outcome = (name: string, unit: string, baseline: number, target: number, decimals = 0) =>
  improve("OUTCOME", name, unit, baseline, target, decimals);
const processMeasure = (name: string, unit: string, baseline: number, target: number, decimals = 0) =>
  improve("PROCESS", name, unit, baseline, target, decimals);
const balancing = (name: string, unit: string, baseline: number, direction: ImprovementDirection, decimals = 0): MeasureTemplate => ({
  name,
  kind: "BALANCING",
  unit,
  baseline,
  target: null,
  direction,
  decimals,
});

function savings(category: SavingsCategory, minDollars: number, maxDollars: number, recurringShare: number, method: string): SavingsTemplate {
  return { category, minDollars, maxDollars, recurringShare, method };
}

export const PROJECT_TEMPLATES_BY_TYPE: Record<DepartmentType, readonly ProjectTemplate[]> = {
  PHARMACY: [
    {
      title: "Shorten waits at the pharmacy pickup window",
      aim: "Cut the average wait at pickup from 18 to 10 minutes within six months.",
      compassPoints: ["BEST_SERVICE", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["PROCESS_MAP", "VOICE_OF_CUSTOMER", "RUN_CHART"],
      measures: [
        outcome("Average wait at pickup", "minutes", 18, 10),
        processMeasure("Prescriptions ready before the member arrives", "%", 62, 85),
        balancing("Dispensing errors reported", "per month", 3, "DECREASE"),
      ],
      changeIdeas: ["an express window for ready prescriptions", "text alerts when prescriptions are ready", "restocking fast movers before opening"],
    },
    {
      title: "Reduce waste from expired medications",
      aim: "Halve the monthly value of expired stock written off within a year.",
      compassPoints: ["MOST_AFFORDABLE"],
      tools: ["WASTE_WALK", "PARETO", "FIVE_S"],
      measures: [
        outcome("Expired stock written off", "$ per month", 14_000, 6_000),
        processMeasure("Shelves checked on the rotation schedule", "%", 40, 95),
      ],
      changeIdeas: ["a first-expiry-first-out shelf layout", "a weekly short-dated stock list", "returning slow movers to the central warehouse"],
      savings: savings("HARD_SAVINGS", 16_000, 240_000, 0.5, "Monthly write-off value before and after the change, from the inventory system."),
    },
    {
      title: "Move maintenance prescriptions to mail order",
      aim: "Raise the share of maintenance prescriptions filled by mail from 38 to 55 percent.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["VOICE_OF_CUSTOMER", "RUN_CHART"],
      measures: [processMeasure("Maintenance prescriptions filled by mail", "%", 38, 55)],
      changeIdeas: ["offering mail order at every counter visit", "a mail-order sign-up card in the bag", "pharmacist calls to long-term members"],
      savings: savings("COST_AVOIDANCE", 10_000, 120_000, 0.4, "Dispensing cost per prescription at the counter versus by mail, times prescriptions moved."),
    },
  ],
  PRIMARY_CARE: [
    {
      title: "Close gaps in colorectal cancer screening",
      aim: "Bring members up to date on colorectal screening from 71 to 80 percent this year.",
      compassPoints: ["BEST_QUALITY", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["PARETO", "RUN_CHART", "STANDARD_WORK"],
      measures: [
        outcome("Members up to date on screening", "%", 71, 80),
        processMeasure("FIT kits mailed within a week of outreach", "%", 55, 90),
      ],
      changeIdeas: ["handing FIT kits out at every visit", "medical assistants checking care gaps at rooming", "reminder calls for unreturned kits"],
    },
    {
      title: "Same-day appointments for members who call before noon",
      aim: "Offer a same-day appointment to 85 percent of members who call before noon.",
      compassPoints: ["BEST_SERVICE"],
      tools: ["PROCESS_MAP", "HUDDLE_BOARD"],
      measures: [
        outcome("Members offered a same-day appointment", "%", 64, 85),
        balancing("Overtime hours", "per week", 22, "DECREASE"),
      ],
      changeIdeas: ["holding four same-day slots per provider", "a morning huddle to match slots to demand", "nurse triage of same-day requests"],
    },
    {
      title: "Improve blood-pressure control",
      aim: "Raise blood-pressure control among hypertensive members from 78 to 85 percent.",
      compassPoints: ["BEST_QUALITY"],
      tools: ["STANDARD_WORK", "RUN_CHART"],
      measures: [
        outcome("Hypertensive members with blood pressure under control", "%", 78, 85),
        processMeasure("Repeat readings taken when the first is high", "%", 45, 90),
      ],
      changeIdeas: ["a repeat reading after five minutes' rest", "home cuffs for members with high readings", "pharmacist follow-up calls"],
    },
  ],
  SPECIALTY_CARE: [
    {
      title: "Cut no-shows for specialty appointments",
      aim: "Reduce the no-show rate from 12 to 7 percent within six months.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["PARETO", "RUN_CHART"],
      measures: [
        outcome("No-show rate", "%", 12, 7),
        processMeasure("Reminder calls completed two days ahead", "%", 50, 90),
      ],
      changeIdeas: ["reminder calls two days ahead", "offering video visits to members who cannot travel", "filling cancellations from a wait list"],
      savings: savings("SOFT_SAVINGS", 10_000, 120_000, 0.3, "Appointment slots recovered times the average cost of a specialty visit."),
    },
    {
      title: "Schedule referrals faster",
      aim: "Cut the days from referral to first appointment from 21 to 12.",
      compassPoints: ["BEST_SERVICE", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["PROCESS_MAP", "VALUE_STREAM_MAP"],
      measures: [outcome("Days from referral to appointment", "days", 21, 12)],
      changeIdeas: ["scheduling while the member is still in clinic", "a shared referral work queue", "daily review of unscheduled referrals"],
    },
    {
      title: "Reconcile medications at every visit",
      aim: "Reconcile medications at 95 percent of visits.",
      compassPoints: ["BEST_QUALITY"],
      tools: ["STANDARD_WORK", "FIVE_WHYS"],
      measures: [processMeasure("Visits with medications reconciled", "%", 70, 95)],
      changeIdeas: ["medication review at rooming", "asking members to bring their bottles", "a reconciliation prompt in the visit checklist"],
    },
  ],
  INPATIENT_NURSING: [
    {
      title: "Reduce patient falls with injury",
      aim: "Cut falls to under two per 1,000 patient days within a year.",
      compassPoints: ["BEST_QUALITY", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["FISHBONE", "STANDARD_WORK", "RUN_CHART"],
      measures: [
        outcome("Falls per 1,000 patient days", "rate", 3.2, 1.8, 1),
        processMeasure("Hourly rounds completed", "%", 68, 95),
      ],
      changeIdeas: ["purposeful hourly rounding", "bed alarms for high-risk patients", "a falls-risk sign on every door"],
    },
    {
      title: "Discharge before noon",
      aim: "Raise discharges before noon from 22 to 40 percent.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["PROCESS_MAP", "HUDDLE_BOARD", "RUN_CHART"],
      measures: [
        outcome("Discharges before noon", "%", 22, 40),
        balancing("30-day readmissions", "%", 11, "DECREASE", 1),
      ],
      changeIdeas: ["writing discharge orders the evening before", "a morning discharge huddle", "medications delivered to the bedside"],
      savings: savings("COST_AVOIDANCE", 20_000, 300_000, 0.4, "Bed hours freed times the cost of a boarding hour in the emergency department."),
    },
    {
      title: "Safe patient handling: lift equipment at every bedside",
      aim: "Use lift equipment for 90 percent of patient lifts and cut handling injuries by two thirds.",
      compassPoints: ["BEST_PLACE_TO_WORK"],
      tools: ["FIVE_WHYS", "STANDARD_WORK"],
      measures: [
        outcome("Patient-handling injuries", "per quarter", 6, 2),
        processMeasure("Lifts using equipment", "%", 48, 90),
      ],
      changeIdeas: ["a lift champion on every shift", "ceiling lifts in the heaviest-use rooms", "lift equipment checks at shift start"],
    },
  ],
  EMERGENCY: [
    {
      title: "Cut door-to-doctor time",
      aim: "Cut the median door-to-doctor time from 34 to 20 minutes.",
      compassPoints: ["BEST_SERVICE", "BEST_QUALITY"],
      tools: ["VALUE_STREAM_MAP", "RUN_CHART"],
      measures: [
        outcome("Median door-to-doctor time", "minutes", 34, 20),
        balancing("Patients who left without being seen", "%", 2.5, "DECREASE", 1),
      ],
      changeIdeas: ["a provider in triage at peak hours", "split flow for low-acuity patients", "bedside registration"],
    },
    {
      title: "Faster bed assignment for admitted patients",
      aim: "Cut the time from admit order to inpatient bed from 190 to 120 minutes.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["PROCESS_MAP", "HUDDLE_BOARD"],
      measures: [outcome("Minutes from admit order to bed", "minutes", 190, 120)],
      changeIdeas: ["a bed-board huddle every four hours", "nurse-to-nurse handoff by phone", "pulling admitted patients to the floor"],
      savings: savings("COST_AVOIDANCE", 40_000, 400_000, 0.3, "Boarding hours avoided times the cost of an emergency department bed hour."),
    },
    {
      title: "Reduce workplace violence in the emergency department",
      aim: "Halve the incidents of violence against staff and train every team member in de-escalation.",
      compassPoints: ["BEST_PLACE_TO_WORK"],
      tools: ["FISHBONE", "HUDDLE_BOARD"],
      measures: [
        outcome("Violent incidents reported", "per month", 9, 4),
        processMeasure("Staff trained in de-escalation", "%", 35, 90),
      ],
      changeIdeas: ["a behavioural alert flag at triage", "de-escalation drills at huddles", "a security officer at the triage desk at night"],
    },
  ],
  SURGERY: [
    {
      title: "Start first cases on time",
      aim: "Start 85 percent of first cases on time.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["VALUE_STREAM_MAP", "STANDARD_WORK", "RUN_CHART"],
      measures: [outcome("First cases starting on time", "%", 58, 85)],
      changeIdeas: ["a pre-op checklist done the day before", "anaesthesia consent before 7 a.m.", "a 6:45 room-ready huddle"],
      savings: savings("SOFT_SAVINGS", 40_000, 400_000, 0.5, "Operating-room minutes recovered times the cost per minute."),
    },
    {
      title: "Reduce instrument tray errors",
      aim: "Cut trays with missing or wrong instruments from 4.5 to 1.5 per 100.",
      compassPoints: ["BEST_QUALITY"],
      tools: ["FIVE_S", "STANDARD_WORK", "PARETO"],
      measures: [outcome("Trays with missing or wrong instruments", "per 100 trays", 4.5, 1.5, 1)],
      changeIdeas: ["photo count sheets for every tray", "a second check on complex trays", "a tray-error log reviewed weekly"],
    },
    {
      title: "Cut same-day surgery cancellations",
      aim: "Halve same-day cancellations from 6 to 3 percent.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["PARETO", "FIVE_WHYS"],
      measures: [outcome("Same-day cancellations", "%", 6, 3, 1)],
      changeIdeas: ["pre-op calls two days ahead", "lab results checked a week before", "transport arranged at scheduling"],
      savings: savings("COST_AVOIDANCE", 30_000, 360_000, 0.4, "Cancelled cases avoided times the average cost of an idle operating-room slot."),
    },
  ],
  MATERNAL_CHILD: [
    {
      title: "Skin-to-skin contact after every birth",
      aim: "Give 92 percent of newborns skin-to-skin contact in their first hour.",
      compassPoints: ["BEST_QUALITY", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["STANDARD_WORK", "RUN_CHART"],
      measures: [outcome("Newborns with skin-to-skin in the first hour", "%", 70, 92)],
      changeIdeas: ["delaying routine newborn checks", "skin-to-skin in the operating room after caesareans", "a prompt on the delivery checklist"],
    },
    {
      title: "Support exclusive breastfeeding at discharge",
      aim: "Raise exclusive breastfeeding at discharge from 58 to 70 percent.",
      compassPoints: ["BEST_QUALITY"],
      tools: ["VOICE_OF_CUSTOMER", "RUN_CHART"],
      measures: [outcome("Exclusive breastfeeding at discharge", "%", 58, 70)],
      changeIdeas: ["a lactation visit within six hours of birth", "a night-time feeding support round", "a bedside feeding log"],
    },
    {
      title: "First-trimester prenatal visits",
      aim: "See 90 percent of pregnant members in their first trimester.",
      compassPoints: ["BEST_SERVICE", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["PROCESS_MAP"],
      measures: [outcome("Members seen in the first trimester", "%", 80, 90)],
      changeIdeas: ["booking the first visit at the pregnancy test", "a nurse intake call within a week", "evening intake sessions"],
    },
  ],
  LABORATORY: [
    {
      title: "Reduce rejected specimens",
      aim: "Cut rejected specimens from 2.8 to 1.2 percent.",
      compassPoints: ["BEST_QUALITY", "MOST_AFFORDABLE"],
      tools: ["PARETO", "FISHBONE", "STANDARD_WORK"],
      measures: [outcome("Specimens rejected", "%", 2.8, 1.2, 1)],
      changeIdeas: ["label printing at the draw station", "a tube-order guide at every chair", "feedback to units on each rejection"],
      savings: savings("HARD_SAVINGS", 10_000, 100_000, 0.3, "Recollections avoided times the cost of a redraw and retest."),
    },
    {
      title: "Faster turnaround for stat results",
      aim: "Report 92 percent of stat results within 60 minutes.",
      compassPoints: ["BEST_SERVICE", "BEST_QUALITY"],
      tools: ["VALUE_STREAM_MAP", "RUN_CHART"],
      measures: [outcome("Stat results within 60 minutes", "%", 76, 92)],
      changeIdeas: ["a dedicated stat bench at peak hours", "tube-system priority for stat samples", "auto-verification of normal results"],
    },
    {
      title: "Cut reagent waste",
      aim: "Halve monthly reagent write-offs.",
      compassPoints: ["MOST_AFFORDABLE"],
      tools: ["WASTE_WALK", "FIVE_S"],
      measures: [outcome("Reagent write-offs", "$ per month", 9_000, 4_000)],
      changeIdeas: ["ordering to par instead of by habit", "sharing short-dated reagents across sites", "batching low-volume tests"],
      savings: savings("HARD_SAVINGS", 20_000, 180_000, 0.5, "Reagent write-offs before and after, from the purchasing ledger."),
    },
  ],
  IMAGING: [
    {
      title: "Shorter waits for outpatient MRI",
      aim: "Cut the wait for an outpatient MRI from 18 to 8 days.",
      compassPoints: ["BEST_SERVICE"],
      tools: ["PROCESS_MAP", "RUN_CHART"],
      measures: [outcome("Days to next MRI appointment", "days", 18, 8)],
      changeIdeas: ["evening and weekend MRI slots", "protocolling orders the day they arrive", "a cancellation call list"],
    },
    {
      title: "Reduce repeat images",
      aim: "Halve repeat images from 4 to 2 percent.",
      compassPoints: ["BEST_QUALITY", "MOST_AFFORDABLE"],
      tools: ["PARETO", "STANDARD_WORK"],
      measures: [outcome("Images repeated", "%", 4, 2, 1)],
      changeIdeas: ["positioning guides at each room", "peer review of rejected images", "a pre-scan checklist"],
      savings: savings("SOFT_SAVINGS", 10_000, 80_000, 0.4, "Repeat exposures avoided times technologist and room time per image."),
    },
    {
      title: "Safe patient transfers on the imaging table",
      aim: "End strain injuries from transfers on and off the imaging table.",
      compassPoints: ["BEST_PLACE_TO_WORK"],
      tools: ["FIVE_WHYS", "STANDARD_WORK"],
      measures: [outcome("Staff strain injuries", "per year", 5, 1)],
      changeIdeas: ["slide boards in every room", "two-person transfers for heavy patients", "a transfer-technique refresher"],
    },
  ],
  BEHAVIORAL_HEALTH: [
    {
      title: "Timely first appointments for mental health",
      aim: "Offer a first appointment within 7 days.",
      compassPoints: ["BEST_SERVICE", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["PROCESS_MAP", "RUN_CHART"],
      measures: [outcome("Days to first appointment", "days", 14, 7)],
      changeIdeas: ["group intake sessions", "video first visits", "a daily intake huddle"],
    },
    {
      title: "Follow up every positive depression screen",
      aim: "Follow up 85 percent of positive screens within 30 days.",
      compassPoints: ["BEST_QUALITY"],
      tools: ["STANDARD_WORK", "RUN_CHART"],
      measures: [processMeasure("Positive screens followed up within 30 days", "%", 60, 85)],
      changeIdeas: ["a warm handoff from primary care", "a follow-up call list", "care-manager check-ins"],
    },
  ],
  REHABILITATION: [
    {
      title: "Cut cancelled and missed therapy visits",
      aim: "Cut cancelled or missed visits from 15 to 8 percent.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["PARETO", "RUN_CHART"],
      measures: [outcome("Cancelled or missed visits", "%", 15, 8)],
      changeIdeas: ["booking the full plan of care at the first visit", "text reminders", "video visits for follow-ups"],
      savings: savings("SOFT_SAVINGS", 10_000, 100_000, 0.3, "Visit slots recovered times the cost of a therapy visit."),
    },
    {
      title: "Home exercise programmes members keep up",
      aim: "Raise the share of members doing their home exercises at follow-up from 45 to 70 percent.",
      compassPoints: ["BEST_QUALITY", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["VOICE_OF_CUSTOMER"],
      measures: [outcome("Members doing their exercises at follow-up", "%", 45, 70)],
      changeIdeas: ["video exercise instructions", "fewer exercises, better explained", "a check-in message at one week"],
    },
  ],
  MEMBER_SERVICES: [
    {
      title: "Answer member calls faster",
      aim: "Answer 85 percent of calls within 60 seconds.",
      compassPoints: ["BEST_SERVICE"],
      tools: ["RUN_CHART", "HUDDLE_BOARD"],
      measures: [
        outcome("Calls answered within 60 seconds", "%", 68, 85),
        balancing("Calls resolved on first contact", "%", 74, "INCREASE"),
      ],
      changeIdeas: ["staggered lunch breaks", "a call-back option at peak hours", "quick-reference guides for common questions"],
    },
    {
      title: "Register members right the first time",
      aim: "Cut registrations needing correction from 7 to 3 percent.",
      compassPoints: ["BEST_QUALITY", "MOST_AFFORDABLE"],
      tools: ["PARETO", "STANDARD_WORK"],
      measures: [outcome("Registrations needing correction", "%", 7, 3)],
      changeIdeas: ["insurance card scans at check-in", "a verification script", "daily error feedback"],
      savings: savings("REVENUE", 20_000, 200_000, 0.4, "Claims paid on first submission that were previously denied, from the billing system."),
    },
    {
      title: "Fewer billing complaints",
      aim: "Halve member complaints about billing.",
      compassPoints: ["BEST_SERVICE", "PATIENT_AND_MEMBER_FOCUS"],
      tools: ["VOICE_OF_CUSTOMER", "FIVE_WHYS"],
      measures: [outcome("Billing complaints", "per month", 40, 20)],
      changeIdeas: ["plain-language cost estimates", "a billing question line", "training on explaining statements"],
    },
  ],
  TRANSPORT_LOGISTICS: [
    {
      title: "On-time patient transport",
      aim: "Complete 90 percent of patient transports on time.",
      compassPoints: ["BEST_SERVICE", "BEST_QUALITY"],
      tools: ["PROCESS_MAP", "RUN_CHART"],
      measures: [outcome("Transports on time", "%", 72, 90)],
      changeIdeas: ["zone assignments for transporters", "a dispatch board at the desk", "batching discharges by floor"],
    },
    {
      title: "Par levels that stop stock-outs",
      aim: "Cut stock-outs from 12 a week to 3.",
      compassPoints: ["MOST_AFFORDABLE", "BEST_QUALITY"],
      tools: ["FIVE_S", "VALUE_STREAM_MAP"],
      measures: [outcome("Stock-outs", "per week", 12, 3)],
      changeIdeas: ["two-bin restocking", "par levels reset from usage data", "a stock-out log at each supply room"],
      savings: savings("HARD_SAVINGS", 20_000, 240_000, 0.5, "Rush orders and expired surplus avoided, from purchasing data."),
    },
    {
      title: "Safe lifting on the loading dock",
      aim: "Cut lifting injuries from four a quarter to one.",
      compassPoints: ["BEST_PLACE_TO_WORK"],
      tools: ["FIVE_WHYS", "STANDARD_WORK"],
      measures: [outcome("Lifting injuries", "per quarter", 4, 1)],
      changeIdeas: ["a powered pallet jack", "team lifts over 35 pounds", "a stretch-and-flex routine before shifts"],
    },
  ],
  ENVIRONMENTAL_SERVICES: [
    {
      title: "Faster room turnaround after discharge",
      aim: "Cut the time from discharge to a clean room from 95 to 60 minutes.",
      compassPoints: ["BEST_SERVICE", "MOST_AFFORDABLE"],
      tools: ["VALUE_STREAM_MAP", "RUN_CHART"],
      measures: [outcome("Minutes from discharge to clean room", "minutes", 95, 60)],
      changeIdeas: ["discharge alerts to housekeepers' phones", "a dedicated discharge cleaner at peak times", "pre-stocked cleaning carts"],
    },
    {
      title: "Cleaning that prevents hospital-acquired infections",
      aim: "Pass 95 percent of fluorescent-marker audits.",
      compassPoints: ["BEST_QUALITY"],
      tools: ["STANDARD_WORK", "RUN_CHART"],
      measures: [outcome("Rooms passing the fluorescent-marker audit", "%", 70, 95)],
      changeIdeas: ["a high-touch surface checklist", "peer audits each shift", "UV disinfection for isolation rooms"],
    },
    {
      title: "Cut linen costs",
      aim: "Cut linen cost per patient day from $9.80 to $7.50.",
      compassPoints: ["MOST_AFFORDABLE"],
      tools: ["WASTE_WALK", "PARETO"],
      measures: [outcome("Linen cost per patient day", "$", 9.8, 7.5, 2)],
      changeIdeas: ["linen par levels per unit", "retrieving linen from discharge rooms", "staff education on linen use"],
      savings: savings("HARD_SAVINGS", 20_000, 200_000, 0.6, "Linen cost per patient day before and after, times patient days."),
    },
  ],
  HEALTH_PLAN_ADMINISTRATION: [
    {
      title: "Process claims right the first time",
      aim: "Cut claims needing rework from 9 to 4 percent.",
      compassPoints: ["BEST_QUALITY", "MOST_AFFORDABLE"],
      tools: ["PARETO", "STANDARD_WORK", "RUN_CHART"],
      measures: [outcome("Claims needing rework", "%", 9, 4)],
      changeIdeas: ["a checklist for the ten most common errors", "peer review of new processors' work", "fixing the top rejection code at the source"],
      savings: savings("SOFT_SAVINGS", 20_000, 300_000, 0.5, "Rework hours avoided times the hourly cost of a claims processor."),
    },
    {
      title: "Faster enrollment for new members",
      aim: "Complete enrollment in 5 days instead of 10.",
      compassPoints: ["BEST_SERVICE"],
      tools: ["VALUE_STREAM_MAP", "PROCESS_MAP"],
      measures: [outcome("Days to complete enrollment", "days", 10, 5)],
      changeIdeas: ["electronic enrollment forms", "a daily queue review", "one owner per employer group"],
    },
  ],
  FINANCE: [
    {
      title: "Pay suppliers on time and capture discounts",
      aim: "Pay 96 percent of invoices within terms.",
      compassPoints: ["MOST_AFFORDABLE"],
      tools: ["PROCESS_MAP", "RUN_CHART"],
      measures: [outcome("Invoices paid within terms", "%", 81, 96)],
      changeIdeas: ["electronic invoice routing", "a weekly aging review", "approval reminders to budget owners"],
      savings: savings("HARD_SAVINGS", 40_000, 500_000, 0.6, "Early-payment discounts captured and late fees avoided, from the payables ledger."),
    },
    {
      title: "Close the books faster",
      aim: "Close the month in 5 working days instead of 8.",
      compassPoints: ["MOST_AFFORDABLE", "BEST_PLACE_TO_WORK"],
      tools: ["VALUE_STREAM_MAP", "STANDARD_WORK"],
      measures: [outcome("Working days to month-end close", "days", 8, 5)],
      changeIdeas: ["accruals prepared before month end", "a close calendar everyone shares", "automated reconciliations"],
    },
    {
      title: "Fewer payroll corrections",
      aim: "Cut paychecks needing correction from 55 to 20 per pay period.",
      compassPoints: ["BEST_PLACE_TO_WORK"],
      tools: ["PARETO", "FIVE_WHYS"],
      measures: [outcome("Paychecks needing correction", "per pay period", 55, 20)],
      changeIdeas: ["timecard reminders to managers", "an edit check for missing punches", "a correction request form"],
    },
  ],
  INFORMATION_TECHNOLOGY: [
    {
      title: "Resolve service desk tickets on first contact",
      aim: "Resolve 75 percent of tickets on first contact.",
      compassPoints: ["BEST_SERVICE"],
      tools: ["PARETO", "STANDARD_WORK"],
      measures: [outcome("Tickets resolved on first contact", "%", 58, 75)],
      changeIdeas: ["a knowledge base of the top twenty fixes", "remote-control tools for every agent", "password reset self-service"],
    },
    {
      title: "Cut unplanned downtime",
      aim: "Cut unplanned downtime from 14 to 5 hours a month.",
      compassPoints: ["BEST_QUALITY", "MOST_AFFORDABLE"],
      tools: ["FISHBONE", "FIVE_WHYS", "RUN_CHART"],
      measures: [outcome("Unplanned downtime", "hours per month", 14, 5)],
      changeIdeas: ["change reviews before every release", "monitoring alerts on disk and memory", "a blameless post-incident review"],
      savings: savings("COST_AVOIDANCE", 40_000, 600_000, 0.5, "Downtime hours avoided times the cost of an hour of lost clinical productivity."),
    },
    {
      title: "Working laptops on a new hire's first day",
      aim: "Cut the days from start date to a working laptop from 4 to 1.",
      compassPoints: ["BEST_PLACE_TO_WORK"],
      tools: ["PROCESS_MAP"],
      measures: [outcome("Days from start date to working laptop", "days", 4, 1)],
      changeIdeas: ["imaging devices before the start date", "a new-hire kit at the service desk", "accounts created from the hiring system"],
    },
  ],
};

/** Work any team takes on: workplace safety, waste, engagement and service. */
export const CROSS_DEPARTMENT_TEMPLATES: readonly ProjectTemplate[] = [
  {
    title: "Prevent workplace injuries with daily safety huddles",
    aim: "Cut recordable injuries from five a quarter to two.",
    compassPoints: ["BEST_PLACE_TO_WORK"],
    tools: ["HUDDLE_BOARD", "FIVE_WHYS"],
    measures: [
      outcome("Recordable injuries", "per quarter", 5, 2),
      processMeasure("Shifts starting with a safety huddle", "%", 30, 90),
    ],
    changeIdeas: ["a two-minute safety huddle at shift start", "a near-miss board", "a monthly safety walk with the champion"],
  },
  {
    title: "Cut supply waste with a 5S of the storeroom",
    aim: "Cut monthly supply spend from $22,000 to $17,000.",
    compassPoints: ["MOST_AFFORDABLE"],
    tools: ["FIVE_S", "WASTE_WALK"],
    measures: [outcome("Supply spend", "$ per month", 22_000, 17_000)],
    changeIdeas: ["labelled bins with par levels", "removing duplicate stock", "a weekly storeroom check"],
    savings: savings("HARD_SAVINGS", 10_000, 160_000, 0.6, "Monthly supply spend before and after, from the department's cost report."),
  },
  {
    title: "Raise attendance at team meetings",
    aim: "Bring 75 percent of team members to monthly meetings.",
    compassPoints: ["BEST_PLACE_TO_WORK"],
    tools: ["HUDDLE_BOARD"],
    measures: [outcome("Team members at monthly meetings", "%", 45, 75)],
    changeIdeas: ["meetings at shift overlap", "a call-in option", "rotating who runs the meeting"],
  },
  {
    title: "Improve member experience scores",
    aim: "Raise the share of members rating their visit 9 or 10 from 72 to 82 percent.",
    compassPoints: ["BEST_SERVICE", "PATIENT_AND_MEMBER_FOCUS"],
    tools: ["VOICE_OF_CUSTOMER", "RUN_CHART"],
    measures: [outcome("Members rating their visit 9 or 10", "%", 72, 82)],
    changeIdeas: ["introducing ourselves by name and role", "explaining delays as they happen", "a thank-you card with the visit summary"],
  },
  {
    title: "Reduce overtime through better scheduling",
    aim: "Cut overtime from 120 to 70 hours per pay period.",
    compassPoints: ["MOST_AFFORDABLE", "BEST_PLACE_TO_WORK"],
    tools: ["PARETO", "RUN_CHART"],
    measures: [
      outcome("Overtime hours", "per pay period", 120, 70),
      balancing("Shifts left short-staffed", "per pay period", 3, "DECREASE"),
    ],
    changeIdeas: ["self-scheduling six weeks ahead", "a float pool shared with the next unit", "shift swaps approved at huddle"],
    savings: savings("HARD_SAVINGS", 20_000, 300_000, 0.5, "Overtime hours avoided times the average overtime rate, from payroll."),
  },
  {
    title: "Prevent slips, trips and falls at work",
    aim: "Cut slip, trip and fall injuries from six a year to two.",
    compassPoints: ["BEST_PLACE_TO_WORK"],
    tools: ["WASTE_WALK", "FIVE_WHYS"],
    measures: [outcome("Slip, trip and fall injuries", "per year", 6, 2)],
    changeIdeas: ["a monthly hazard walk", "spill kits at every sink", "slip-resistant shoes for wet areas"],
  },
  {
    title: "Cut energy use after hours",
    aim: "Cut the monthly energy bill from $8,000 to $6,500.",
    compassPoints: ["MOST_AFFORDABLE"],
    tools: ["WASTE_WALK", "STANDARD_WORK"],
    measures: [outcome("Energy cost", "$ per month", 8_000, 6_500)],
    changeIdeas: ["a closing checklist for lights and equipment", "timers on break-room appliances", "computers set to sleep at night"],
    savings: savings("HARD_SAVINGS", 6_000, 60_000, 0.7, "Utility bills for the same months before and after."),
  },
  {
    title: "Welcome new staff with a buddy programme",
    aim: "Keep 90 percent of new hires on the team after a year.",
    compassPoints: ["BEST_PLACE_TO_WORK"],
    tools: ["VOICE_OF_CUSTOMER"],
    measures: [outcome("New hires still on the team after a year", "%", 78, 90)],
    changeIdeas: ["a buddy for every new hire", "a 30-day check-in with both co-leads", "a welcome lunch in the first week"],
  },
];
