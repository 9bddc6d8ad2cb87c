/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → migrations →
 * seed (only into an empty database), as the database's owner → build if stale →
 * serve, connected as the app's own role (lib/db/app-role.ts), with the job worker
 * (lib/cli/worker.ts) beside it. Ctrl-C stops all.
 *   --dev        serve with `next dev` instead of a production build
 *   --ephemeral  a throwaway database, gone on exit (used by the end-to-end tests)
 */
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { enableAppRoleLogin } from "@/lib/db/app-role";
import { resolveDatabase, startEmbeddedPostgres, type DatabaseHandle } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { createTemporaryDatabase } from "@/lib/db/temporary-database";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { seedDatabase } from "@/prisma/seed/load";
import { buildNext, isBuildFresh, NEXT_BIN } from "./build-freshness";
import { keptSecret as keptSecretOf } from "./kept-secret";

const ROOT = process.cwd();
const { values: flags } = parseArgs({
  options: { dev: { type: "boolean", default: false }, ephemeral: { type: "boolean", default: false } },
});
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, got "${process.env.PORT}".`);

function fail(message: string): never {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

/** The database, as its owner; `embedded` when it is on a cluster of our own. */
async function openDatabase(): Promise<DatabaseHandle & { embedded: boolean }> {
  if (!flags.ephemeral) return resolveDatabase();
  if (!process.env.DATABASE_URL) return { ...(await startEmbeddedPostgres({ persistent: false })), embedded: true };
  const database = await createTemporaryDatabase(process.env.DATABASE_URL, "ubt_e2e");
  return { url: database.url, stop: database.drop, embedded: false };
}

/** A throwaway run keeps its secrets in memory; any other keeps them with the local data. */
function keptSecret(fileName: string): string {
  return flags.ephemeral ? randomBytes(32).toString("base64url") : keptSecretOf(ROOT, fileName);
}

/**
 * What the web server connects as: on the embedded cluster, the app role (given a
 * login here, as migrations create it without one); with DATABASE_URL, that URL,
 * which names the operator's app role (or their only role). A throwaway database on
 * the operator's server is used as the role that created it.
 */
async function serverDatabaseUrl(database: { url: string; embedded: boolean }): Promise<string> {
  if (database.embedded) return enableAppRoleLogin(database.url, keptSecret("app-role-password"));
  return flags.ephemeral ? database.url : (process.env.DATABASE_URL ?? database.url);
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The web server exited with code ${server.exitCode}.`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("The web server did not become healthy within 2 minutes.");
}

async function prepareDatabase(url: string): Promise<void> {
  const applied = await migrateDatabase(url);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  const seed = await seedDatabase(url);
  console.log(seed.seeded ? "Seeded reference and demo data into the empty database." : "Database already has data; seed skipped.");
}

/** Child processes still running (a build, the server): stopping the app stops them too. */
const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function build(env: NodeJS.ProcessEnv): Promise<void> {
  console.log("Building the app (once per change; about half a minute)…");
  return buildNext(env, track);
}

/** How long a child may take to stop after SIGTERM before it is killed. */
const CHILD_STOP_MS = 5000;

/** Stops the children and waits until they are gone, so their port is free and nothing outlives us. */
async function stopChildren(): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_STOP_MS);
      await gone;
      clearTimeout(timer);
    }),
  );
}

async function main() {
  console.log(flags.ephemeral ? "Starting a throwaway database…" : "Starting the database…");
  // Signals are handled from the first moment: one during start-up waits for the database
  // being started, then stops it, rather than leaving it running without us.
  const opening = openDatabase();
  let stopping = false;
  const shutdown = async (code: number) => {
    // A second signal (an impatient Ctrl-C) while stopping changes nothing: the stop is under way and bounded.
    if (stopping) return;
    stopping = true;
    console.log("\nStopping UBT Tracker…");
    await stopChildren();
    const database = await opening.catch(() => null);
    await database?.stop().catch((error: unknown) => console.error("Stopping the database failed:", error));
    console.log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const database = await opening;
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      // Sessions survive restarts.
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? keptSecret("auth-secret"),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
      // No telemetry calls from a self-hosted install (and none can leave these machines anyway).
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // The build needs no database: it runs while the database is migrated and seeded.
    await Promise.all([prepareDatabase(database.url), flags.dev || isBuildFresh(ROOT) ? null : build(env)]);
    const serverEnv = { ...env, DATABASE_URL: await serverDatabaseUrl(database) };
    // Stopped meanwhile: no server to start.
    if (stopping) return;
    const server = track(spawn(process.execPath, [NEXT_BIN, flags.dev ? "dev" : "start", "--port", String(port)], { stdio: ["ignore", "inherit", "inherit"], env: serverEnv }));
    server.on("exit", (code) => void shutdown(code ?? 1));
    // The job worker: notification emails, the daily digest and reminders (lib/cli/worker.ts).
    const worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(ROOT, "lib/cli/worker.ts")], { stdio: ["ignore", "inherit", "inherit"], env: serverEnv });
    children.add(worker);
    worker.on("exit", (code) => void shutdown(code ?? 1));

    const url = `http://localhost:${port}`;
    await waitForHealth(url, server);
    console.log(`\n✔ UBT Tracker is running at ${url}`);
    console.log(`  Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) console.log(`    ${account.email.padEnd(34)} ${account.description}`);
    console.log("  Press Ctrl-C to stop the app and the database.\n");
  } catch (error) {
    // A step failing because we are stopping is no news.
    if (stopping) return;
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
