/**
 * Database migrations, offline (Prisma's schema engine as WebAssembly):
 *   tsx lib/cli/migrate.ts apply           apply pending migrations   (npm run db:migrate)
 *   tsx lib/cli/migrate.ts create <name>   write a migration for schema changes
 *                                          (npm run db:migration -- <name>)
 * Runs as the database owner: MIGRATION_DATABASE_URL, else DATABASE_URL, when set;
 * otherwise the embedded cluster in .data/postgres.
 */
import path from "node:path";
import { resolveDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { createMigration } from "@/lib/db/schema-engine";

const USAGE = "Usage: migrate.ts apply | migrate.ts create <name>";
const MIGRATION_NAME = /^[a-z0-9][a-z0-9_-]*$/;

class UsageError extends Error {}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === "apply" && rest.length === 0) return withDatabase(apply);
  if (command === "create" && rest.length === 1) {
    const name = validMigrationName(rest[0]!);
    return withDatabase((url) => create(url, name));
  }
  throw new UsageError(USAGE);
}

function validMigrationName(name: string): string {
  if (!MIGRATION_NAME.test(name)) {
    throw new UsageError(
      `Invalid migration name "${name}": use lowercase letters, digits, underscores and hyphens, e.g. add_goal_owner.`,
    );
  }
  return name;
}

async function withDatabase(task: (databaseUrl: string) => Promise<void>): Promise<void> {
  const database = await resolveDatabase();
  try {
    await task(database.url);
  } finally {
    await database.stop();
  }
}

async function apply(databaseUrl: string): Promise<void> {
  const applied = await migrateDatabase(databaseUrl);
  if (applied.length === 0) console.log("No pending migrations: the database is up to date.");
  else console.log(`Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}`);
}

async function create(databaseUrl: string, name: string): Promise<void> {
  const directory = await createMigration(databaseUrl, name);
  if (directory === null) {
    console.log("No schema changes: prisma/schema.prisma matches the migrations.");
    return;
  }
  console.log(`Created ${path.relative(process.cwd(), path.join(directory, "migration.sql"))}`);
  console.log("Review it, then apply it with `npm run db:migrate`.");
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `Migration failed: ${describe(error)}`);
  process.exitCode = 1;
});

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}\n  caused by: ${error.cause.message}` : error.message;
}
