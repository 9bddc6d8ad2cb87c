/**
 * Reference data from /work/shared/DOMAIN.md: regions with their published
 * figures, the union coalition, the Value Compass and department templates.
 */
import type { CompassPoint, DepartmentType } from "@/lib/generated/prisma/enums";
import type { Quarter } from "@/lib/domain/quarter";

export type RegionSlug =
  | "colorado"
  | "georgia"
  | "hawaii"
  | "mid-atlantic-states"
  | "northern-california"
  | "northwest"
  | "southern-california"
  | "washington"
  | "national-functions";

export interface RegionReference {
  slug: RegionSlug;
  name: string;
  /** Prefix of team codes ("CO-0001"). */
  code: string;
  membersServed: number | null;
  councilSinceQuarter: Quarter | null;
  sortOrder: number;
  /** "Rated high performing as of June 2021"; null where the source prints "—". */
  published: { ubts: number; highPerforming: number } | null;
  /** How many teams the seed creates; the published UBT count where there is one. */
  teamCount: number;
}

/** The quarter whose final ratings reproduce the published table exactly. */
export const PUBLISHED_QUARTER: Quarter = "2021-Q2";

function publishedRegion(
  slug: RegionSlug,
  name: string,
  code: string,
  membersServed: number | null,
  sortOrder: number,
  ubts: number,
  highPerforming: number,
): RegionReference {
  return {
    slug,
    name,
    code,
    membersServed,
    councilSinceQuarter: null,
    sortOrder,
    published: { ubts, highPerforming },
    teamCount: ubts,
  };
}

export const REGIONS: readonly RegionReference[] = [
  publishedRegion("colorado", "Colorado", "CO", 541_000, 1, 256, 188),
  publishedRegion("georgia", "Georgia", "GA", 316_000, 2, 108, 94),
  publishedRegion("hawaii", "Hawaii", "HI", 258_000, 3, 60, 54),
  publishedRegion("mid-atlantic-states", "Mid-Atlantic States", "MAS", 787_000, 4, 277, 213),
  publishedRegion("northern-california", "Northern California", "NCAL", 4_500_000, 5, 1_347, 1_006),
  publishedRegion("northwest", "Northwest", "NW", 633_000, 6, 407, 280),
  publishedRegion("southern-california", "Southern California", "SCAL", 4_700_000, 7, 1_115, 789),
  {
    // Joined KP in 2017; its LMP council first met in 2019 Q2, so it has no 2021-Q2 figures.
    slug: "washington",
    name: "Washington",
    code: "WA",
    membersServed: 688_000,
    councilSinceQuarter: "2019-Q2",
    sortOrder: 8,
    published: null,
    teamCount: 152,
  },
  publishedRegion("national-functions", "National Functions", "NF", null, 9, 81, 50),
];

/** Washington's teams are chartered from its council's start; their first quarterly ratings follow the published quarter. */
export const WASHINGTON_FIRST_RATED_QUARTER: Quarter = "2021-Q3";

// ───────────────────────────── union coalition ─────────────────────────────

export interface InternationalReference {
  abbreviation: string;
  name: string;
  memberCount: number;
  locals: readonly LocalReference[];
}

export interface LocalReference {
  name: string;
  /** Regions whose teams this local represents. */
  regions: readonly RegionSlug[];
  /** Relative share of those regions' teams. */
  weight: number;
}

