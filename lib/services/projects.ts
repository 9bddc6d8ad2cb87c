import "server-only";
import { parseInput } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit";
import { assertCan, type PersonActor } from "@/lib/auth/permissions";
import { getProjectTargetOrThrow } from "@/lib/data/projects";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { canTransition, PROJECT_STATUS_LABELS, STATUS_TRANSITIONS } from "@/lib/domain/projects";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changeProjectStatusSchema, createProjectSchema, updateProjectSchema } from "@/lib/validation/projects";
import { toDayString } from "@/lib/validation/dates";

const STALE_MESSAGE = "Someone else changed this project while you had it open. Reload to see their changes, then make yours again.";

export type ProjectOutcome = { projectId: string; version: number };

/** Both co-leads own the record, so every change names its author (updatedBy + audit). */
export async function createProject(actor: PersonActor, raw: unknown): Promise<ProjectOutcome> {
  const input = parseInput(createProjectSchema, raw);
  const team = await getTeamTargetOrThrow(input.teamId);
  assertCan(actor, "project.edit", team);
  await assertGoalFitsRegion(input.goalId, team.regionId);

  return prisma.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: { ...fieldsOf(input), teamId: team.teamId, status: "IDEA", createdById: actor.personId, updatedById: actor.personId },
    });
    await recordAudit(tx, { actorId: actor.personId, action: "project.created", entityType: "Project", entityId: project.id, after: auditView(project) });
    return { projectId: project.id, version: project.version };
  });
}

export async function updateProject(actor: PersonActor, raw: unknown): Promise<ProjectOutcome> {
  const input = parseInput(updateProjectSchema, raw);
  const target = await getProjectTargetOrThrow(input.projectId);
  assertCan(actor, "project.edit", target.team);
  await assertGoalFitsRegion(input.goalId, target.team.regionId);

  return prisma.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: target.projectId } });
    const version = await bumpVersion(tx, target.projectId, input.expectedVersion, actor, fieldsOf(input));
    const after = await tx.project.findUniqueOrThrow({ where: { id: target.projectId } });
    await recordAudit(tx, { actorId: actor.personId, action: "project.updated", entityType: "Project", entityId: target.projectId, before: auditView(before), after: auditView(after) });
    return { projectId: target.projectId, version };
  });
}

/** Moves a project along its workflow; illegal jumps are refused with the steps that are allowed. */
export async function changeProjectStatus(actor: PersonActor, raw: unknown): Promise<ProjectOutcome> {
  const input = parseInput(changeProjectStatusSchema, raw);
  const target = await getProjectTargetOrThrow(input.projectId);
  assertCan(actor, "project.edit", target.team);
  if (!canTransition(target.status, input.status)) {
    const allowed = STATUS_TRANSITIONS[target.status].map((status) => PROJECT_STATUS_LABELS[status]);
    throw new InvalidInputError(
      `A project cannot go from ${PROJECT_STATUS_LABELS[target.status]} to ${PROJECT_STATUS_LABELS[input.status]}. ` +
        (allowed.length ? `Next steps: ${allowed.join(" or ")}.` : "It is complete."),
      { status: ["Choose an allowed next step"] },
    );
  }

  return prisma.$transaction(async (tx) => {
    const version = await bumpVersion(tx, target.projectId, input.expectedVersion, actor, { status: input.status });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: "project.statusChanged",
      entityType: "Project",
      entityId: target.projectId,
      before: { status: target.status },
      after: { status: input.status },
    });
    return { projectId: target.projectId, version };
  });
}

function fieldsOf(input: {
  title: string;
  aim: string;
  compassPoints: Prisma.ProjectCreateInput["compassPoints"];
  goalId?: string | undefined;
  tools: Prisma.ProjectCreateInput["tools"];
  startDate?: Date | undefined;
  targetDate?: Date | undefined;
}) {
  return {
    title: input.title,
    aim: input.aim,
    compassPoints: input.compassPoints,
    goalId: input.goalId ?? null,
    tools: input.tools,
    startDate: input.startDate ?? null,
    targetDate: input.targetDate ?? null,
  };
}

/** A project aligns to an organisation-wide goal or to one of its own region's. */
async function assertGoalFitsRegion(goalId: string | undefined, regionId: string): Promise<void> {
  if (!goalId) return;
  const goal = await prisma.goal.findUnique({ where: { id: goalId }, select: { regionId: true } });
  if (!goal || (goal.regionId !== null && goal.regionId !== regionId)) {
    throw new InvalidInputError("That goal is not one of this team's regional or organisational goals.", { goalId: ["Choose a listed goal"] });
  }
}

/** Optimistic concurrency, as for ratings: the write lands only on the version the editor saw. */
async function bumpVersion(
  tx: Prisma.TransactionClient,
  projectId: string,
  expectedVersion: number,
  actor: PersonActor,
  data: Prisma.ProjectUncheckedUpdateManyInput,
): Promise<number> {
  const { count } = await tx.project.updateMany({
    where: { id: projectId, version: expectedVersion },
    data: { ...data, version: { increment: 1 }, updatedById: actor.personId, lastActivityAt: new Date() },
  });
  if (count === 0) throw new ConflictError(STALE_MESSAGE);
  return expectedVersion + 1;
}

function auditView(project: { title: string; aim: string; status: string; compassPoints: string[]; goalId: string | null; tools: string[]; startDate: Date | null; targetDate: Date | null }) {
  return {
    title: project.title,
    aim: project.aim,
    status: project.status,
    compassPoints: project.compassPoints,
    goalId: project.goalId,
    tools: project.tools,
    startDate: project.startDate ? toDayString(project.startDate) : null,
    targetDate: project.targetDate ? toDayString(project.targetDate) : null,
  };
}
