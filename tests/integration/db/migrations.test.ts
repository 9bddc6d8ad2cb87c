import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffMigrationsToSchema } from "@/lib/db/schema-engine";
import { createTemporaryDatabase } from "@/lib/db/temporary-database";
import { prisma } from "@/lib/db";
import { resetToSeed } from "@/tests/support/database";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const committedMigrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("migrations on an empty database", () => {
  let database: { url: string; drop(): Promise<void> };
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTemporaryDatabase(process.env.DATABASE_URL!, "ubt_migrations");
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it("apply every committed migration, and then none", async () => {
    expect(committedMigrations.length).toBeGreaterThan(0);
    expect(await applyMigrations(database.url)).toEqual(committedMigrations);
    expect(await applyMigrations(database.url)).toEqual([]);
    const recorded = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(recorded.rows.map((row) => row.migration_name)).toEqual(committedMigrations);
  });

  it("create every model's table", async () => {
    const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!).sort();
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    expect(tables.rows.map((row) => row.tablename).sort()).toEqual(models);
  });

  it("let the database refuse what the domain forbids", async () => {
    await expect(client.query(`INSERT INTO "Region" (id, slug, name, "membersServed") VALUES (gen_random_uuid(), 'x', 'X', -1)`)).rejects.toThrow(
      /check constraint/,
    );
    await expect(
      client.query(`INSERT INTO "Region" (id, slug, name, "councilSinceQuarter") VALUES (gen_random_uuid(), 'y', 'Y', '2019-Q5')`),
    ).rejects.toThrow(/check constraint/);
  });

  it("keep the audit log append-only", async () => {
    await client.query(`INSERT INTO "AuditEntry" (action, "entityType", "entityId") VALUES ('test.created', 'Test', '1')`);
    await expect(client.query(`UPDATE "AuditEntry" SET action = 'tampered'`)).rejects.toThrow(/append-only/i);
    await expect(client.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/i);
    const rows = await client.query(`SELECT action FROM "AuditEntry"`);
    expect(rows.rows).toEqual([{ action: "test.created" }]);
  });
});

describe("schema.prisma and the migrations", () => {
  it("agree: replaying the migrations yields exactly the schema", async () => {
    const pending = await diffMigrationsToSchema(process.env.DATABASE_URL!);
    expect(pending, `schema.prisma has changes without a migration; run npm run db:migration -- <name>:\n${pending}`).toBe("");
  });

  it("disagree as soon as the schema changes (the check can fail)", async () => {
    const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
    const changedSchema = path.join(mkdtempSync(path.join(os.tmpdir(), "ubt-schema-")), "schema.prisma");
    writeFileSync(changedSchema, `${schema}\nmodel Unmigrated {\n  id Int @id\n}\n`);
    const pending = await diffMigrationsToSchema(process.env.DATABASE_URL!, changedSchema);
    expect(pending).toContain(`CREATE TABLE "Unmigrated"`);
  });
});

describe("the migration that makes measure names unique per project", () => {
  const migration = readFileSync(path.join(MIGRATIONS_DIR, "20261130220353_measure_name_unique_per_project", "migration.sql"), "utf8");

  it("numbers the later of two measures a project already names alike, so an existing install can take the key", async () => {
    // A database as it was before the migration: the seed, without the key, with duplicate names.
    await resetToSeed();
    await prisma.$executeRawUnsafe(`DROP INDEX "Measure_projectId_name_key"`);
    await prisma.$executeRawUnsafe(`CREATE INDEX "Measure_projectId_idx" ON "Measure"("projectId")`);
    const project = await prisma.project.findFirstOrThrow({ orderBy: { id: "asc" } });
    const fields = { projectId: project.id, kind: "OUTCOME", unit: "minutes", direction: "DECREASE" } as const;
    for (const [index, createdAt] of ["2024-01-01", "2024-02-01", "2024-03-01"].entries()) {
      await prisma.measure.create({ data: { ...fields, name: "Wait time", createdAt: new Date(createdAt) } });
      if (index === 0) await prisma.measure.create({ data: { ...fields, name: "Calls answered", createdAt: new Date(createdAt) } });
    }

    await prisma.$executeRawUnsafe(migration);

    const names = await prisma.measure.findMany({ where: { projectId: project.id, name: { startsWith: "Wait time" } }, orderBy: { createdAt: "asc" }, select: { name: true } });
    expect(names.map((measure) => measure.name)).toEqual(["Wait time", "Wait time (2)", "Wait time (3)"]);
    expect(await prisma.measure.count({ where: { projectId: project.id, name: "Calls answered" } })).toBe(1);
    await expect(prisma.measure.create({ data: { ...fields, name: "Wait time" } })).rejects.toThrow();
  });
});
