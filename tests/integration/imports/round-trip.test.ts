import { beforeAll, describe, expect, it } from "vitest";
import type { PersonActor } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { IMPORT_KINDS } from "@/lib/validation/imports";
import { actorFor } from "@/tests/support/actors";
import { resetToSeed } from "@/tests/support/database";
import { exportedFile, importFootprint, regionalAdmin, runImport } from "@/tests/support/imports";

let admin: PersonActor;
let coloradoAdmin: PersonActor;

beforeAll(async () => {
  await resetToSeed();
  admin = await actorFor("admin@example.org");
  coloradoAdmin = await regionalAdmin("colorado");
  // The seed's rosters (co-leads and front-line members, some who left) have no key roles: every third member gets two.
  await prisma.$executeRaw`
    UPDATE "TeamMember" m SET "keyRoles" = ARRAY['HEALTH_AND_SAFETY_CHAMPION', 'FACILITATOR']::"KeyTeamRole"[]
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "TeamMember") numbered
    WHERE numbered.id = m.id AND numbered.n % 3 = 0`;
});

function nothingChanged(tallies: Record<string, { created: number; updated: number; unchanged: number }>) {
  return Object.values(tallies).every(({ created, updated }) => created === 0 && updated === 0);
}

describe("an exported file imports again as no change", () => {
  it.each(IMPORT_KINDS)("%s, the whole partnership", async (kind) => {
    const file = await exportedFile(admin, kind);
    const before = await importFootprint();
    const result = await runImport(admin, kind, "import", file);
    expect(result.errors).toEqual([]);
    expect(result.rows).toBeGreaterThan(0);
    expect(nothingChanged(result.tallies)).toBe(true);
    expect(await importFootprint()).toEqual(before);
  });

  it.each(IMPORT_KINDS)("%s, a regional administrator's regions", async (kind) => {
    const file = await exportedFile(coloradoAdmin, kind);
    const result = await runImport(coloradoAdmin, kind, "preview", file);
    expect(result.errors).toEqual([]);
    expect(result.rows).toBeGreaterThan(0);
    expect(nothingChanged(result.tallies)).toBe(true);
  });
});
