import "server-only";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { ProjectTarget } from "@/lib/data/projects";
import { prisma } from "@/lib/db";
import type { ImprovementDirection, MeasureKind } from "@/lib/generated/prisma/enums";
import { toDayString } from "@/lib/validation/dates";

export type DataPointView = { id: string; date: string; value: number };

export type MeasureView = {
  id: string;
  name: string;
  kind: MeasureKind;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: ImprovementDirection;
  /** Oldest first; dates as "YYYY-MM-DD". */
  points: DataPointView[];
};

/** A project's measures, outcome first (the enum's order), then process and balancing, each in the order added. */
export async function getProjectMeasures(actor: Actor, project: ProjectTarget): Promise<MeasureView[]> {
  assertCan(actor, "team.view", project.team);
  const measures = await prisma.measure.findMany({
    // Scoped in the query as well: only rows of the team the permission was checked for.
    where: { projectId: project.projectId, project: { teamId: project.team.teamId } },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      unit: true,
      baseline: true,
      target: true,
      direction: true,
      dataPoints: { orderBy: { date: "asc" }, select: { id: true, date: true, value: true } },
    },
  });
  return measures.map(({ dataPoints, ...measure }) => ({
    ...measure,
    points: dataPoints.map((point) => ({ ...point, date: toDayString(point.date) })),
  }));
}
