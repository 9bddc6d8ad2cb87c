// How history shows a field of an audit snapshot: its label and its values in the words the
// record's own page uses (money from cents, days, statuses, levels, names instead of ids).
import type { FieldChange, JsonValue } from "@/lib/domain/audit-diff";
import { formatCents } from "@/lib/domain/money";
import { COMPASS_LABELS, PROJECT_STATUS_LABELS } from "@/lib/domain/projects";
import { queueStatusLabel } from "@/lib/domain/rating-workflow";
import { KEY_TEAM_ROLE_LABELS, ROLE_LABELS } from "@/lib/domain/roles";
import { SAVINGS_CATEGORY_LABELS, SAVINGS_RECURRENCE_LABELS, SAVINGS_STATUS_LABELS } from "@/lib/domain/savings";
import { TOOL_LABELS } from "@/lib/domain/tools";
import { formatDayText, formatLevel } from "@/lib/format";
import type { RatingStatus } from "@/lib/generated/prisma/enums";
import { DECISION_LABELS } from "@/lib/validation/cycles";
import { DIRECTION_LABELS, MEASURE_KIND_LABELS } from "@/lib/validation/measures";
import { DEPARTMENT_TYPE_LABELS } from "@/lib/validation/practices";

/** Names of the records snapshots refer to by id (people, teams, goals, criteria…), looked up by the page. */
export type RecordNames = ReadonlyMap<string, string>;

/** A change as history shows it: a label and both values in words (null: the side has no value). */
export type ChangeView = { label: string; kind: FieldChange["kind"]; before: string | null; after: string | null };

const FIELD_LABELS: Record<string, string> = {
  aim: "Aim",
  compassPoints: "Value Compass points",
  goalId: "Aligned goal",
  tools: "Tools",
  startDate: "Start date",
  targetDate: "Target date",
  amountCents: "Amount",
  category: "Category",
  recurrence: "One-time or recurring",
  periodStart: "Period from",
  periodEnd: "Period to",
  reportedOn: "Reported on",
  method: "Method",
  evidence: "Evidence",
  rejectionReason: "Reason for rejection",
  checks: "Criteria",
  met: "Met",
  note: "Note",
  level: "Level",
  side: "Side",
  kind: "Kind",
  unit: "Unit",
  baseline: "Baseline",
  direction: "Direction",
  number: "Cycle",
  plan: "Plan",
  prediction: "Prediction",
  doNotes: "Do",
  study: "Study",
  decision: "Decision",
  actNotes: "Act",
  members: "People on the project",
  participants: "People on the cycle",
  collectedBy: "Collected by",
  measureId: "Measure",
  dataPoints: "Data points",
  personId: "Person",
  displayName: "Name",
  joinedOn: "Joined",
  leftOn: "Left",
  keyRoles: "Key roles",
  role: "Role",
  teamId: "Team",
  regionId: "Region",
  facilityId: "Facility",
  departmentId: "Department",
  unionLocalId: "Union local",
  charteredQuarter: "Chartered",
  retiredQuarter: "Retired from",
  projectId: "Project",
  employeeId: "Employee id",
  endedAssignment: "Ended role",
  grantedAssignment: "Granted role",
};

