import "server-only";
// Mutation logic takes the actor and parsed input explicitly so integration tests can
// drive it on a real database; lib/actions/projects.ts wraps it for the browser.
import { recordAudit } from "@/lib/audit";
import { assertCan, type PersonActor } from "@/lib/auth/permissions";
import { getTeamTargetOrThrow } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { canTransition, PROJECT_STATUS_LABELS, STATUS_TRANSITIONS } from "@/lib/domain/projects";
import { InvalidInputError } from "@/lib/errors";
import type { Project } from "@/lib/generated/prisma/client";
import { currentProjectMembers, namesOf, rosterPeopleOrThrow, setProjectMembers, type NamedPerson } from "@/lib/services/named-people";
import { getEditableProjectOrThrow, recordProjectChange } from "@/lib/services/project-activity";
import { updateVersioned } from "@/lib/services/versioned";
import { toDayString } from "@/lib/validation/dates";
import type { ChangeProjectStatusInput, CreateProjectInput, ProjectFields, UpdateProjectInput } from "@/lib/validation/projects";

/** The project as it stands after a change, and its team (whose pages list it). */
export type ProjectOutcome = { projectId: string; teamId: string; version: number };

/** Both co-leads own the record, so every change names its author (updatedBy + audit). */
export async function createProject(actor: PersonActor, { teamId, memberIds, ...fields }: CreateProjectInput): Promise<ProjectOutcome> {
  const team = await getTeamTargetOrThrow(teamId);
  assertCan(actor, "project.edit", team);
  await assertGoalFitsRegion(fields.goalId, team.regionId);
  const members = await rosterPeopleOrThrow(team.teamId, memberIds, "memberIds");

  return prisma.$transaction(async (tx) => {
    const project = await tx.project.create({
      data: { ...storedFields(fields), teamId: team.teamId, status: "IDEA", createdById: actor.personId, updatedById: actor.personId },
    });
    await setProjectMembers(tx, project.id, members);
    await recordAudit(tx, { actorId: actor.personId, action: "project.created", entityType: "Project", entityId: project.id, after: snapshot(project, members) });
    return outcome(project);
  });
}

/** Saves the project's details; a save that changes nothing writes nothing, so it does not count as an update for the 90-day rule. */
export async function updateProject(actor: PersonActor, { projectId, expectedVersion, memberIds, ...fields }: UpdateProjectInput): Promise<ProjectOutcome> {
  const target = await getEditableProjectOrThrow(actor, projectId);
  await assertGoalFitsRegion(fields.goalId, target.team.regionId);

  return prisma.$transaction(async (tx) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: target.projectId } });
    const membersBefore = await currentProjectMembers(tx, target.projectId);
    // People already named stay named even if they have since left the roster; only newly named people must be on it.
    const kept = membersBefore.filter((member) => memberIds.includes(member.id));
    const added = await rosterPeopleOrThrow(target.team.teamId, memberIds.filter((id) => !kept.some((member) => member.id === id)), "memberIds");
    const members = [...kept, ...added];
    const data = storedFields(fields);
    if (sameSnapshot(before, membersBefore, { ...before, ...data }, members)) return outcome(before);
    await updateVersioned("project", expectedVersion, (expected, bump) =>
      tx.project.updateMany({ where: { id: target.projectId, ...expected }, data: { ...data, ...bump } }),
    );
    await setProjectMembers(tx, target.projectId, members);
    const after = await tx.project.findUniqueOrThrow({ where: { id: target.projectId } });
    await recordProjectChange(tx, actor, target.projectId, {
      action: "project.updated",
      entityType: "Project",
      entityId: target.projectId,
      before: snapshot(before, membersBefore),
      after: snapshot(after, members),
    });
    return outcome(after);
  });
}

/** Moves a project along its workflow; illegal jumps are refused with the steps that are allowed, and staying put writes nothing. */
export async function changeProjectStatus(actor: PersonActor, { projectId, expectedVersion, status }: ChangeProjectStatusInput): Promise<ProjectOutcome> {
  const target = await getEditableProjectOrThrow(actor, projectId);
  if (!canTransition(target.status, status)) {
    const allowed = STATUS_TRANSITIONS[target.status].map((step) => PROJECT_STATUS_LABELS[step]);
    throw new InvalidInputError(
      `A project cannot go from ${PROJECT_STATUS_LABELS[target.status]} to ${PROJECT_STATUS_LABELS[status]}. ` +
        (allowed.length ? `Next steps: ${allowed.join(" or ")}.` : "It is complete."),
      { status: ["Choose an allowed next step"] },
    );
  }
  if (status === target.status) return { projectId: target.projectId, teamId: target.team.teamId, version: target.version };

  return prisma.$transaction(async (tx) => {
    // The version holds the status the transition was checked from: a status changed meanwhile fails here.
    const version = await updateVersioned("project", expectedVersion, (expected, bump) =>
      tx.project.updateMany({ where: { id: target.projectId, ...expected }, data: { status, ...bump } }),
    );
    await recordProjectChange(tx, actor, target.projectId, {
      action: "project.statusChanged",
      entityType: "Project",
      entityId: target.projectId,
      before: { status: target.status },
      after: { status },
    });
    return { projectId: target.projectId, teamId: target.team.teamId, version };
  });
}

function storedFields(fields: Omit<ProjectFields, "memberIds">) {
  return {
    title: fields.title,
    aim: fields.aim,
    compassPoints: fields.compassPoints,
    goalId: fields.goalId ?? null,
    tools: fields.tools,
    startDate: fields.startDate ?? null,
    targetDate: fields.targetDate ?? null,
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

type Snapshot = Pick<Project, "title" | "aim" | "status" | "compassPoints" | "goalId" | "tools" | "startDate" | "targetDate">;

/** What the audit log keeps of a project, dates as calendar days, its people by name. */
function snapshot(project: Snapshot, members: readonly NamedPerson[]) {
  return {
    members: namesOf(members),
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

/** The same details and people, whatever order the choices were ticked in. */
function sameSnapshot(a: Snapshot, aMembers: readonly NamedPerson[], b: Snapshot, bMembers: readonly NamedPerson[]): boolean {
  const comparable = (project: Snapshot, members: readonly NamedPerson[]) => {
    const view = snapshot(project, members);
    return JSON.stringify({ ...view, members: members.map((member) => member.id).sort(), compassPoints: [...view.compassPoints].sort(), tools: [...view.tools].sort() });
  };
  return comparable(a, aMembers) === comparable(b, bMembers);
}

function outcome(project: Pick<Project, "id" | "teamId" | "version">): ProjectOutcome {
  return { projectId: project.id, teamId: project.teamId, version: project.version };
}
