import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { createPrismaClient, prisma } from "@/lib/db";
import { APP_ROLE } from "@/lib/db/app-role";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { resetToSeed } from "@/tests/support/database";

const PERMISSION_DENIED = "42501";
// Roles belong to the whole server, which may be one named by DATABASE_URL: rather than give
// ubt_app itself a login (and change its password there), the test signs in as a throwaway
// member of it, which has exactly its rights.
const LOGIN_ROLE = `${APP_ROLE}_test_${randomBytes(4).toString("hex")}`;

let appUrl: string;
let app: pg.Client;
let appPrisma: PrismaClient;

beforeAll(async () => {
  await resetToSeed();
  const password = randomBytes(18).toString("base64url");
  await prisma.$executeRawUnsafe(`CREATE ROLE "${LOGIN_ROLE}" LOGIN PASSWORD '${password}' IN ROLE ${APP_ROLE}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.username = LOGIN_ROLE;
  url.password = password;
  appUrl = url.toString();
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
  appPrisma = createPrismaClient(appUrl);
});
afterAll(async () => {
  await app?.end();
  await appPrisma?.$disconnect();
  await prisma.$executeRawUnsafe(`DROP ROLE IF EXISTS "${LOGIN_ROLE}"`);
});

async function expectPermissionDenied(sql: string): Promise<void> {
  await expect(app.query(sql), sql).rejects.toMatchObject({ code: PERMISSION_DENIED });
}

describe(`the app's database role (${APP_ROLE})`, () => {
  it("is a role of its own, not a superuser, owning none of the tables", async () => {
    const { rows } = await app.query<{ superuser: boolean; createsRoles: boolean; owned: number }>(
      `SELECT rolsuper AS superuser, rolcreaterole AS "createsRoles",
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1) AS owned
       FROM pg_roles WHERE rolname = $1`,
      [APP_ROLE],
    );
    expect(rows).toEqual([{ superuser: false, createsRoles: false, owned: 0 }]);
    expect((await app.query(`SELECT pg_has_role(current_user, $1, 'USAGE') AS member`, [APP_ROLE])).rows).toEqual([{ member: true }]);
  });

  it("appends to and reads the audit trail, but cannot change, empty or unguard it", async () => {
    const { rows } = await app.query<{ id: string }>(
      `INSERT INTO "AuditEntry" (action, "entityType", "entityId") VALUES ('test.appended', 'Test', 'app-role') RETURNING id`,
    );
    const read = await app.query(`SELECT action FROM "AuditEntry" WHERE id = $1`, [rows[0]!.id]);
    expect(read.rows).toEqual([{ action: "test.appended" }]);

    await expectPermissionDenied(`UPDATE "AuditEntry" SET reason = 'rewritten'`);
    await expectPermissionDenied(`DELETE FROM "AuditEntry"`);
    await expectPermissionDenied(`TRUNCATE "AuditEntry"`);
    await expectPermissionDenied(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
    await expectPermissionDenied(`DROP TRIGGER "AuditEntry_append_only" ON "AuditEntry"`);
    await expectPermissionDenied(`DROP TABLE "AuditEntry"`);
    expect((await prisma.auditEntry.count({ where: { entityId: "app-role" } }))).toBe(1);
  });

  it("cannot reach the server's files or programs, extend the database, or rewrite the migration history", async () => {
    await expectPermissionDenied(`COPY (SELECT 1) TO PROGRAM 'true'`);
    await expectPermissionDenied(`COPY "Person" TO '/tmp/people.csv'`);
    await expectPermissionDenied(`CREATE EXTENSION pgcrypto`);
    await expectPermissionDenied(`CREATE TABLE smuggled (id int)`);
    await expectPermissionDenied(`SELECT * FROM "_prisma_migrations"`);
  });

  it("keeps the pre-aggregated counts current through its rating writes, but cannot write them itself", async () => {
    const rating = await prisma.rating.findFirstOrThrow({ where: { kind: "QUARTERLY", status: "FINAL", level: { lt: 5 } }, include: { team: { include: { department: true } } } });
    const count = (level: number) =>
      prisma.finalRatingCount.findUnique({ where: { quarter_facilityId_level: { quarter: rating.quarter, facilityId: rating.team.department.facilityId, level } } });
    const before = [(await count(rating.level!))!.teams, (await count(rating.level! + 1))?.teams ?? 0];
    await app.query(`UPDATE "Rating" SET level = level + 1 WHERE id = $1`, [rating.id]);
    expect([(await count(rating.level!))!.teams, (await count(rating.level! + 1))!.teams]).toEqual([before[0]! - 1, before[1]! + 1]);

    await expectPermissionDenied(`UPDATE "FinalRatingCount" SET teams = teams + 1`);
    await expectPermissionDenied(`INSERT INTO "FinalRatingCount" VALUES ('2020-Q1', gen_random_uuid(), gen_random_uuid(), 1, 1)`);
    await expectPermissionDenied(`DELETE FROM "FinalRatingCount"`);
  });

  it("makes the app's ordinary writes: a change and its audit entry in one transaction", async () => {
    const person = await prisma.person.findFirstOrThrow({ where: { email: "staff@example.org" } });
    await appPrisma.$transaction(async (tx) => {
      await tx.person.update({ where: { id: person.id }, data: { displayName: "Renamed by the app role" } });
      await recordAudit(tx, { actorId: person.id, action: "person.updated", entityType: "Person", entityId: person.id, after: { displayName: "Renamed by the app role" } });
    });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).displayName).toBe("Renamed by the app role");
    expect(await prisma.auditEntry.count({ where: { entityId: person.id, action: "person.updated" } })).toBeGreaterThan(0);
  });
});
