import { dropDatabase, withMaintenanceClient } from "@/lib/db/temporary-database";

/** The databases of one integration run, all on one server (see tests/integration/global-setup.ts). */
export interface TestDatabases {
  /** Any URL on the server; only its address and credentials are used. */
  serverUrl: string;
  /** Every database of the run starts with it, so the teardown finds leftovers. */
  prefix: string;
  emptyTemplate: string;
  seedTemplate: string;
}

/**
 * Lets no one connect to a finished template: PostgreSQL refuses to copy a database
 * while another connection is open on it, so a stray connection fails at once rather
 * than making every later copy wait and fail.
 */
export async function closeTemplate({ serverUrl }: TestDatabases, name: string): Promise<void> {
  await withMaintenanceClient(serverUrl, (client) => client.query(`ALTER DATABASE ${client.escapeIdentifier(name)} WITH ALLOW_CONNECTIONS false`));
}

export async function databaseExists({ serverUrl }: TestDatabases, name: string): Promise<boolean> {
  return withMaintenanceClient(serverUrl, async (client) => ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0);
}

/**
 * Runs `work` holding a lock shared by every worker of the run (a session advisory
 * lock on the server), so only one of them builds a template at a time.
 */
export async function withRunLock<T>({ serverUrl, prefix }: TestDatabases, work: () => Promise<T>): Promise<T> {
  return withMaintenanceClient(serverUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [prefix]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [prefix]);
    }
  });
}

/** Drops every database of the run still there: the templates, and copies a crashed worker left behind. */
export async function dropRunDatabases(databases: TestDatabases): Promise<void> {
  const names = await withMaintenanceClient(databases.serverUrl, async (client) => {
    const result = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${databases.prefix}_`]);
    return result.rows.map((row) => row.datname);
  });
  for (const name of names) await dropDatabase(databases.serverUrl, name);
}
