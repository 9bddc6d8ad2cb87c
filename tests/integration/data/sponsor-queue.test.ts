import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getSponsorQueue } from "@/lib/data/sponsor-queue";
import { prisma } from "@/lib/db";
import { addQuarters, currentQuarter } from "@/lib/domain/quarter";
import { actorFor, couriersTeam } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { SEED_NOW } from "@/tests/support/seed-clock";

// The queue is read as of the seed's own present, so "this quarter" is the one the seed left partly rated.
const now = SEED_NOW;
const quarter = currentQuarter(now);
let couriersId: string;
let unionSponsor: PersonActor;

beforeAll(async () => {
  await resetToSeed();
  couriersId = (await couriersTeam()).id;
  unionSponsor = await actorFor("sponsor.union@example.org");
});

describe("a sponsor's queue", () => {
  it("lists each sponsored team once for this quarter, and nothing older while every older rating is final", async () => {
    const queue = await getSponsorQueue(unionSponsor, now);
    const sponsored = await prisma.roleAssignment.count({ where: { personId: unionSponsor.personId, role: "UNION_SPONSOR", endDate: null } });
    expect(queue.filter((item) => item.quarter === quarter)).toHaveLength(sponsored);
    expect(queue.filter((item) => item.quarter < addQuarters(quarter, -1))).toEqual([]);
  });

  it("keeps a rating left unfinished several quarters ago, overdue and first", async () => {
    const stale = addQuarters(quarter, -3);
    await prisma.rating.update({
      where: { teamId_quarter_kind: { teamId: couriersId, quarter: stale, kind: "QUARTERLY" } },
      data: { status: "DRAFT" },
    });
    const queue = await getSponsorQueue(unionSponsor, now);
    expect(queue[0]).toMatchObject({ teamId: couriersId, quarter: stale, status: "DRAFT", overdue: true });
    expect(queue.filter((item) => item.teamId === couriersId && item.quarter === quarter)).toHaveLength(1);
  });
});
