import type { CriteriaSetStatus, Dimension } from "@/lib/generated/prisma/enums";

/** The five levels of the Path to Performance, lowest first. */
export const LEVELS = [
  { level: 1, name: "Pre-Team Climate" },
  { level: 2, name: "Foundational" },
  { level: 3, name: "Transitional" },
  { level: 4, name: "Operational" },
  { level: 5, name: "High Performing" },
] as const;

export type Level = (typeof LEVELS)[number]["level"];

/** Teams at level 4 or 5 count as high performing. */
export const HIGH_PERFORMING_MIN_LEVEL = 4;

export function isHighPerforming(level: number | null): boolean {
  return level !== null && level >= HIGH_PERFORMING_MIN_LEVEL;
}

export function levelName(level: number): string {
  const found = LEVELS.find((entry) => entry.level === level);
  if (!found) throw new RangeError(`No Path to Performance level ${level}`);
  return found.name;
}

export const DIMENSIONS: readonly { key: Dimension; label: string }[] = [
  { key: "SPONSORSHIP", label: "Sponsorship" },
  { key: "LEADERSHIP", label: "Leadership" },
  { key: "TRAINING", label: "Training" },
  { key: "TEAM_PROCESS", label: "Team process" },
  { key: "TEAM_MEMBER_ENGAGEMENT", label: "Team member engagement" },
  { key: "USE_OF_TOOLS", label: "Use of tools" },
  { key: "GOALS_AND_PERFORMANCE", label: "Goals and performance" },
];

/** How a cell of the criteria grid is named in messages and labels, e.g. "Training, level 3". */
export function cellLabel(dimension: Dimension, level: number): string {
  return `${DIMENSIONS.find(({ key }) => key === dimension)!.label}, level ${level}`;
}

/** A criteria set's status in words: one draft at a time, one published set that ratings use, retired ones kept for old ratings. */
export const CRITERIA_SET_STATUS_LABELS: Record<CriteriaSetStatus, string> = { DRAFT: "Draft", PUBLISHED: "Published", RETIRED: "Retired" };
