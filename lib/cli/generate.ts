/**
 * `npm run db:generate -- --scale N`: a database holding N times the partnership
 * (prisma/seed/generate.ts generateScaledData), for measuring the app at scale.
 * Creates (or replaces) the database on the same server as the app's, applies the
 * app's migrations and the job queue's schema, loads the data with the demo
 * accounts, runs VACUUM (ANALYZE), then prints the rows per table and the time of each phase.
 *   --scale <N>        a positive whole number; default 1 (3,803 teams)
 *   --database <name>  default ubt_scale_<N>; never the app's own database
 *   --now <date>       date the data as of this moment (ISO); default a fixed day, so
 *                      every run of a scale makes the same data
 * Runs as the database owner: MIGRATION_DATABASE_URL, else DATABASE_URL, when set;
 * otherwise the embedded cluster in .data/postgres. The npm script gives Node a
 * larger young generation (the generator makes many short-lived objects) and heap.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { resolveDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { createDatabase, dropDatabase } from "@/lib/db/temporary-database";
import { SCALED_DATA_NOW } from "@/prisma/seed/generate";
import { loadScaledData } from "@/prisma/seed/load";

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

interface Options {
  scale: number;
  database: string;
  now: Date;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "1" }, database: { type: "string" }, now: { type: "string" } },
  });
  if (!/^\d+$/.test(values.scale) || Number(values.scale) < 1 || !Number.isSafeInteger(Number(values.scale))) {
    throw new Error(`--scale must be a positive whole number such as 1 or 10, got "${values.scale}"`);
  }
  const scale = Number(values.scale);
  const database = values.database ?? `ubt_scale_${scale}`;
  if (!DATABASE_NAME.test(database)) {
    throw new Error(`--database must be a lower-case name of letters, digits and underscores (at most 63), got "${database}"`);
  }
  const now = values.now === undefined ? SCALED_DATA_NOW : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date such as 2026-11-16, got "${values.now}"`);
  return { scale, database, now };
}

/** Wall-clock time per phase, each phase ending when the next begins. */
class PhaseClock {
  private readonly durations: [string, number][] = [];
  private current: [string, number] | null = null;
  private readonly started = performance.now();

  begin(phase: string): void {
    this.end();
    console.log(`  … ${phase}`);
    this.current = [phase, performance.now()];
  }

  end(): void {
    if (this.current) this.durations.push([this.current[0], performance.now() - this.current[1]]);
    this.current = null;
  }

  report(): string[] {
    const total = (performance.now() - this.started) / 1000;
    return [...this.durations.map(([phase, ms]) => `  ${phase.padEnd(32)} ${(ms / 1000).toFixed(1).padStart(7)} s`), `  ${"total".padEnd(32)} ${total.toFixed(1).padStart(7)} s`];
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const server = await resolveDatabase();
  try {
    const appDatabase = new URL(server.url).pathname.slice(1);
    if (options.database === appDatabase) throw new Error(`--database "${options.database}" is the app's own database; choose another name`);
    console.log(`Generating ${options.scale}× the partnership into "${options.database}", as of ${options.now.toISOString()}:`);

    const clock = new PhaseClock();
    clock.begin("create database");
    await dropDatabase(server.url, options.database);
    const target = await createDatabase(server.url, options.database);
    clock.begin("migrations and job queue");
    // As `npm start` prepares its database, so the app can be pointed straight at this one.
    await migrateDatabase(target.url);
    const counts = await loadScaledData(target.url, { scale: options.scale, now: options.now, onPhase: (phase) => clock.begin(phase) });
    clock.begin("vacuum and analyze");
    await vacuumAndAnalyze(target.url);
    clock.end();

    console.log(`\nRows:`);
    for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(22)} ${count.toLocaleString("en-US").padStart(11)}`);
    console.log(`\nTime by phase:`);
    for (const line of clock.report()) console.log(line);
    const where = new URL(target.url);
    console.log(`\nDatabase "${options.database}" on ${where.hostname}:${where.port} is ready.`);
  } finally {
    await server.stop();
  }
}

/** What autovacuum does after a bulk load, at once: statistics for the planner, and the visibility map that index-only scans rely on. */
async function vacuumAndAnalyze(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(`Generate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
