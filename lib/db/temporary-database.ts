import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A throwaway database on an existing server (tests, shadow databases, the
 * end-to-end server): created empty, dropped with FORCE by `drop()`.
 */
export async function createTemporaryDatabase(serverUrl: string, prefix = "ubt_tmp"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await runOnMaintenanceDatabase(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runOnMaintenanceDatabase(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function runOnMaintenanceDatabase(serverUrl: string, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
