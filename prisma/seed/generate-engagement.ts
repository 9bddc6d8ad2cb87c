/**
 * Names roster members on the seeded projects, their PDSA cycles and their data
 * points, so that engagement (lib/domain/engagement.ts) shows real figures. Teams
 * at higher levels name more of their roster, as the Path to Performance expects
 * of levels 4 and 5 ("engaged members").
 */
import type { PdsaCycleParticipant, ProjectMember, Rating, TeamMember } from "@/lib/generated/prisma/client";
import { latest, startOfDay } from "./dates";
import { groupBy } from "./group-by";
import type { ProjectRecords } from "./project-builder";
import type { Random } from "./random";

/** The chance that a roster member is named on a project, by the team's latest final level (none: not rated yet). */
const NAMING_CHANCE_BY_LEVEL: Record<number, number> = { 0: 0.15, 1: 0.2, 2: 0.3, 3: 0.45, 4: 0.65, 5: 0.8 };

export interface EngagementRecords {
  projectMembers: ProjectMember[];
  pdsaCycleParticipants: PdsaCycleParticipant[];
}

function onRosterOn(member: TeamMember, day: Date): boolean {
  return member.joinedOn <= day && (member.leftOn === null || member.leftOn >= day);
}

/**
 * Names people on `records` (setting the collectors of its data points in place) and
 * returns the namings; `levelByTeamId` holds each team's latest final level.
 */
export function generateEngagement(
  records: ProjectRecords,
  rosterByTeamId: ReadonlyMap<string, readonly TeamMember[]>,
  levelByTeamId: ReadonlyMap<string, number>,
  random: Random,
): EngagementRecords {
  const measuresByProjectId = groupBy(records.measures, (measure) => measure.projectId);
  const pointsByMeasureId = groupBy(records.dataPoints, (point) => point.measureId);
  const cyclesByProjectId = groupBy(records.pdsaCycles, (cycle) => cycle.projectId);
  const output: EngagementRecords = { projectMembers: [], pdsaCycleParticipants: [] };

  for (const project of records.projects) {
    const chance = NAMING_CHANCE_BY_LEVEL[levelByTeamId.get(project.teamId) ?? 0]!;
    const lastActive = startOfDay(project.lastActivityAt);
    const started = startOfDay(project.startDate ?? project.createdAt);
    const roster = (rosterByTeamId.get(project.teamId) ?? []).filter(
      (member) => member.joinedOn <= lastActive && (member.leftOn === null || member.leftOn >= started),
    );
    const named = roster.filter(() => random.chance(chance));
    for (const member of named) {
      const addedOn = latest(member.joinedOn, started);
      const removedOn = member.leftOn !== null && member.leftOn < lastActive ? member.leftOn : null;
      output.projectMembers.push({ id: random.uuid(), projectId: project.id, personId: member.personId, addedOn, removedOn });
    }
    if (named.length === 0) continue;

    for (const cycle of cyclesByProjectId.get(project.id) ?? []) {
      const present = named.filter((member) => onRosterOn(member, cycle.startDate));
      for (const member of random.sample(present, random.int(1, Math.max(1, present.length)))) {
        output.pdsaCycleParticipants.push({ cycleId: cycle.id, personId: member.personId });
      }
    }
    for (const measure of measuresByProjectId.get(project.id) ?? []) {
      for (const point of pointsByMeasureId.get(measure.id) ?? []) {
        const present = named.filter((member) => onRosterOn(member, point.date));
        if (present.length > 0 && random.chance(0.7)) point.collectedById = random.pick(present).personId;
      }
    }
  }
  return output;
}

/**
 * Each team's level in its latest final quarterly rating, kept up to date as ratings are
 * added (the data at scale adds them a quarter at a time).
 */
export class LatestFinalLevels extends Map<string, number> {
  private readonly quarterByTeam = new Map<string, string>();

  add(ratings: readonly Rating[]): this {
    for (const rating of ratings) {
      if (rating.kind !== "QUARTERLY" || rating.status !== "FINAL" || rating.level === null) continue;
      const known = this.quarterByTeam.get(rating.teamId);
      if (known !== undefined && known >= rating.quarter) continue;
      this.quarterByTeam.set(rating.teamId, rating.quarter);
      this.set(rating.teamId, rating.level);
    }
    return this;
  }
}
