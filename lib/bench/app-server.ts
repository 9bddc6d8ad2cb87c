import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { buildNext, isBuildFresh, NEXT_BIN } from "@/lib/cli/build-freshness";
import { keptSecret } from "@/lib/cli/kept-secret";
import { enableAppRoleLogin } from "@/lib/db/app-role";
import { resolveDatabase } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { scaleDatabaseName, type BenchOptions } from "./options";

/** What the benchmark cleans up on exit, error or Ctrl-C, newest first. */
export class Cleanup {
  private readonly steps: { what: string; run: () => Promise<unknown> }[] = [];
  /** Set once stopping began: the benchmark's work stops at its next step instead of measuring what is being torn down. */
  stopping = false;

  /** Throws when stopping began (a Ctrl-C), so nothing more is measured or written. */
  assertRunning(): void {
    if (this.stopping) throw new Error("Stopped.");
  }

  add(what: string, run: () => Promise<unknown>): void {
    this.steps.push({ what, run });
  }

  async runAll(): Promise<void> {
    this.stopping = true;
    for (const step of this.steps.splice(0).reverse()) {
      await step.run().catch((error: unknown) => console.error(`Stopping ${step.what} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}

/** A database the benchmark cannot use; the message says what to do. */
export class BenchDatabaseError extends Error {}

export type BenchDatabase = {
  /** What the report names it by (no password). */
  label: string;
  /** The app's connection, as the app's own role where the app has one (as npm start runs it). */
  appUrl: string;
};

function withDatabase(url: string, database: string): string {
  const result = new URL(url);
  result.pathname = `/${database}`;
  return result.toString();
}

function withoutPassword(url: string): string {
  const result = new URL(url);
  result.password = "";
  return result.toString();
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/**
 * The database to benchmark: a URL as given; otherwise `ubt_scale_<N>` (or the named one) on
 * the app's database server (DATABASE_URL's, or the embedded cluster in .data, started if
 * need be and stopped at the end). Brought to the latest migration as its owner, as every
 * command that readies a database does.
 */
export async function openBenchDatabase(root: string, options: BenchOptions, cleanup: Cleanup): Promise<BenchDatabase> {
  if (options.database?.kind === "url") return { label: withoutPassword(options.database.url), appUrl: options.database.url };

  const server = await resolveDatabase();
  cleanup.add("the database server", () => server.stop());
  const name = options.database?.name ?? scaleDatabaseName(options.scale);
  if (!(await databaseExists(server.url, name))) {
    const where = server.embedded ? "the embedded database server (.data/postgres)" : "the server DATABASE_URL names";
    throw new BenchDatabaseError(
      options.database
        ? `There is no database "${name}" on ${where}.`
        : `There is no database "${name}" on ${where}: run npm run db:generate -- --scale ${options.scale} first.`,
    );
  }
  const ownerUrl = withDatabase(server.url, name);
  await migrateDatabase(ownerUrl);
  const appUrl = server.embedded
    ? await enableAppRoleLogin(ownerUrl, keptSecret(root, "app-role-password"))
    : withDatabase(process.env.DATABASE_URL ?? ownerUrl, name);
  return { label: `${name} on ${withoutPassword(server.url).replace(/\/[^/]*$/, "")}`, appUrl };
}


/** Stops a child and waits until it is gone (killed after 5 s), so its port is free and nothing outlives the benchmark. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await gone;
  clearTimeout(timer);
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The web server exited with code ${server.exitCode}; see its output above.`);
    if (await fetch(`${baseUrl}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("The web server did not become healthy within 2 minutes.");
}

/**
 * The production build (built first when a source is newer than it), served by `next start`
 * on `port` against the database, as npm start serves it (without the job worker: it sends
 * mail and reminders and serves no page). Answers the server's base URL and how to stop it
 * before the end (it is stopped at the end in any case).
 */
export async function startProductionServer(
  root: string,
  database: BenchDatabase,
  port: number,
  cleanup: Cleanup,
): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? keptSecret(root, "auth-secret"),
    NEXTAUTH_URL: baseUrl,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!isBuildFresh(root)) {
    console.log("Building the app (the build is older than the sources)…");
    await buildNext(env, (child) => cleanup.add("the build", () => stopChild(child)));
  }
  const server = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], { stdio: ["ignore", "ignore", "inherit"], env: { ...env, NODE_ENV: "production" } });
  cleanup.add("the web server", () => stopChild(server));
  await waitForHealth(baseUrl, server);
  return { baseUrl, stop: () => stopChild(server) };
}
