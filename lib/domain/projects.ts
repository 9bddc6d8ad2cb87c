import type { CompassPoint, ProjectStatus } from "@/lib/generated/prisma/enums";

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  IDEA: "Idea",
  ACTIVE: "Active",
  TESTING: "Testing",
  IMPLEMENTED: "Implemented",
  SUSTAINED: "Sustained",
  ABANDONED: "Abandoned",
};

/**
 * The project workflow: idea → active → testing → implemented → sustained, with
 * the honest steps back (a test that fails returns to active work; an implemented
 * change that slips is tested again) and abandonment before the change is in place.
 */
export const STATUS_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  IDEA: ["ACTIVE", "ABANDONED"],
  ACTIVE: ["TESTING", "ABANDONED"],
  TESTING: ["ACTIVE", "IMPLEMENTED", "ABANDONED"],
  IMPLEMENTED: ["SUSTAINED", "TESTING"],
  SUSTAINED: [],
  ABANDONED: ["IDEA"],
};

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** The team board's columns, in the order work moves through them (abandoned projects are not on the board). */
export const BOARD_COLUMNS: readonly ProjectStatus[] = ["IDEA", "ACTIVE", "TESTING", "IMPLEMENTED", "SUSTAINED"];

/** Where the board can move a card: one column forward or back, where the workflow allows that step. */
export function boardMoves(status: ProjectStatus): { back: ProjectStatus | null; forward: ProjectStatus | null } {
  const column = BOARD_COLUMNS.indexOf(status);
  if (column < 0) return { back: null, forward: null };
  const allowed = (neighbour: ProjectStatus | undefined) => (neighbour && STATUS_TRANSITIONS[status].includes(neighbour) ? neighbour : null);
  return { back: allowed(BOARD_COLUMNS[column - 1]), forward: allowed(BOARD_COLUMNS[column + 1]) };
}

/** Completed projects are the practices other teams can adopt. */
export const COMPLETED_STATUSES: readonly ProjectStatus[] = ["IMPLEMENTED", "SUSTAINED"];

/** Projects still being worked on must be documented at least every 90 days (use of tools, level 4). */
export const OPEN_STATUSES: readonly ProjectStatus[] = ["IDEA", "ACTIVE", "TESTING", "IMPLEMENTED"];

export const UPDATE_INTERVAL_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The 90-day rule: an open project whose last update is more than 90 days old. */
export function needsUpdate(project: { status: ProjectStatus; lastActivityAt: Date }, now: Date = new Date()): boolean {
  return OPEN_STATUSES.includes(project.status) && now.getTime() - project.lastActivityAt.getTime() > UPDATE_INTERVAL_DAYS * DAY_MS;
}

/** The moment before which an open project breaks the 90-day rule (for queries). */
export function staleBefore(now: Date = new Date()): Date {
  return new Date(now.getTime() - UPDATE_INTERVAL_DAYS * DAY_MS);
}

export const COMPASS_POINTS: readonly { key: CompassPoint; label: string }[] = [
  { key: "PATIENT_AND_MEMBER_FOCUS", label: "Patient and Member Focus" },
  { key: "BEST_QUALITY", label: "Best Quality" },
  { key: "BEST_SERVICE", label: "Best Service" },
  { key: "MOST_AFFORDABLE", label: "Most Affordable" },
  { key: "BEST_PLACE_TO_WORK", label: "Best Place to Work" },
];

/** The same points as a label table (for choices and filters). */
export const COMPASS_LABELS = Object.fromEntries(COMPASS_POINTS.map(({ key, label }) => [key, label])) as Record<CompassPoint, string>;

export function compassLabel(point: CompassPoint): string {
  return COMPASS_POINTS.find((entry) => entry.key === point)!.label;
}
