import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TemporaryDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export interface CreateOptions {
  /**
   * Create the database as a copy of this one (`CREATE DATABASE … TEMPLATE …`).
   * PostgreSQL refuses the copy while any other connection is open on the template.
   */
  template?: string;
}

/**
 * A throwaway database on an existing server (tests, shadow databases, the
 * end-to-end server): created empty, or as a copy of `options.template`, under a
 * unique name starting with `prefix`; dropped with FORCE by `drop()`.
 */
export async function createTemporaryDatabase(serverUrl: string, prefix = "ubt_tmp", options: CreateOptions = {}): Promise<TemporaryDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  return createDatabase(serverUrl, name, options);
}

/** Like `createTemporaryDatabase`, under exactly the name given (it must not exist yet). */
export async function createDatabase(serverUrl: string, name: string, { template }: CreateOptions = {}): Promise<TemporaryDatabase> {
  await withMaintenanceClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ""}`),
  );
  return { name, url: databaseUrlOn(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** Drops the database, ending any connection still open on it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withMaintenanceClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

/** The URL of database `name` on the server `serverUrl` points at (same credentials and options). */
function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs `work` with a connection to the server's `postgres` maintenance database,
 * for statements that must not run inside the databases they affect.
 */
export async function withMaintenanceClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlOn(serverUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