/** 28 locals of 11 internationals, 112,077 members (April 2016). Local names are illustrative. */
export const INTERNATIONALS: readonly InternationalReference[] = [
  {
    abbreviation: "AFSCME",
    name: "American Federation of State, County and Municipal Employees",
    memberCount: 18_531,
    locals: [{ name: "UNAC/UHCP (AFSCME)", regions: ["southern-california"], weight: 18 }],
  },
  {
    abbreviation: "AFT",
    name: "American Federation of Teachers",
    memberCount: 3_726,
    locals: [
      { name: "OFNHP, AFT Local 5017", regions: ["northwest"], weight: 14 },
      { name: "HNHP, AFT Local 5221", regions: ["hawaii"], weight: 10 },
    ],
  },
  {
    abbreviation: "IBT",
    name: "International Brotherhood of Teamsters",
    memberCount: 525,
    locals: [{ name: "Teamsters Local 455", regions: ["colorado"], weight: 2 }],
  },
  {
    abbreviation: "IFPTE",
    name: "International Federation of Professional and Technical Engineers",
    memberCount: 1_379,
    locals: [{ name: "IFPTE Local 20", regions: ["northern-california", "national-functions"], weight: 2 }],
  },
  {
    abbreviation: "ILWU",
    name: "International Longshore and Warehouse Union",
    memberCount: 61,
    locals: [{ name: "ILWU Local 142", regions: ["hawaii"], weight: 3 }],
  },
  {
    abbreviation: "IUOE",
    name: "International Union of Operating Engineers",
    memberCount: 24,
    locals: [{ name: "IUOE Local 501", regions: ["southern-california"], weight: 0.3 }],
  },
  {
    abbreviation: "KPNAA",
    name: "Kaiser Permanente Nurse Anesthetists Association",
    memberCount: 355,
    locals: [{ name: "KP Nurse Anesthetists Association", regions: ["southern-california"], weight: 0.6 }],
  },
  {
    abbreviation: "OPEIU",
    name: "Office and Professional Employees International Union",
    memberCount: 12_247,
    locals: [
      { name: "OPEIU Local 30", regions: ["southern-california", "national-functions"], weight: 8 },
      { name: "OPEIU Local 29", regions: ["northern-california", "national-functions"], weight: 6 },
      { name: "OPEIU Local 2", regions: ["mid-atlantic-states"], weight: 12 },
      { name: "OPEIU Local 8", regions: ["washington", "northwest"], weight: 8 },
    ],
  },
  {
    abbreviation: "SEIU",
    name: "Service Employees International Union",
    memberCount: 58_493,
    locals: [
      {
        name: "SEIU-UHW",
        regions: ["northern-california", "southern-california", "national-functions"],
        weight: 60,
      },
      { name: "SEIU Local 49", regions: ["northwest"], weight: 30 },
      { name: "SEIU Local 105", regions: ["colorado"], weight: 25 },
      { name: "SEIU Healthcare 1199NW", regions: ["washington"], weight: 25 },
    ],
  },
  {
    abbreviation: "UFCW",
    name: "United Food and Commercial Workers International Union",
    memberCount: 10_003,
    locals: [
      { name: "UFCW Local 7", regions: ["colorado"], weight: 25 },
      { name: "UFCW Local 1996", regions: ["georgia"], weight: 30 },
      { name: "UFCW Local 27", regions: ["mid-atlantic-states"], weight: 15 },
      { name: "UFCW Local 400", regions: ["mid-atlantic-states"], weight: 20 },
      { name: "UFCW Local 555", regions: ["northwest"], weight: 12 },
      { name: "UFCW Local 5", regions: ["northern-california"], weight: 4 },
      { name: "UFCW Local 324", regions: ["southern-california"], weight: 3 },
      { name: "UFCW Local 770", regions: ["southern-california"], weight: 3 },
      { name: "UFCW Local 135", regions: ["southern-california"], weight: 2 },
      { name: "UFCW Local 1167", regions: ["southern-california"], weight: 2 },
      { name: "UFCW Local 3000", regions: ["washington"], weight: 10 },
    ],
  },
  {
    abbreviation: "USW",
    name: "United Steelworkers",
    memberCount: 6_733,
    locals: [{ name: "USW Local 7600", regions: ["southern-california"], weight: 9 }],
  },
];

// ───────────────────────────── Value Compass ─────────────────────────────

/** Adopted in the 2010 national agreement: four points around a centre. */
export const VALUE_COMPASS: readonly { point: CompassPoint; label: string; isCentre: boolean }[] = [
  { point: "PATIENT_AND_MEMBER_FOCUS", label: "Patient and Member Focus", isCentre: true },
  { point: "BEST_QUALITY", label: "Best Quality", isCentre: false },
  { point: "BEST_SERVICE", label: "Best Service", isCentre: false },
  { point: "MOST_AFFORDABLE", label: "Most Affordable", isCentre: false },
  { point: "BEST_PLACE_TO_WORK", label: "Best Place to Work", isCentre: false },
];

// ───────────────────────────── departments ─────────────────────────────

export type FacilityKind = "MEDICAL_CENTER" | "AMBULATORY_CENTER" | "MEDICAL_OFFICES" | "SERVICE_CENTER" | "NATIONAL_OFFICE";

export interface DepartmentTemplate {
  name: string;
  type: DepartmentType;
  /** Several teams share the department, one per unit ("4 East", "Night Shift"). */
  units?: readonly string[];
}

const NURSING_UNITS = ["2 West", "3 East", "3 West", "4 East", "4 West", "5 North", "5 South"] as const;
const SHIFTS = ["Day Shift", "Evening Shift", "Night Shift"] as const;
const WORK_GROUPS = ["Team 1", "Team 2", "Team 3", "Team 4"] as const;

