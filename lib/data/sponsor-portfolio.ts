import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { SAVINGS_STATUS_SQL } from "@/lib/data/savings";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { finalQuarterly } from "@/lib/data/sql";
import type { Cents } from "@/lib/domain/money";
import { levelShares } from "@/lib/domain/overview";
import { LEVELS } from "@/lib/domain/path-to-performance";
import { sponsoredTeams } from "@/lib/domain/rating-workflow";
import { isQuarter, type Quarter } from "@/lib/domain/quarter";
import { addCents, centsFromSum } from "@/lib/domain/savings";

export type PortfolioTeam = { teamId: string; code: string; name: string; level: number | null; quarter: Quarter | null; validatedCents: Cents };

/** A bucket of the sponsor's teams: a level, or not rated yet. */
export type PortfolioLevel = { label: string; teams: number; percent: number | null };

export type SponsorPortfolio = {
  year: number;
  teams: PortfolioTeam[];
  distribution: PortfolioLevel[];
  validatedCents: Cents;
};

/**
 * What a sponsor's teams look like: each team's latest final level, how those
 * levels are distributed, and the savings validated this calendar year (by the
 * day they were reported). Scoped by construction to the actor's sponsor grants.
 */
export async function getSponsorPortfolio(actor: Actor, now: Date = new Date()): Promise<SponsorPortfolio> {
  const teamIds = [...sponsoredTeams(actor).keys()];
  const year = now.getUTCFullYear();
  if (teamIds.length === 0) return { year, teams: [], distribution: [], validatedCents: 0 };
  const rows = await prisma.$queryRaw<{ teamId: string; code: string; name: string; level: number | null; quarter: string | null; validated: bigint }[]>`
    SELECT t.id AS "teamId", t.code, t.name, latest.level, latest.quarter,
           (SELECT coalesce(sum(e."amountCents"), 0) FROM "SavingsEntry" e
             WHERE e."teamId" = t.id AND ${Prisma.raw(SAVINGS_STATUS_SQL.validated)}
               AND e."reportedOn" >= ${new Date(Date.UTC(year, 0, 1))} AND e."reportedOn" < ${new Date(Date.UTC(year + 1, 0, 1))})::bigint AS validated
    FROM "Team" t
    LEFT JOIN LATERAL (
      SELECT rt.level, rt.quarter FROM "Rating" rt WHERE rt."teamId" = t.id AND ${finalQuarterly("rt")} ORDER BY rt.quarter DESC LIMIT 1
    ) latest ON TRUE
    WHERE t.id = ANY(${teamIds}::uuid[])
    ORDER BY t.name`;
  const teams = rows.map(({ validated, quarter, ...team }) => ({
    ...team,
    quarter: quarter && isQuarter(quarter) ? quarter : null,
    validatedCents: centsFromSum(validated),
  }));
  const buckets = [
    ...LEVELS.map((entry) => ({ label: `${entry.level} · ${entry.name}`, teams: teams.filter((team) => team.level === entry.level).length })),
    { label: "Not rated yet", teams: teams.filter((team) => team.quarter === null).length },
  ];
  const shares = levelShares(buckets.map((bucket) => bucket.teams));
  return {
    year,
    teams,
    distribution: buckets.map((bucket, index) => ({ ...bucket, percent: shares[index]! })),
    validatedCents: addCents(...teams.map((team) => team.validatedCents)),
  };
}
