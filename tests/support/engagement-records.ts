import { prisma } from "@/lib/db";
import type { TeamEngagementRecords } from "@/lib/domain/engagement";

/** Every team's engagement records (or those of `teamIds`), read plainly from the tables, for the pure rule. */
export async function recordsByTeam(teamIds?: readonly string[]): Promise<Map<string, TeamEngagementRecords>> {
  const inTeams = teamIds ? { in: [...teamIds] } : undefined;
  const [roster, projectMembers, participants, dataPoints] = await Promise.all([
    prisma.teamMember.findMany({ where: { teamId: inTeams }, select: { teamId: true, personId: true, joinedOn: true, leftOn: true } }),
    prisma.projectMember.findMany({
      where: { project: { teamId: inTeams } },
      select: { personId: true, addedOn: true, removedOn: true, project: { select: { teamId: true, lastActivityAt: true } } },
    }),
    prisma.pdsaCycleParticipant.findMany({
      where: { cycle: { project: { teamId: inTeams } } },
      select: { personId: true, cycle: { select: { startDate: true, endDate: true, project: { select: { teamId: true } } } } },
    }),
    prisma.dataPoint.findMany({
      where: { collectedById: { not: null }, measure: { project: { teamId: inTeams } } },
      select: { collectedById: true, date: true, measure: { select: { project: { select: { teamId: true } } } } },
    }),
  ]);
  const byTeam = new Map<string, { roster: unknown[]; projects: unknown[]; cycles: unknown[]; dataPoints: unknown[] }>();
  const of = (teamId: string) => {
    if (!byTeam.has(teamId)) byTeam.set(teamId, { roster: [], projects: [], cycles: [], dataPoints: [] });
    return byTeam.get(teamId)!;
  };
  for (const { teamId, ...spell } of roster) of(teamId).roster.push(spell);
  for (const { project, ...naming } of projectMembers) of(project.teamId).projects.push({ ...naming, projectLastActivityAt: project.lastActivityAt });
  for (const { personId, cycle } of participants) of(cycle.project.teamId).cycles.push({ personId, startDate: cycle.startDate, endDate: cycle.endDate });
  for (const point of dataPoints) of(point.measure.project.teamId).dataPoints.push({ personId: point.collectedById!, date: point.date });
  return byTeam as Map<string, TeamEngagementRecords>;
}
