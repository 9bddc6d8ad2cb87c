import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { getRatedQuarters, getRegionalTable } from "@/lib/data/regional-rollup";
import { inOneTransaction, prisma, replica } from "@/lib/db";
import { createDatabase, dropDatabase } from "@/lib/db/temporary-database";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";

// Two read-only copies beside this file's database, named before lib/env first reads them.
const { primaryUrl, replicaNames } = vi.hoisted(() => {
  const primaryUrl = process.env.DATABASE_URL!;
  const name = decodeURIComponent(new URL(primaryUrl).pathname.slice(1));
  const replicaNames = [`${name}_replica_a`, `${name}_replica_b`];
  process.env.DATABASE_REPLICA_URLS = replicaNames
    .map((replicaName) => Object.assign(new URL(primaryUrl), { pathname: `/${encodeURIComponent(replicaName)}` }).toString())
    .join(",");
  return { primaryUrl, replicaNames };
});

const QUARTER = "2021-Q2";
let staff: PersonActor;

/** A copy of this file's database as it is now: what a replica holds once it has caught up to this moment. */
async function copyPrimaryTo(name: string) {
  await prisma.$disconnect();
  await createDatabase(primaryUrl, name, { template: decodeURIComponent(new URL(primaryUrl).pathname.slice(1)) });
}

beforeAll(async () => {
  await resetToSeed();
  staff = await actorFor("staff@example.org");
  // Replica A has the quarter's ratings; then they go from the primary, and replica B is copied without them.
  await copyPrimaryTo(replicaNames[0]!);
  await prisma.rating.deleteMany({ where: { quarter: QUARTER } });
  await copyPrimaryTo(replicaNames[1]!);
});

afterAll(async () => {
  for (const name of replicaNames) await dropDatabase(primaryUrl, name);
});

describe("DATABASE_REPLICA_URLS", () => {
  it("sends the roll-ups' reads to the replicas in turn, and nothing else", async () => {
    // Computed afresh each time: kept, the first answer would be handed out again (figures-cache.ts).
    const rated = async () => (await getRegionalTable.uncached(staff, QUARTER)).total.rated;
    const answers = [await rated(), await rated(), await rated(), await rated()];
    // A (3,651 teams rated, as published), B (none), A, B: the two replicas in turn.
    expect(answers).toEqual([3651, 0, 3651, 0]);
    expect(await prisma.rating.count({ where: { quarter: QUARTER } })).toBe(0);
  });

  it("keeps a transaction's reads on the primary, which sees its own writes", async () => {
    const inTransaction = await inOneTransaction(async () => {
      expect(replica()).toBe(prisma);
      return getRatedQuarters(staff);
    }, { maxWait: 5_000, timeout: 20_000 });
    expect(inTransaction).not.toContain(QUARTER);
    expect(inTransaction.length).toBeGreaterThan(20);
  });
});
