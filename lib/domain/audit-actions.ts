// Every kind of change the audit log records, with the words the history pages and the
// audit page show for it: adding an action without its label is a type error.

export const AUDIT_ACTION_LABELS = {
  "project.created": "Project created",
  "project.updated": "Project details changed",
  "project.statusChanged": "Project status changed",
  "measure.added": "Measure added",
  "measure.updated": "Measure changed",
  "measure.removed": "Measure removed",
  "dataPoint.added": "Data point added",
  "dataPoint.removed": "Data point removed",
  "cycle.added": "PDSA cycle added",
  "cycle.updated": "PDSA cycle updated",
  "practice.adopted": "Practice adopted",
  "savings.reported": "Savings reported",
  "savings.updated": "Savings corrected",
  "savings.validated": "Savings validated",
  "savings.rejected": "Savings rejected",
  "rating.created": "Rating started",
  "rating.updated": "Rating changed",
  "rating.signed": "Rating signed",
  "rating.disagreed": "Disagreement recorded",
  "rating.reopened": "Rating reopened",
  "criteria.draftCreated": "Criteria draft created",
  "criteria.added": "Criterion added",
  "criteria.updated": "Criterion changed",
  "criteria.removed": "Criterion removed",
  "criteria.renamed": "Criteria set renamed",
  "criteria.draftDiscarded": "Criteria draft discarded",
  "criteria.published": "Criteria published",
  "criteria.retired": "Criteria retired",
  "facility.created": "Facility created",
  "facility.updated": "Facility changed",
  "facility.retired": "Facility retired",
  "facility.reactivated": "Facility reactivated",
  "department.created": "Department created",
  "department.updated": "Department changed",
  "department.merged": "Department merged",
  "team.created": "Team created",
  "team.updated": "Team details changed",
  "team.retired": "Team retired",
  "team.reactivated": "Team reactivated",
  "person.created": "Person added",
  "person.updated": "Person changed",
  "account.created": "Account created",
  "account.invited": "Invitation sent",
  "account.resetIssued": "Password reset issued",
  "account.passwordSet": "Password set",
  "account.deactivated": "Account deactivated",
  "account.reactivated": "Account reactivated",
  "account.signedOutEverywhere": "Signed out everywhere",
  "account.sessionEnded": "Session ended",
  "account.passwordChanged": "Password changed",
  "notifications.preferencesChanged": "Notification preferences changed",
  "notifications.unsubscribed": "Unsubscribed from email",
  "role.granted": "Role granted",
  "role.ended": "Role ended",
  "role.handedOver": "Role handed over",
  "roster.memberAdded": "Added to the roster",
  "roster.memberUpdated": "Roster entry changed",
  "rating.imported": "Rating imported",
  "import.completed": "File imported",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** The kinds of record entries are written for (an entry's entityType), with their names. */
export const AUDIT_ENTITY_LABELS = {
  Team: "Team",
  TeamMember: "Roster member",
  RoleAssignment: "Role",
  Rating: "Rating",
  Project: "Project",
  Measure: "Measure",
  DataPoint: "Data point",
  PdsaCycle: "PDSA cycle",
  SavingsEntry: "Savings entry",
  Criterion: "Criterion",
  CriteriaSet: "Criteria set",
  Facility: "Facility",
  Department: "Department",
  Person: "Person",
  User: "Sign-in account",
  Import: "Import",
} as const;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[];

/** An action's words; a code no longer in the list (an old entry) is shown as it is rather than hidden. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as AuditAction] : action;
}

export function auditEntityLabel(entityType: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, entityType) ? AUDIT_ENTITY_LABELS[entityType as AuditEntityType] : entityType;
}

const IMPORT_REASON_PREFIX = "Imported from ";

/** The reason every entry of a CSV import carries, naming the file: how history tells an import from a hand edit. */
export function importReason(fileName: string): string {
  return `${IMPORT_REASON_PREFIX}${fileName}`;
}

export function isImportReason(reason: string | null): boolean {
  return reason?.startsWith(IMPORT_REASON_PREFIX) ?? false;
}
