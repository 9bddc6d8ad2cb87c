import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { createDatabase } from "@/lib/db/temporary-database";
import { closeTemplate, dropRunDatabases, type TestDatabases } from "@/tests/support/test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
  }
}

/**
 * A real PostgreSQL server for the integration tests: a throwaway embedded cluster,
 * or with DATABASE_URL the server it names (whose own database the tests never touch).
 * On it, every database of this run is named after one random prefix:
 *   <prefix>_empty   the migrated, empty template, made here;
 *   <prefix>_seed    the seeded template, made from it by the first file that asks for
 *                    the seed (tests/support/database.ts), so runs that need no seed skip it;
 *   <prefix>_file_…  each test file's own copy (tests/integration/setup-database-url.ts).
 * Each file drops its copy; the teardown drops whatever of the run is left, then stops the cluster.
 */
export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ persistent: false });
  const prefix = `ubt_test_${randomBytes(3).toString("hex")}`;
  const databases: TestDatabases = { serverUrl: server.url, prefix, emptyTemplate: `${prefix}_empty`, seedTemplate: `${prefix}_seed` };
  const teardown = async () => {
    try {
      await dropRunDatabases(databases);
    } finally {
      await server.stop();
    }
  };

  try {
    const empty = await createDatabase(server.url, databases.emptyTemplate);
    await migrateDatabase(empty.url);
    await closeTemplate(databases, databases.emptyTemplate);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("testDatabases", databases);
  return teardown;
}
