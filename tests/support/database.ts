import { prisma } from "@/lib/db";
import { seedDatabase } from "@/prisma/seed/load";
import { SEED_NOW } from "@/tests/support/seed-clock";

/** Empties every application table (the migrations' own bookkeeping stays). */
export async function truncateAllTables(): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** A database holding exactly the seed, as of SEED_NOW (the same data on every day the tests run). */
export async function resetToSeed(): Promise<void> {
  await truncateAllTables();
  const result = await seedDatabase(process.env.DATABASE_URL!, { now: SEED_NOW });
  if (!result.seeded) throw new Error("Seeding a truncated database was skipped");
}
