import "server-only";
import { getTeamTargetOrThrow, isUuid, type TeamTarget } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";

export type ProjectTarget = { projectId: string; title: string; status: ProjectStatus; version: number; team: TeamTarget };

/** A project and the team it belongs to (the permission target); an unknown id is a NotFoundError. */
export async function getProjectTargetOrThrow(projectId: string): Promise<ProjectTarget> {
  const project = isUuid(projectId)
    ? await prisma.project.findUnique({ where: { id: projectId }, select: { id: true, title: true, status: true, version: true, teamId: true } })
    : null;
  if (!project) throw new NotFoundError("Unknown project: it does not exist or was removed.");
  return { projectId: project.id, title: project.title, status: project.status, version: project.version, team: await getTeamTargetOrThrow(project.teamId) };
}
