import pg from "pg";
import { inject } from "vitest";
import { prisma } from "@/lib/db";
import { createDatabase, dropDatabase } from "@/lib/db/temporary-database";
import { seedDatabase } from "@/prisma/seed/load";
import { SEED_NOW } from "@/tests/support/seed-clock";
import { closeTemplate, databaseExists, withRunLock } from "@/tests/support/test-databases";

/** Empties every application table (the migrations' own bookkeeping stays). */
export async function truncateAllTables(): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/**
 * Makes this test file's database hold exactly the seed, as of SEED_NOW: it is
 * replaced by a fresh copy of the run's seeded template (seeded once per run, by
 * whichever file asks first). The Prisma client reconnects on its next query.
 */
export async function resetToSeed(): Promise<void> {
  const template = await seedTemplate();
  const url = new URL(process.env.DATABASE_URL!);
  const name = decodeURIComponent(url.pathname.slice(1));
  await prisma.$disconnect();
  await dropDatabase(url.toString(), name);
  await createDatabase(url.toString(), name, { template });
}

let seeded: Promise<string> | undefined;

/** The name of the run's seeded template, seeding it first if no file has yet. */
function seedTemplate(): Promise<string> {
  seeded ??= (async () => {
    const databases = inject("testDatabases");
    await withRunLock(databases, async () => {
      if (await databaseExists(databases, databases.seedTemplate)) return;
      const template = await createDatabase(databases.serverUrl, databases.seedTemplate, { template: databases.emptyTemplate });
      try {
        const result = await seedDatabase(template.url, { now: SEED_NOW });
        if (!result.seeded) throw new Error("Seeding the empty template was skipped");
        await vacuum(template.url);
        await closeTemplate(databases, databases.seedTemplate);
      } catch (error) {
        await template.drop();
        throw error;
      }
    });
    return databases.seedTemplate;
  })();
  seeded.catch(() => (seeded = undefined));
  return seeded;
}

/**
 * Freezes and analyses the freshly loaded template once, so that every copy starts
 * with planner statistics, a visibility map and hint bits set, instead of each file
 * paying for them on its first reads of 1.4 million new rows.
 */
async function vacuum(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (FREEZE, ANALYZE)");
  } finally {
    await client.end();
  }
}
