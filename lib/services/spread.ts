import "server-only";
// Mutation logic takes the actor and parsed input explicitly so integration tests can
// drive it on a real database; lib/actions/spread.ts wraps it for the browser.
import { recordAudit } from "@/lib/audit";
import { assertCan, type PersonActor } from "@/lib/auth/permissions";
import { getTeamTargetOrThrow, type TeamTarget } from "@/lib/data/teams";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { COMPLETED_STATUSES } from "@/lib/domain/projects";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AdoptPracticeInput } from "@/lib/validation/practices";

/** The adopting team's new project, its link to the practice, and the practice it came from. */
export type Adoption = { projectId: string; spreadLinkId: string; teamId: string; originProjectId: string };

type Tx = Prisma.TransactionClient;
type Origin = Awaited<ReturnType<typeof getOriginOrThrow>>;

const TITLE_MAX_LENGTH = 200;

/**
 * A team adopts a completed practice: it gets its own new project (an idea, with the
 * practice's compass points and tools) linked to the origin, so both teams are credited.
 * Savings are not copied: they stay with the team that achieved them, and the adopting
 * team reports its own on its project.
 */
export async function adoptPractice(actor: PersonActor, input: AdoptPracticeInput): Promise<Adoption> {
  const adopterTeam = await getTeamTargetOrThrow(input.adopterTeamId);
  // Authorise before revealing anything about the origin (an unfinished project is team-internal).
  assertCan(actor, "practice.adopt", adopterTeam);

  try {
    return await prisma.$transaction(async (tx) => {
      const origin = await getOriginOrThrow(tx, input.originProjectId);
      assertAdoptable(origin, adopterTeam);
      await assertNotAdoptedYet(tx, origin, adopterTeam);

      const project = await tx.project.create({
        data: {
          teamId: adopterTeam.teamId,
          title: input.title || adoptedTitle(origin.title),
          aim: input.aim || origin.aim,
          compassPoints: origin.compassPoints,
          tools: origin.tools,
          status: "IDEA",
          createdById: actor.personId,
          updatedById: actor.personId,
        },
        select: { id: true, title: true },
      });
      const link = await tx.spreadLink.create({
        data: { originProjectId: origin.id, adopterProjectId: project.id, adopterTeamId: adopterTeam.teamId, createdById: actor.personId },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.personId,
        action: "practice.adopted",
        entityType: "Project",
        entityId: project.id,
        after: {
          title: project.title,
          teamId: adopterTeam.teamId,
          spreadLinkId: link.id,
          originProjectId: origin.id,
          originTeamId: origin.teamId,
        },
      });
      return { projectId: project.id, spreadLinkId: link.id, teamId: adopterTeam.teamId, originProjectId: origin.id };
    });
  } catch (error) {
    // Two people adopting for the same team at once: the unique (origin, adopting team) key decides.
    if (isUniqueViolation(error)) throw alreadyAdopted(adopterTeam);
    throw error;
  }
}

async function getOriginOrThrow(tx: Tx, projectId: string) {
  const origin = await tx.project.findUnique({
    where: { id: projectId },
    select: { id: true, teamId: true, title: true, aim: true, status: true, compassPoints: true, tools: true },
  });
  if (!origin) throw new NotFoundError("Unknown practice: it does not exist or was removed.");
  return origin;
}

function assertAdoptable(origin: Origin, adopterTeam: TeamTarget): void {
  if (!COMPLETED_STATUSES.includes(origin.status)) {
    throw new InvalidInputError("Only implemented or sustained practices can be adopted", { originProjectId: ["Choose a completed practice"] });
  }
  if (origin.teamId === adopterTeam.teamId) {
    throw new InvalidInputError(`This is ${adopterTeam.name}'s own practice: a team cannot adopt its own practice.`, {
      adopterTeamId: ["Choose another team"],
    });
  }
}

async function assertNotAdoptedYet(tx: Tx, origin: Origin, adopterTeam: TeamTarget): Promise<void> {
  const existing = await tx.spreadLink.findUnique({
    where: { originProjectId_adopterTeamId: { originProjectId: origin.id, adopterTeamId: adopterTeam.teamId } },
    select: { id: true },
  });
  if (existing) throw alreadyAdopted(adopterTeam);
}

function alreadyAdopted(team: TeamTarget): ConflictError {
  return new ConflictError(`${team.name} has already adopted this practice: its project is listed under "Adopted by".`, { field: "adopterTeamId" });
}

/** "Adopted: <title>", shortened to fit the title column when the origin's title is long. */
function adoptedTitle(originTitle: string): string {
  const title = `Adopted: ${originTitle}`;
  return title.length <= TITLE_MAX_LENGTH ? title : `${title.slice(0, TITLE_MAX_LENGTH - 1)}…`;
}
