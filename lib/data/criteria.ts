import "server-only";
import { prisma } from "@/lib/db";
import { DIMENSIONS } from "@/lib/domain/path-to-performance";
import { NotFoundError } from "@/lib/errors";
import type { CriteriaSetStatus, Dimension } from "@/lib/generated/prisma/enums";

// The criteria are the partnership's public standard: every signed-in user may read
// every set, so these reads take no actor (pages still require a signed-in user).

export type CriterionView = { id: string; dimension: Dimension; level: number; position: number; text: string };

export type CriteriaSetSummary = {
  id: string;
  version: number;
  name: string;
  status: CriteriaSetStatus;
  publishedAt: Date | null;
  criteriaCount: number;
};

export type CriteriaSetWithCriteria = Omit<CriteriaSetSummary, "criteriaCount"> & {
  publishedByName: string | null;
  criteria: CriterionView[];
};

/** Every set, newest version first. */
export async function listCriteriaSets(): Promise<CriteriaSetSummary[]> {
  const sets = await prisma.criteriaSet.findMany({
    orderBy: { version: "desc" },
    select: { id: true, version: true, name: true, status: true, publishedAt: true, _count: { select: { criteria: true } } },
  });
  return sets.map(({ _count, ...set }) => ({ ...set, criteriaCount: _count.criteria }));
}

/** The set ratings use now. */
export async function getPublishedCriteriaSet(): Promise<CriteriaSetWithCriteria> {
  const set = await findSetWithCriteria({ status: "PUBLISHED" });
  if (!set) throw new NotFoundError("No criteria set has been published yet.");
  return set;
}

const MAX_INT4 = 2_147_483_647;

/** Null when no set has this version (including versions no set could have, like 0 or 2.5). */
export async function getCriteriaSetByVersion(version: number): Promise<CriteriaSetWithCriteria | null> {
  if (!Number.isInteger(version) || version < 1 || version > MAX_INT4) return null;
  return findSetWithCriteria({ version });
}

async function findSetWithCriteria(where: { status: "PUBLISHED" } | { version: number }): Promise<CriteriaSetWithCriteria | null> {
  const set = await prisma.criteriaSet.findFirst({
    where,
    select: {
      id: true,
      version: true,
      name: true,
      status: true,
      publishedAt: true,
      publishedBy: { select: { displayName: true } },
      criteria: { select: { id: true, dimension: true, level: true, position: true, text: true } },
    },
  });
  if (!set) return null;
  const { publishedBy, criteria, ...rest } = set;
  return { ...rest, publishedByName: publishedBy?.displayName ?? null, criteria: criteria.sort(byDimensionLevelPosition) };
}


const DIMENSION_ORDER = new Map(DIMENSIONS.map(({ key }, index) => [key, index]));

// In JavaScript rather than SQL: the order is that of DIMENSIONS, not of the database enum.
function byDimensionLevelPosition(a: CriterionView, b: CriterionView): number {
  return DIMENSION_ORDER.get(a.dimension)! - DIMENSION_ORDER.get(b.dimension)! || a.level - b.level || a.position - b.position;
}
