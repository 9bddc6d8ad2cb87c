import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Only final quarterly ratings count in roll-ups and movement: drafts, ratings
 * awaiting sign-off or disputed, and self-assessments are not a team's status.
 * `alias` is always a constant of the calling module, never input.
 */
export function finalQuarterly(alias: string): Prisma.Sql {
  return Prisma.raw(`${alias}.kind = 'QUARTERLY' AND ${alias}.status = 'FINAL'`);
}

/** Role assignments in force on the given day (UTC). */
export function assignmentActiveOn(day: Date): Prisma.RoleAssignmentWhereInput {
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  return { startDate: { lte: start }, OR: [{ endDate: null }, { endDate: { gte: start } }] };
}

/**
 * Teams operating in the quarter: chartered by it and not yet retired (a retired team
 * leaves roll-ups and queues from its retirement quarter on; its earlier quarters stay).
 */
export function teamOperatesIn(alias: string, quarter: string): Prisma.Sql {
  const team = Prisma.raw(alias);
  return Prisma.sql`(${team}."charteredQuarter" <= ${quarter} AND (${team}."retiredQuarter" IS NULL OR ${team}."retiredQuarter" > ${quarter}))`;
}

/** A typed "%" or "_" means itself, not a wildcard (backslash is LIKE's default escape character). */
export function escapeLikePattern(word: string): string {
  return word.replace(/[\\%_]/g, "\\$&");
}