/** Fields that are bookkeeping, not content: a new version number says nothing a reader needs. */
const HIDDEN_FIELDS = new Set(["version"]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "compassPoints" → "Compass points": the label of a field nobody named yet. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "HARD_SAVINGS" → "Hard savings": the words of a code nobody named yet. */
function humaniseCode(code: string): string {
  return humanise(code.toLowerCase());
}

function segmentLabel(segment: string, names: RecordNames): string {
  if (UUID.test(segment)) return names.get(segment) ?? "A removed record";
  return FIELD_LABELS[segment] ?? humanise(segment);
}

/** "Criteria › Sponsors are named › Met". */
export function fieldLabel(path: readonly string[], names: RecordNames): string {
  return path.length === 0 ? "Value" : path.map((segment) => segmentLabel(segment, names)).join(" › ");
}

function pick(labels: Record<string, string>, code: string): string {
  return Object.hasOwn(labels, code) ? labels[code]! : humaniseCode(code);
}

// A snapshot's rating status says nothing of whose signature it awaited: the words without the sides.
const RATING_STATUS_LABELS: Record<RatingStatus, string> = {
  DRAFT: queueStatusLabel("DRAFT"),
  AWAITING_SIGNOFF: "Awaiting sign-off",
  FINAL: queueStatusLabel("FINAL"),
  DISPUTED: queueStatusLabel("DISPUTED"),
};

function statusLabel(entityType: string, code: string): string {
  if (entityType === "Project") return pick(PROJECT_STATUS_LABELS, code);
  if (entityType === "SavingsEntry") return pick(SAVINGS_STATUS_LABELS, code);
  if (entityType === "Rating") return pick(RATING_STATUS_LABELS, code);
  return humaniseCode(code);
}

/** Code lists by field: where a field holds one of the app's codes, the words its pages use. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  compassPoints: COMPASS_LABELS,
  tools: TOOL_LABELS,
  category: SAVINGS_CATEGORY_LABELS,
  recurrence: SAVINGS_RECURRENCE_LABELS,
  keyRoles: KEY_TEAM_ROLE_LABELS,
  role: ROLE_LABELS,
  direction: DIRECTION_LABELS,
  decision: { ...DECISION_LABELS, SIGNED: "Signed", DISAGREED: "Disagreed" },
  // Sign-offs record the side in words ("union"); a field's value starts with a capital like the rest.
  side: { union: "Union", management: "Management" },
  type: DEPARTMENT_TYPE_LABELS,
};

function scalarText(entityType: string, key: string, value: Exclude<JsonValue, JsonValue[] | { [key: string]: JsonValue }>, names: RecordNames): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") {
    if (key === "amountCents") return formatCents(value);
    if (key === "level") return formatLevel(value);
    return String(value);
  }
  if (key === "status") return statusLabel(entityType, value);
  if (key === "kind" && entityType === "Measure") return pick(MEASURE_KIND_LABELS, value);
  if (Object.hasOwn(CODE_LABELS, key)) return pick(CODE_LABELS[key]!, value);
  if (UUID.test(value)) return names.get(value) ?? value;
  if (DAY.test(value)) return formatDayText(value);
  return value;
}

/** One value of a field in words; lists are joined, and anything more complex is shown as its JSON (which the page wraps). */
export function formatAuditValue(entityType: string, path: readonly string[], value: JsonValue, names: RecordNames): string {
  const key = path.at(-1) ?? "";
  // A rating's level may be no level at all: below level 1, not "nothing".
  if (value === null && key === "level" && entityType === "Rating") return formatLevel(null);
  if (Array.isArray(value)) {
    if (value.length === 0) return "None";
    if (value.every((item) => item === null || typeof item !== "object")) {
      return value.map((item) => scalarText(entityType, key, item as string | number | boolean | null, names)).join(", ");
    }
    return JSON.stringify(value);
  }
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return scalarText(entityType, key, value, names);
}

/** The changes of one entry, labelled and in words, bookkeeping fields left out. */
export function describeChanges(entityType: string, changes: readonly FieldChange[], names: RecordNames): ChangeView[] {
  return changes
    .filter((change) => !change.path.some((segment) => HIDDEN_FIELDS.has(segment)))
    .map((change) => ({
      label: fieldLabel(change.path, names),
      kind: change.kind,
      before: change.before === undefined ? null : formatAuditValue(entityType, change.path, change.before, names),
      after: change.after === undefined ? null : formatAuditValue(entityType, change.path, change.after, names),
    }));
}

/** Every id a snapshot refers to (values and keyed-list keys), for the page to look up names. */
export function referencedIds(value: JsonValue | null | undefined, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string" && UUID.test(value)) into.add(value);
  else if (Array.isArray(value)) for (const item of value) referencedIds(item, into);
  else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (UUID.test(key)) into.add(key);
      referencedIds(item, into);
    }
  }
  return into;
}