/** Departments of a hospital. */
const MEDICAL_CENTER_DEPARTMENTS: readonly DepartmentTemplate[] = [
  { name: "Emergency Department", type: "EMERGENCY", units: ["Adult", "Pediatric"] },
  { name: "Medical/Surgical", type: "INPATIENT_NURSING", units: NURSING_UNITS },
  { name: "Intensive Care Unit", type: "INPATIENT_NURSING" },
  { name: "Telemetry", type: "INPATIENT_NURSING" },
  { name: "Discharge Assistants", type: "INPATIENT_NURSING" },
  { name: "Case Management", type: "INPATIENT_NURSING" },
  { name: "Labor and Delivery", type: "MATERNAL_CHILD" },
  { name: "Mother-Baby Unit", type: "MATERNAL_CHILD" },
  { name: "Neonatal Intensive Care Unit", type: "MATERNAL_CHILD" },
  { name: "Operating Room", type: "SURGERY", units: ["Main", "Cardiovascular"] },
  { name: "Ambulatory Surgery", type: "SURGERY" },
  { name: "Post-Anesthesia Care Unit", type: "SURGERY" },
  { name: "Sterile Processing", type: "SURGERY" },
  { name: "Inpatient Pharmacy", type: "PHARMACY" },
  { name: "Outpatient Pharmacy", type: "PHARMACY" },
  { name: "Clinical Laboratory", type: "LABORATORY", units: SHIFTS },
  { name: "Pathology", type: "LABORATORY" },
  { name: "Diagnostic Imaging", type: "IMAGING" },
  { name: "CT and MRI", type: "IMAGING" },
  { name: "Physical Therapy", type: "REHABILITATION" },
  { name: "Respiratory Therapy", type: "REHABILITATION" },
  { name: "Psychiatry", type: "BEHAVIORAL_HEALTH" },
  { name: "Oncology Infusion", type: "SPECIALTY_CARE" },
  { name: "Dialysis", type: "SPECIALTY_CARE" },
  { name: "Cardiology", type: "SPECIALTY_CARE" },
  { name: "Admitting and Registration", type: "MEMBER_SERVICES" },
  { name: "Health Information Management", type: "MEMBER_SERVICES" },
  { name: "Environmental Services", type: "ENVIRONMENTAL_SERVICES", units: SHIFTS },
  { name: "Food and Nutrition Services", type: "ENVIRONMENTAL_SERVICES" },
  { name: "Facilities Engineering", type: "ENVIRONMENTAL_SERVICES" },
  { name: "Patient Transport", type: "TRANSPORT_LOGISTICS" },
  { name: "Materials Management", type: "TRANSPORT_LOGISTICS" },
];

/** Departments of a medical office building. */
const MEDICAL_OFFICE_DEPARTMENTS: readonly DepartmentTemplate[] = [
  { name: "Adult Primary Care", type: "PRIMARY_CARE", units: ["Module A", "Module B", "Module C"] },
  { name: "Family Medicine", type: "PRIMARY_CARE" },
  { name: "Pediatrics", type: "PRIMARY_CARE" },
  { name: "Health Education", type: "PRIMARY_CARE" },
  { name: "Obstetrics and Gynecology", type: "MATERNAL_CHILD" },
  { name: "Pharmacy", type: "PHARMACY" },
  { name: "Laboratory", type: "LABORATORY" },
  { name: "Radiology", type: "IMAGING" },
  { name: "Mental Health and Wellness", type: "BEHAVIORAL_HEALTH" },
  { name: "Physical Therapy", type: "REHABILITATION" },
  { name: "Optometry and Optical", type: "SPECIALTY_CARE" },
  { name: "Dermatology", type: "SPECIALTY_CARE" },
  { name: "Orthopedics", type: "SPECIALTY_CARE" },
  { name: "Front Office", type: "MEMBER_SERVICES" },
  { name: "Environmental Services", type: "ENVIRONMENTAL_SERVICES" },
];

/** A large outpatient centre: medical offices plus surgery, urgent care and imaging. */
const AMBULATORY_CENTER_DEPARTMENTS: readonly DepartmentTemplate[] = [
  ...MEDICAL_OFFICE_DEPARTMENTS,
  { name: "Ambulatory Surgery", type: "SURGERY" },
  { name: "Advanced Urgent Care", type: "EMERGENCY" },
  { name: "CT and MRI", type: "IMAGING" },
  { name: "Oncology Infusion", type: "SPECIALTY_CARE" },
];

