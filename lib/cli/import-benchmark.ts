/**
 * `npm run bench:import`: times the bulk import at the sizes it is built for, on a
 * throwaway embedded PostgreSQL (migrated and seeded, then deleted): a 40,000-team
 * organisation file and a 150,000-people file, each imported and then imported again
 * (which must change nothing). Prints the times and what each run did.
 * Runs with the react-server condition, as the app's server code does (it imports "server-only").
 */
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { seedDatabase } from "@/prisma/seed/load";
import { toCsv } from "@/lib/csv";
import { IMPORT_DEFINITIONS, type ImportKind, type ImportResult, type ImportStage } from "@/lib/validation/imports";
import type { PersonActor } from "@/lib/auth/permissions";

const TEAMS = 40_000;
const PEOPLE = 150_000;

function organisationFile(regionSlugs: string[]): Uint8Array {
  const types = ["PHARMACY", "PRIMARY_CARE", "LABORATORY", "IMAGING", "EMERGENCY"];
  const rows = Array.from({ length: TEAMS }, (_, index) => {
    const facility = index % 800;
    const department = Math.floor(index / 800) % types.length;
    return [
      regionSlugs[facility % regionSlugs.length]!,
      `Benchmark Medical Center ${facility + 1}`,
      `Benchmark department ${department + 1}`,
      types[department]!,
      `BENCH-${String(index + 1).padStart(5, "0")}`,
      `Benchmark team ${index + 1}`,
      "",
      `20${String(10 + (index % 15))}-Q${(index % 4) + 1}`,
      index % 50 === 49 ? "2025-Q1" : "",
    ];
  });
  return new TextEncoder().encode(toCsv(IMPORT_DEFINITIONS.organisation.columns, rows));
}

function peopleFile(unionLocals: string[]): Uint8Array {
  const rows = Array.from({ length: PEOPLE }, (_, index) => [
    `Benchmark Person ${index + 1}`,
    `bench.person.${index + 1}@example.org`,
    `B${String(index + 1).padStart(7, "0")}`,
    index % 3 === 0 ? unionLocals[index % unionLocals.length]! : "",
    index % 10 === 0 ? "yes" : "no",
  ]);
  return new TextEncoder().encode(toCsv(IMPORT_DEFINITIONS.people.columns, rows));
}

function describe(result: ImportResult): string {
  const tallies = Object.entries(result.tallies)
    .map(([records, t]) => `${records} +${t.created} ~${t.updated} =${t.unchanged}`)
    .join(", ");
  return result.errorCount > 0 ? `${result.errorCount} errors, first: ${JSON.stringify(result.errors[0])}` : tallies;
}

async function main(): Promise<void> {
  console.log("Starting a throwaway database, migrating and seeding it…");
  const database = await startEmbeddedPostgres({ persistent: false });
  try {
    await migrateDatabase(database.url);
    await seedDatabase(database.url);
    // lib/db reads DATABASE_URL on first use, so the modules that use it load after it is set.
    process.env.DATABASE_URL = database.url;
    const { prisma } = await import("@/lib/db");
    const { importCsv } = await import("@/lib/services/imports");

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.org" } });
    const actor: PersonActor = { personId: admin.personId, grants: [{ role: "ADMIN", teamId: null, regionId: null }] };
    const regions = await prisma.region.findMany({ select: { slug: true } });
    const locals = await prisma.unionLocal.findMany({ select: { name: true } });
    const files: [ImportKind, string, Uint8Array][] = [
      ["organisation", `${TEAMS.toLocaleString("en-US")} teams`, organisationFile(regions.map((r) => r.slug))],
      ["people", `${PEOPLE.toLocaleString("en-US")} people`, peopleFile(locals.map((l) => l.name))],
    ];

    for (const [kind, what, bytes] of files) {
      for (const run of ["import", "re-import"]) {
        const started = performance.now();
        // When each stage was first reported: reading, checking (rows, then the plan against the data) and writing.
        const stageStarts = new Map<ImportStage, number>();
        const result = await importCsv(actor, { kind, mode: "import", fileName: `benchmark-${kind}.csv`, bytes }, (stage) => {
          if (!stageStarts.has(stage)) stageStarts.set(stage, performance.now());
        });
        const ended = performance.now();
        const marks = [...stageStarts.entries(), ["end", ended] as const];
        const stages = marks
          .slice(0, -1)
          .map(([stage, at], index) => `${stage} ${((marks[index + 1]![1] - at) / 1000).toFixed(1)} s`)
          .join(", ");
        const seconds = ((ended - started) / 1000).toFixed(2);
        console.log(`${what.padEnd(15)} ${(bytes.length / 1024 / 1024).toFixed(1).padStart(5)} MB  ${run.padEnd(9)} ${seconds.padStart(6)} s  (${stages})  ${describe(result)}`);
      }
    }
    await prisma.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
