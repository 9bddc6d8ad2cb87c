/**
 * `npm run db:seed`: applies pending migrations, then loads the reference and
 * demo data, only into an empty database.
 *   --now <date>   date the data as of this day (ISO, e.g. 2026-11-22); default: now
 * Runs as the database owner: MIGRATION_DATABASE_URL, else DATABASE_URL, when set;
 * otherwise the embedded cluster in .data/postgres.
 */
import { parseArgs } from "node:util";
import { resolveDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { seedDatabase } from "@/prisma/seed/load";

function parseNow(): Date {
  const { values } = parseArgs({ options: { now: { type: "string" } } });
  if (values.now === undefined) return new Date();
  const now = new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date such as 2026-11-22, got "${values.now}"`);
  return now;
}

async function main(): Promise<void> {
  const now = parseNow();
  const database = await resolveDatabase();
  try {
    const applied = await migrateDatabase(database.url);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

    const started = Date.now();
    const result = await seedDatabase(database.url, { now });
    if (!result.seeded) {
      console.log("Database already has data; seed skipped.");
      return;
    }
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
    for (const [table, count] of Object.entries(result.counts)) {
      console.log(`  ${table.padEnd(22)} ${count.toLocaleString("en-US").padStart(9)}`);
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
