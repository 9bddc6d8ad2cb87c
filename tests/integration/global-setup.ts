import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createTemporaryDatabase } from "@/lib/db/temporary-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * A real, migrated PostgreSQL for the integration tests: a throwaway embedded
 * cluster, or with DATABASE_URL a throwaway database on that server (never the
 * database DATABASE_URL names, so running the tests cannot touch real data).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl
    ? await createTemporaryDatabase(serverUrl, "ubt_test").then((db) => ({ url: db.url, stop: db.drop }))
    : await startEmbeddedPostgres({ persistent: false });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}
