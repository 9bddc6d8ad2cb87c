import { beforeAll, describe, expect, it } from "vitest";
import { getTeamLevelSummary } from "@/lib/data/ratings";
import { prisma } from "@/lib/db";
import { currentQuarter } from "@/lib/domain/quarter";
import { actorFor, couriersTeam } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";

let couriersId: string;

/** A quarterly rating or self-assessment of this quarter with exactly the level-1 criteria of one dimension met. */
async function startRating(teamId: string, kind: "QUARTERLY" | "SELF_ASSESSMENT") {
  const set = await prisma.criteriaSet.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  const criterion = await prisma.criterion.findFirstOrThrow({ where: { setId: set.id, level: 1 }, orderBy: { position: "asc" } });
  const rating = await prisma.rating.create({ data: { teamId, quarter: currentQuarter(), kind, criteriaSetId: set.id, level: null } });
  await prisma.ratingCriterionCheck.create({ data: { ratingId: rating.id, criterionId: criterion.id, criteriaSetId: set.id, met: true } });
  return rating;
}

beforeAll(async () => {
  await resetToSeed();
  couriersId = (await couriersTeam()).id;
});

describe("a team's level summary (the co-lead's home)", () => {
  it("reads what the next level needs from the same final rating as the current level, not from a newer draft", async () => {
    const final = await prisma.rating.findFirstOrThrow({ where: { teamId: couriersId, kind: "QUARTERLY", status: "FINAL" }, orderBy: { quarter: "desc" } });
    await prisma.rating.deleteMany({ where: { teamId: couriersId, quarter: currentQuarter() } });
    await startRating(couriersId, "QUARTERLY");
    await startRating(couriersId, "SELF_ASSESSMENT");

    const summary = await getTeamLevelSummary(await actorFor("colead.labor@example.org"), couriersId);

    expect(summary.currentLevel).toBe(final.level);
    expect(summary.currentLevelQuarter).toBe(final.quarter);
    expect(summary.thisQuarter).toMatchObject({ quarter: currentQuarter(), status: "DRAFT", signoffs: [] });
    expect(summary.gaps?.source).toBe(`final quarterly rating for ${final.quarter}`);
    expect(summary.gaps?.nextLevel).toBe(final.level === 5 ? null : final.level! + 1);
  });

  it("before any final rating, reads the latest self-assessment and says so", async () => {
    const team = await prisma.team.findFirstOrThrow({ where: { id: { not: couriersId }, ratings: { none: {} } } }).catch(async () => {
      // Every seeded team has ratings: take one and clear them.
      const other = await prisma.team.findFirstOrThrow({ where: { id: { not: couriersId }, region: { name: "Colorado" } } });
      await prisma.rating.deleteMany({ where: { teamId: other.id } });
      return other;
    });
    await startRating(team.id, "SELF_ASSESSMENT");

    const summary = await getTeamLevelSummary(await actorFor("staff@example.org"), team.id);

    expect(summary.currentLevel).toBeNull();
    expect(summary.thisQuarter.status).toBe("NOT_STARTED");
    expect(summary.gaps?.source).toBe(`self-assessment for ${currentQuarter()}`);
    expect(summary.gaps?.nextLevel).toBe(1);
  });
});