/** Regional operations: distribution, call centres, business offices. */
const SERVICE_CENTER_DEPARTMENTS: readonly DepartmentTemplate[] = [
  { name: "Couriers", type: "TRANSPORT_LOGISTICS" },
  { name: "Warehouse and Distribution", type: "TRANSPORT_LOGISTICS" },
  { name: "Mail Order Pharmacy", type: "PHARMACY", units: SHIFTS },
  { name: "Member Services Call Center", type: "MEMBER_SERVICES", units: WORK_GROUPS },
  { name: "Appointment and Advice Call Center", type: "MEMBER_SERVICES", units: WORK_GROUPS },
  { name: "Patient Business Services", type: "FINANCE" },
  { name: "Claims Processing", type: "HEALTH_PLAN_ADMINISTRATION" },
  { name: "Membership Administration", type: "HEALTH_PLAN_ADMINISTRATION" },
  { name: "Regional Reference Laboratory", type: "LABORATORY", units: SHIFTS },
  { name: "Facilities Engineering", type: "ENVIRONMENTAL_SERVICES" },
  { name: "IT Service Desk", type: "INFORMATION_TECHNOLOGY" },
];

/** National Functions: Finance, Health Plan Administration, IT. */
const NATIONAL_OFFICE_DEPARTMENTS: readonly DepartmentTemplate[] = [
  { name: "Accounts Payable", type: "FINANCE" },
  { name: "Payroll Services", type: "FINANCE" },
  { name: "General Accounting", type: "FINANCE" },
  { name: "Procurement and Supply", type: "FINANCE" },
  { name: "Claims Administration", type: "HEALTH_PLAN_ADMINISTRATION", units: WORK_GROUPS },
  { name: "Membership Accounting", type: "HEALTH_PLAN_ADMINISTRATION" },
  { name: "Benefits Administration", type: "HEALTH_PLAN_ADMINISTRATION" },
  { name: "Medicare Operations", type: "HEALTH_PLAN_ADMINISTRATION" },
  { name: "Enrollment Services", type: "HEALTH_PLAN_ADMINISTRATION" },
  { name: "Service Desk", type: "INFORMATION_TECHNOLOGY", units: SHIFTS },
  { name: "Data Center Operations", type: "INFORMATION_TECHNOLOGY" },
  { name: "Network Services", type: "INFORMATION_TECHNOLOGY" },
  { name: "Application Support", type: "INFORMATION_TECHNOLOGY" },
  { name: "Desktop Support", type: "INFORMATION_TECHNOLOGY" },
];

export const DEPARTMENT_TEMPLATES: Record<FacilityKind, readonly DepartmentTemplate[]> = {
  MEDICAL_CENTER: MEDICAL_CENTER_DEPARTMENTS,
  AMBULATORY_CENTER: AMBULATORY_CENTER_DEPARTMENTS,
  MEDICAL_OFFICES: MEDICAL_OFFICE_DEPARTMENTS,
  SERVICE_CENTER: SERVICE_CENTER_DEPARTMENTS,
  NATIONAL_OFFICE: NATIONAL_OFFICE_DEPARTMENTS,
};

/** Department types whose teams sometimes have a physician co-lead. */
export const CLINICAL_DEPARTMENT_TYPES: ReadonlySet<DepartmentType> = new Set<DepartmentType>([
  "PRIMARY_CARE",
  "SPECIALTY_CARE",
  "INPATIENT_NURSING",
  "EMERGENCY",
  "SURGERY",
  "MATERNAL_CHILD",
  "BEHAVIORAL_HEALTH",
  "IMAGING",
]);

// ───────────────────────────── goals ─────────────────────────────

export interface GoalReference {
  title: string;
  /** The compass point a project must carry to be linked to the goal. */
  compassPoint: CompassPoint;
}

export const ORGANISATION_GOALS: readonly GoalReference[] = [
  { title: "Every unit-based team high performing", compassPoint: "PATIENT_AND_MEMBER_FOCUS" },
  { title: "Reduce workplace injuries by 20 percent", compassPoint: "BEST_PLACE_TO_WORK" },
  { title: "Make care more affordable for our members", compassPoint: "MOST_AFFORDABLE" },
  { title: "Zero preventable harm to patients", compassPoint: "BEST_QUALITY" },
  { title: "Top-decile patient and member experience", compassPoint: "BEST_SERVICE" },
];

/** Each region adopts a few of these as its own goals. */
export const REGIONAL_GOALS: readonly GoalReference[] = [
  { title: "Reduce 30-day readmissions", compassPoint: "BEST_QUALITY" },
  { title: "Same-day access to primary care", compassPoint: "BEST_SERVICE" },
  { title: "Cut supply and pharmacy waste", compassPoint: "MOST_AFFORDABLE" },
  { title: "Safe patient handling in every unit", compassPoint: "BEST_PLACE_TO_WORK" },
];
