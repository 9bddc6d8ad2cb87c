import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { ProjectTarget } from "@/lib/data/projects";
import type { PersonChoice } from "@/lib/data/roster";
import { prisma } from "@/lib/db";
import type { PdsaDecision } from "@/lib/generated/prisma/enums";
import { toDayString } from "@/lib/validation/dates";

export type CycleView = {
  id: string;
  number: number;
  plan: string;
  prediction: string | null;
  doNotes: string | null;
  study: string | null;
  decision: PdsaDecision | null;
  actNotes: string | null;
  /** "YYYY-MM-DD" */
  startDate: string;
  endDate: string | null;
  /** The people named as running the test, in name order. */
  participants: PersonChoice[];
};

/** A project's PDSA cycles, in number order. */
export async function getProjectCycles(actor: Actor, project: ProjectTarget): Promise<CycleView[]> {
  assertCan(actor, "team.view", project.team);
  const cycles = await prisma.pdsaCycle.findMany({
    // Scoped in the query as well: only rows of the team the permission was checked for.
    where: { projectId: project.projectId, project: { teamId: project.team.teamId } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      plan: true,
      prediction: true,
      doNotes: true,
      study: true,
      decision: true,
      actNotes: true,
      startDate: true,
      endDate: true,
      participants: { select: { person: { select: { id: true, displayName: true } } }, orderBy: { person: { displayName: "asc" } } },
    },
  });
  return cycles.map(({ participants, ...cycle }) => ({
    ...cycle,
    startDate: toDayString(cycle.startDate),
    endDate: cycle.endDate && toDayString(cycle.endDate),
    participants: participants.map(({ person }) => ({ value: person.id, label: person.displayName })),
  }));
}
